package org.commitmenttracker.commitment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.commitmenttracker.common.http.ApiProblem;
import org.commitmenttracker.common.http.Etags;
import org.commitmenttracker.common.http.MergePatch;
import org.commitmenttracker.common.http.Page;
import org.commitmenttracker.common.http.PageParams;
import org.commitmenttracker.common.http.Sortable;
import org.commitmenttracker.common.http.Violation;
import org.commitmenttracker.department.DepartmentRepository;
import org.commitmenttracker.round.RoundRepository;
import org.commitmenttracker.target.MilestoneRepository;
import org.commitmenttracker.target.TargetRepository;

import com.fasterxml.jackson.databind.JsonNode;

/** Commitments: listing and searching them, writing them with their measures, and guarding their dependents. */
@ApplicationScoped
public class CommitmentService {

    static final Sortable SORTABLE = Sortable.of("seq", "department.code, seq", "title", "title",
            "createdAt", "createdAt", "updatedAt", "updatedAt");

    private final CommitmentRepository commitments;
    private final RoundRepository rounds;
    private final DepartmentRepository departments;
    private final TargetRepository targets;
    private final MilestoneRepository milestones;
    private final MergePatch mergePatch;

    CommitmentService(CommitmentRepository commitments, RoundRepository rounds, DepartmentRepository departments,
            TargetRepository targets, MilestoneRepository milestones, MergePatch mergePatch) {
        this.commitments = commitments;
        this.rounds = rounds;
        this.departments = departments;
        this.targets = targets;
        this.milestones = milestones;
        this.mergePatch = mergePatch;
    }

    @Transactional
    public Page<CommitmentView> list(UUID roundId, UUID departmentId, Integer year, String q, PageParams paging) {
        return paging.page(commitments.search(roundId, departmentId, year, q, paging.toSort(SORTABLE)), CommitmentView::from);
    }

    /** One statement, so no transaction: read in the request's session, without JTA's begin and commit. */
    public CommitmentView get(UUID id) {
        return CommitmentView.from(find(id));
    }

    @Transactional
    public CommitmentView create(CommitmentRequest request) {
        var commitment = new Commitment();
        apply(commitment, request);
        commitments.persistAndFlush(commitment);
        return CommitmentView.from(commitment);
    }

    @Transactional
    public CommitmentView update(UUID id, CommitmentRequest request, String ifMatch) {
        var commitment = find(id);
        Etags.require(ifMatch, commitment.version);
        apply(commitment, request);
        commitments.flush();
        return CommitmentView.from(commitment);
    }

    @Transactional
    public CommitmentView patch(UUID id, JsonNode patch, String ifMatch) {
        var commitment = find(id);
        Etags.require(ifMatch, commitment.version);
        apply(commitment, mergePatch.apply(CommitmentRequest.from(commitment), patch, CommitmentRequest.class));
        commitments.flush();
        return CommitmentView.from(commitment);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        var commitment = find(id);
        Etags.require(ifMatch, commitment.version);
        long targetCount = targets.countByCommitment(id);
        long milestoneCount = milestones.countByCommitment(id);
        if (targetCount + milestoneCount > 0) {
            throw ApiProblem.conflict("commitment " + id + " still has " + targetCount + " target(s) and " + milestoneCount
                    + " milestone(s); delete them first");
        }
        commitments.delete(commitment);
        commitments.flush();
    }

    /** The commitment with this id, or 404. */
    public Commitment find(UUID id) {
        return commitments.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("commitment", id));
    }

    private void apply(Commitment commitment, CommitmentRequest request) {
        var violations = new ArrayList<Violation>();
        var round = rounds.findByIdOptional(request.roundId());
        if (round.isEmpty()) {
            violations.add(new Violation("roundId", "no round with id " + request.roundId()));
        }
        var department = departments.findByIdOptional(request.departmentId());
        if (department.isEmpty()) {
            violations.add(new Violation("departmentId", "no department with id " + request.departmentId()));
        }
        var seen = new HashSet<Integer>();
        for (int i = 0; i < request.measures().size(); i++) {
            if (!seen.add(request.measures().get(i).seq())) {
                violations.add(new Violation("measures[" + i + "].seq", "another measure already has seq "
                        + request.measures().get(i).seq()));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        if (commitments.existsSeq(request.roundId(), request.departmentId(), request.seq(), commitment.id)) {
            throw ApiProblem.conflict("this round already has a commitment with seq " + request.seq()
                    + " for this department");
        }
        commitment.round = round.get();
        commitment.department = department.get();
        commitment.seq = request.seq();
        commitment.title = request.title().strip();
        commitment.problem = request.problem();
        commitment.goal = request.goal();
        commitment.deadlineText = request.deadlineText();
        commitment.measures = request.measures().stream().sorted(Comparator.comparing(Measure::seq))
                .collect(Collectors.toCollection(ArrayList::new));
        commitment.responsibility = request.responsibility();
        commitment.searchText = searchText(commitment);
    }

    private static String searchText(Commitment c) {
        var r = c.responsibility;
        return Stream.of(
                Stream.of(c.title, c.problem, c.goal, c.deadlineText, r.cityLeader(), r.departmentHead()),
                c.measures.stream().flatMap(m -> Stream.of(m.title(), m.text())),
                r.leadsInCharge().stream(), r.offices().stream(), r.persons().stream())
                .flatMap(s -> s)
                .filter(Objects::nonNull)
                .collect(Collectors.joining("\n"))
                .toLowerCase();
    }

}
