package org.commitmenttracker.target;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.commitmenttracker.auth.Caller;
import org.commitmenttracker.commitment.CommitmentRepository;
import org.commitmenttracker.common.http.ApiProblem;
import org.commitmenttracker.common.http.Etags;
import org.commitmenttracker.common.http.MergePatch;
import org.commitmenttracker.common.http.Page;
import org.commitmenttracker.common.http.PageParams;
import org.commitmenttracker.common.http.Sortable;
import org.commitmenttracker.common.http.Violation;
import org.commitmenttracker.common.startup.TrackerConfig;
import org.commitmenttracker.history.Action;
import org.commitmenttracker.history.ChangeNote;

import com.fasterxml.jackson.databind.JsonNode;

/** Milestones: writing them consistently with their targets and completing qualitative ones (the overdue listing is progress's). */
@ApplicationScoped
public class MilestoneService {

    static final Sortable SORTABLE = Sortable.of("dueDate", "dueDate", "createdAt", "createdAt");

    private final MilestoneRepository milestones;
    private final CommitmentRepository commitments;
    private final TargetRepository targets;
    private final MergePatch mergePatch;
    private final TrackerConfig config;
    private final Caller caller;
    private final ChangeNote changeNote;

    MilestoneService(MilestoneRepository milestones, CommitmentRepository commitments, TargetRepository targets,
            MergePatch mergePatch, TrackerConfig config, Caller caller, ChangeNote changeNote) {
        this.milestones = milestones;
        this.commitments = commitments;
        this.targets = targets;
        this.mergePatch = mergePatch;
        this.config = config;
        this.caller = caller;
        this.changeNote = changeNote;
    }

    @Transactional
    public Page<MilestoneView> list(MilestoneRepository.Filter filter, PageParams paging) {
        return paging.page(milestones.search(filter, paging.toSort(SORTABLE)), MilestoneView::from);
    }

    /** One statement, so no transaction: read in the request's session, without JTA's begin and commit. */
    public MilestoneView get(UUID id) {
        return MilestoneView.from(find(id));
    }

    @Transactional
    public MilestoneView create(MilestoneRequest request) {
        var milestone = new Milestone();
        apply(milestone, request);
        milestones.persistAndFlush(milestone);
        return MilestoneView.from(milestone);
    }

    @Transactional
    public MilestoneView update(UUID id, MilestoneRequest request, String ifMatch) {
        var milestone = find(id);
        Etags.require(ifMatch, milestone.version);
        apply(milestone, request);
        milestones.flush();
        return MilestoneView.from(milestone);
    }

    @Transactional
    public MilestoneView patch(UUID id, JsonNode patch, String ifMatch) {
        var milestone = find(id);
        Etags.require(ifMatch, milestone.version);
        apply(milestone, mergePatch.apply(MilestoneRequest.from(milestone), patch, MilestoneRequest.class));
        milestones.flush();
        return MilestoneView.from(milestone);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        var milestone = find(id);
        Etags.require(ifMatch, milestone.version);
        milestones.delete(milestone);
        milestones.flush();
    }

    /**
     * Sets or clears completedOn of a qualitative milestone; one with a plannedValue completes through reports. Only
     * its own department's reporter completes it; If-Match is honoured but not required, since a completion replaces
     * nothing the caller has not seen.
     */
    @Transactional
    public MilestoneView complete(UUID id, CompletionRequest request, String ifMatch) {
        var milestone = find(id);
        caller.requireDepartment(milestone.commitment.department.code);
        Etags.check(ifMatch, milestone.version);
        if (milestone.plannedValue != null) {
            throw ApiProblem.conflict("milestone " + id + " has a plannedValue: it is completed when its target's "
                    + "reported level reaches that value, not by completedOn");
        }
        if (request.completedOn() != null && request.completedOn().isAfter(LocalDate.now(config.zoneId()))) {
            throw ApiProblem.invalid("completedOn", "must not be in the future");
        }
        changeNote.action(Action.COMPLETE);
        milestone.completedOn = request.completedOn();
        milestones.flush();
        return MilestoneView.from(milestone);
    }

    /** The milestone with this id, or 404. */
    public Milestone find(UUID id) {
        return milestones.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("milestone", id));
    }

    private void apply(Milestone milestone, MilestoneRequest request) {
        var violations = new ArrayList<Violation>();
        var commitment = commitments.findByIdOptional(request.commitmentId());
        if (commitment.isEmpty()) {
            violations.add(new Violation("commitmentId", "no commitment with id " + request.commitmentId()));
        }
        Target target = null;
        if (request.targetId() != null) {
            target = targets.findByIdOptional(request.targetId()).orElse(null);
            if (target == null) {
                violations.add(new Violation("targetId", "no target with id " + request.targetId()));
            } else if (!target.commitment.id.equals(request.commitmentId())) {
                violations.add(new Violation("targetId", "the target belongs to commitment " + target.commitment.id
                        + ", not to this milestone's commitment"));
            }
        }
        var planned = request.plannedValue();
        if (planned != null && request.targetId() == null) {
            violations.add(new Violation("plannedValue", "needs a targetId: the target whose level it plans"));
        }
        if (planned != null && target != null) {
            var misfit = target.measure.misfit(planned);
            if (misfit != null) {
                violations.add(new Violation("plannedValue", misfit));
            }
            if (request.dueDate().isAfter(target.dueDate)) {
                violations.add(new Violation("dueDate", "must not be after its target's dueDate (" + target.dueDate
                        + ") when it has a plannedValue"));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        if (planned != null && milestone.completedOn != null) {
            throw ApiProblem.conflict("milestone " + milestone.id + " was completed on " + milestone.completedOn
                    + "; clear its completion (POST completion with null) before giving it a plannedValue");
        }
        milestone.commitment = commitment.get();
        milestone.target = target;
        milestone.dueDate = request.dueDate();
        milestone.description = request.description().strip();
        milestone.plannedValue = planned;
    }
}
