package org.commitmenttracker.target;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.commitmenttracker.commitment.CommitmentRepository;
import org.commitmenttracker.common.http.ApiProblem;
import org.commitmenttracker.common.http.Etags;
import org.commitmenttracker.common.http.MergePatch;
import org.commitmenttracker.common.http.Page;
import org.commitmenttracker.common.http.PageParams;
import org.commitmenttracker.common.http.Sortable;
import org.commitmenttracker.common.http.Violation;
import org.commitmenttracker.history.ChangeNote;
import org.commitmenttracker.report.ProgressReportRepository;

import com.fasterxml.jackson.databind.JsonNode;

/** Targets: listing and writing them under the measure rules, and keeping milestones and reports consistent. */
@ApplicationScoped
public class TargetService {

    static final Sortable SORTABLE = Sortable.of("dueDate", "dueDate", "name", "name", "weight", "weight",
            "createdAt", "createdAt");

    private final TargetRepository targets;
    private final CommitmentRepository commitments;
    private final MilestoneRepository milestones;
    private final ProgressReportRepository reports;
    private final MergePatch mergePatch;
    private final ChangeNote changeNote;

    TargetService(TargetRepository targets, CommitmentRepository commitments, MilestoneRepository milestones,
            ProgressReportRepository reports, MergePatch mergePatch, ChangeNote changeNote) {
        this.targets = targets;
        this.commitments = commitments;
        this.milestones = milestones;
        this.reports = reports;
        this.mergePatch = mergePatch;
        this.changeNote = changeNote;
    }

    @Transactional
    public Page<TargetView> list(TargetRepository.Filter filter, PageParams paging) {
        return paging.page(targets.search(filter, paging.toSort(SORTABLE)), TargetView::from);
    }

    /** One statement, so no transaction: read in the request's session, without JTA's begin and commit. */
    public TargetView get(UUID id) {
        return targets.findView(id).orElseThrow(() -> ApiProblem.notFound("target", id));
    }

    @Transactional
    public TargetView create(TargetRequest request) {
        var target = new Target();
        apply(target, request);
        targets.persistAndFlush(target);
        return TargetView.from(target);
    }

    @Transactional
    public TargetView update(UUID id, TargetRequest request, String ifMatch) {
        var target = find(id);
        Etags.require(ifMatch, target.version);
        apply(target, request);
        targets.flush();
        return TargetView.from(target);
    }

    @Transactional
    public TargetView patch(UUID id, JsonNode patch, String ifMatch) {
        var target = find(id);
        Etags.require(ifMatch, target.version);
        apply(target, mergePatch.apply(TargetRequest.from(target), patch, TargetRequest.class));
        targets.flush();
        return TargetView.from(target);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        var target = find(id);
        Etags.require(ifMatch, target.version);
        long reportCount = reports.countByTarget(id);
        long milestoneCount = milestones.countByTarget(id);
        if (reportCount + milestoneCount > 0) {
            throw ApiProblem.conflict("target " + id + " still has " + reportCount + " progress report(s) and "
                    + milestoneCount + " milestone(s); delete them first");
        }
        targets.delete(target);
        targets.flush();
    }

    /** The target with this id, or 404. */
    public Target find(UUID id) {
        return targets.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("target", id));
    }

    private void apply(Target target, TargetRequest request) {
        var violations = new ArrayList<Violation>();
        var commitment = commitments.findByIdOptional(request.commitmentId());
        if (commitment.isEmpty()) {
            violations.add(new Violation("commitmentId", "no commitment with id " + request.commitmentId()));
        }
        if (request.startDate() != null && request.dueDate().isBefore(request.startDate())) {
            violations.add(new Violation("dueDate", "must not be before startDate"));
        }
        var measure = request.measure();
        if (measure == MeasureType.BOOLEAN && request.targetValue().compareTo(BigDecimal.ONE) != 0) {
            violations.add(new Violation("targetValue", "must be 1 for a BOOLEAN target"));
        } else {
            addMisfit(violations, "targetValue", measure.misfit(request.targetValue()));
        }
        addMisfit(violations, "baseline", measure.misfit(request.baseline()));
        if (target.id != null && changesPlan(target, request) && (request.reason() == null || request.reason().isBlank())) {
            violations.add(new Violation("reason", "is required when targetValue, baseline, direction or dueDate change;"
                    + " say why, it is kept in the target's history"));
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        if (target.id != null) {
            checkDependents(target, request);
        }
        target.commitment = commitment.get();
        target.name = request.name().strip();
        target.unit = request.unit().strip();
        target.measure = measure;
        target.direction = request.direction();
        target.baseline = request.baseline();
        target.targetValue = request.targetValue();
        target.startDate = request.startDate();
        target.dueDate = request.dueDate();
        target.weight = request.weight();
        target.note = request.note();
        changeNote.reason(request.reason());
    }

    /** Whether the request moves what the target promises: its value, baseline, direction or due date. */
    private static boolean changesPlan(Target target, TargetRequest request) {
        return differ(target.targetValue, request.targetValue()) || differ(target.baseline, request.baseline())
                || target.direction != request.direction() || !target.dueDate.equals(request.dueDate());
    }

    private static boolean differ(BigDecimal stored, BigDecimal requested) {
        return stored == null ? requested != null : requested == null || stored.compareTo(requested) != 0;
    }

    /** A change must leave the target's milestones and reports valid: same commitment, values that still fit. */
    private void checkDependents(Target target, TargetRequest request) {
        var planned = milestones.findPlannedForTarget(target.id);
        if (!request.commitmentId().equals(target.commitment.id) && milestones.countByTarget(target.id) > 0) {
            throw ApiProblem.conflict("milestones of commitment " + target.commitment.id
                    + " refer to this target; it cannot move to another commitment");
        }
        for (var milestone : planned) {
            if (request.measure().misfit(milestone.plannedValue) != null) {
                throw ApiProblem.conflict("milestone " + milestone.id + " plans " + milestone.plannedValue.toPlainString()
                        + ", which does not fit a " + request.measure() + " target");
            }
            if (milestone.dueDate.isAfter(request.dueDate())) {
                throw ApiProblem.conflict("milestone " + milestone.id + " with a plannedValue is due "
                        + milestone.dueDate + ", after the new dueDate");
            }
        }
        if (request.measure() != target.measure) {
            for (var value : reports.valuesOfTarget(target.id)) {
                if (request.measure().misfit(value) != null) {
                    throw ApiProblem.conflict("a progress report of this target has value " + value.toPlainString()
                            + ", which does not fit a " + request.measure() + " target");
                }
            }
        }
    }

    private static void addMisfit(ArrayList<Violation> violations, String field, String misfit) {
        if (misfit != null) {
            violations.add(new Violation(field, misfit));
        }
    }
}
