package org.commitmenttracker.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.commitmenttracker.common.http.ApiProblem;
import org.commitmenttracker.common.http.Page;
import org.commitmenttracker.common.http.PageParams;
import org.commitmenttracker.common.http.Sortable;
import org.commitmenttracker.common.startup.TrackerConfig;
import org.commitmenttracker.progress.GroupedQuery.GroupBy;
import org.commitmenttracker.progress.ProgressRepository.Groups;
import org.commitmenttracker.progress.ProgressRepository.Scope;
import org.commitmenttracker.progress.ProgressRepository.ScopedMilestone;
import org.commitmenttracker.progress.ProgressRepository.ScopedTarget;
import org.commitmenttracker.target.OverdueMilestoneView;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The one door into the progress rules: a target's quarterly series, the roll-up series of a round, a department or a
 * commitment, the table of groups at one quarter, and the milestones overdue at a date. Every rule is
 * {@link QuarterCalculator}'s: the roll-ups and the overdue listing sum and look up what it settled in the
 * {@link ReadModel}; a target's series, and any answer as known at a past day, are computed from the reports, loaded in
 * a fixed number of statements. The 404 of a missing subject is decided in the same transaction as its answer.
 */
@ApplicationScoped
public class ProgressService {

    static final Sortable GROUP_SORTABLE = Sortable.of("name", "name", "completionRatio", "completionRatio",
            "onTimeRatio", "onTimeRatio");

    /** Overdue lists are sorted in memory: each field names how to read it from a row. */
    static final Sortable OVERDUE_SORTABLE = Sortable.of("dueDate", "dueDate", "daysOverdue", "daysOverdue",
            "department", "department", "commitment", "commitment");
    private static final Map<String, Comparator<OverdueMilestoneView>> OVERDUE_ORDER = Map.of(
            "dueDate", Comparator.comparing(OverdueMilestoneView::dueDate),
            "daysOverdue", Comparator.comparingLong(OverdueMilestoneView::daysOverdue),
            "department", Comparator.comparing(OverdueMilestoneView::departmentCode),
            "commitment", Comparator.comparing(OverdueMilestoneView::departmentCode)
                    .thenComparingInt(OverdueMilestoneView::commitmentSeq));

    private final ProgressRepository repository;
    private final ReadModel readModel;
    private final AnswerCache cache;
    private final TrackerConfig config;

    ProgressService(ProgressRepository repository, ReadModel readModel, AnswerCache cache, TrackerConfig config) {
        this.repository = repository;
        this.readModel = readModel;
        this.cache = cache;
        this.config = config;
    }

    /**
     * Everything an answer depends on besides the data: which answer ({@code what} and its subject), its parameters as
     * given (checked when the answer is computed, in the order they always were) and the sort of a table.
     */
    private record Question(String what, Object subject, ProgressParams.Given params, String sort) {
    }

    /**
     * The answer at the data's current version: the version is read first, so no answer is kept under a later one. A
     * known answer costs that one statement and no transaction (JTA's begin and commit were most of its time); an
     * answer to compute first brings the read model up to date (in its own transaction), then is loaded in a
     * transaction, with the 404 of a missing subject.
     */
    private <T> T answer(Question question, Supplier<T> compute) {
        return cache.answer(repository.version(), question, () -> {
            readModel.refresh();
            return QuarkusTransaction.joiningExisting().call(compute::get);
        });
    }

    /** What one answer works on: the scope's rows and a calculator over them. */
    private record Loaded(List<ScopedTarget> targets, List<ScopedMilestone> milestones, QuarterCalculator calculator) {

        List<UUID> targetIds() {
            return targets.stream().map(ScopedTarget::id).toList();
        }

        List<UUID> milestoneIds() {
            return milestones.stream().map(ScopedMilestone::id).toList();
        }
    }

    private Loaded load(Scope scope, Basis basis) {
        var targets = repository.targets(scope);
        var milestones = repository.milestones(scope);
        var reports = targets.isEmpty() ? List.<ReportFacts>of() : repository.reports(scope, basis);
        var calculator = new QuarterCalculator(basis, targets.stream().map(ScopedTarget::facts).toList(),
                milestones.stream().map(ScopedMilestone::facts).toList(), reports);
        return new Loaded(targets, milestones, calculator);
    }

    public List<TargetQuarter> targetSeries(UUID targetId, ProgressParams params) {
        return answer(new Question("target", targetId, params.given(), null), () -> computeTargetSeries(targetId,
                params));
    }

    private List<TargetQuarter> computeTargetSeries(UUID targetId, ProgressParams params) {
        var loaded = load(Scope.targets(List.of(targetId)), params.basis(config.zoneId()));
        if (loaded.targets().isEmpty()) {
            throw ApiProblem.notFound("target", targetId);
        }
        var calculator = loaded.calculator();
        var quarter = params.quarter();
        if (quarter == null) {
            return calculator.targetSeries(targetId);
        }
        requireWithin(quarter, calculator.targetSpan(targetId), "this target's series");
        return List.of(calculator.targetAt(targetId, quarter));
    }

    public List<Rollup> roundSeries(UUID roundId, ProgressParams params) {
        return answer(new Question("round", roundId, params.given(), null), () -> {
            requireExists("Round", "round", roundId);
            return rollupSeries(Scope.round(roundId), params);
        });
    }

    /** A department's roll-up series, over one round's commitments when {@code roundId} is not null. */
    public List<Rollup> departmentSeries(UUID departmentId, UUID roundId, ProgressParams params) {
        var scope = Scope.department(departmentId, roundId);
        return answer(new Question("department", scope, params.given(), null), () -> {
            requireExists("Department", "department", departmentId);
            return rollupSeries(scope, params);
        });
    }

    public List<Rollup> commitmentSeries(UUID commitmentId, ProgressParams params) {
        return answer(new Question("commitment", commitmentId, params.given(), null), () -> {
            requireExists("Commitment", "commitment", commitmentId);
            return rollupSeries(Scope.commitment(commitmentId), params);
        });
    }

    private void requireExists(String entity, String resource, UUID id) {
        if (!repository.exists(entity, id)) {
            throw ApiProblem.notFound(resource, id);
        }
    }

    /**
     * A roll-up series: summed from the read model, or computed from the reports when {@code knownAt} asks for the
     * answer of a past day, which the read model does not keep.
     */
    private List<Rollup> rollupSeries(Scope scope, ProgressParams params) {
        var basis = params.basis(config.zoneId());
        if (basis.knownBefore() == null) {
            var quarter = params.quarter();
            var span = readModel.span(scope);
            if (quarter == null) {
                return span.isEmpty() ? List.of() : readModel.series(scope, basis.verifiedOnly(), span);
            }
            requireWithin(quarter, span, "this roll-up's series");
            return readModel.series(scope, basis.verifiedOnly(), List.of(quarter));
        }
        var loaded = load(scope, basis);
        var calculator = loaded.calculator();
        var targetIds = loaded.targetIds();
        var milestoneIds = loaded.milestoneIds();
        var quarter = params.quarter();
        if (quarter == null) {
            return calculator.rollupSeries(targetIds, milestoneIds);
        }
        requireWithin(quarter, calculator.rollupSpan(targetIds, milestoneIds), "this roll-up's series");
        return List.of(calculator.rollupAt(quarter, targetIds, milestoneIds));
    }

    /** One roll-up row per group at one quarter: "which departments were behind at 2021-Q3?". */
    public WrittenOnce<GroupRollup> grouped(GroupedQuery query, ProgressParams params) {
        var quarter = params.quarter();
        if (quarter == null) {
            throw ApiProblem.invalid("quarter", "is required, e.g. 2021-Q3");
        }
        var choice = GROUP_SORTABLE.choose(query.sort());
        // the one large body among the answers (700 kB for a round's commitments): kept with its JSON written once
        return answer(new Question("grouped", query, params.given(), null),
                () -> new WrittenOnce<>(computeGrouped(query, params, quarter, choice)));
    }

    private List<GroupRollup> computeGrouped(GroupedQuery query, ProgressParams params, Quarter quarter,
            Sortable.Choice choice) {
        var scope = new Scope(query.roundId(), query.departmentId(), null, null);
        var basis = params.basis(config.zoneId());
        var groupBy = query.groupBy();
        var rollups = new HashMap<Group, Rollup>();
        String within = "the series of the selected targets and milestones";
        if (basis.knownBefore() == null) {
            var span = readModel.span(scope);
            if (!span.isEmpty()) {
                requireWithin(quarter, span, within);
            }
            readModel.grouped(scope, groupBy, basis.verifiedOnly(), quarter)
                    .forEach((group, totals) -> rollups.put(group, totals.at(quarter)));
        } else {
            var loaded = load(scope, basis);
            var calculator = loaded.calculator();
            if (!loaded.targets().isEmpty() || !loaded.milestones().isEmpty()) {
                requireWithin(quarter, calculator.rollupSpan(loaded.targetIds(), loaded.milestoneIds()), within);
            }
            var members = new HashMap<Group, Members>();
            for (var t : loaded.targets()) {
                members.computeIfAbsent(group(groupBy, t.groups()), g -> new Members()).targetIds().add(t.id());
            }
            for (var m : loaded.milestones()) {
                members.computeIfAbsent(group(groupBy, m.groups()), g -> new Members()).milestoneIds().add(m.id());
            }
            members.forEach((group, of) -> rollups.put(group,
                    calculator.rollupAt(quarter, of.targetIds(), of.milestoneIds())));
        }
        var rows = new ArrayList<GroupRollup>();
        for (var g : rollups.keySet().stream().sorted(groupOrder(groupBy)).toList()) {
            rows.add(GroupRollup.of(groupBy.name(), g.id(), g.name(), g.code(), rollups.get(g)));
        }
        if (!choice.field().equals("name")) {
            Function<GroupRollup, BigDecimal> key = choice.field().equals("completionRatio")
                    ? GroupRollup::completionRatio : GroupRollup::onTimeRatio;
            Comparator<BigDecimal> order = choice.ascending() ? Comparator.naturalOrder() : Comparator.reverseOrder();
            rows.sort(Comparator.comparing(key, Comparator.nullsLast(order)));
        } else if (!choice.ascending()) {
            Collections.reverse(rows);
        }
        return rows;
    }

    /** A row of the grouped table: a round, a department or a commitment, with what it is ordered by. */
    record Group(UUID id, String name, String code, LocalDate publishedOn, int seq) {
    }

    private record Members(List<UUID> targetIds, List<UUID> milestoneIds) {

        Members() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    private static Group group(GroupBy groupBy, Groups of) {
        return switch (groupBy) {
            case round -> new Group(of.roundId(), of.roundTitle(), null, of.roundPublishedOn(), 0);
            case department -> new Group(of.departmentId(), of.departmentName(), of.departmentCode(), null, 0);
            case commitment -> new Group(of.commitmentId(), of.commitmentTitle(), of.departmentCode(), null,
                    of.commitmentSeq());
        };
    }

    /**
     * Groups appear in a stable, readable order: rounds by publication, departments by code, commitments by
     * department code and seq; a group with milestones only takes its place in that order like any other.
     */
    private static Comparator<Group> groupOrder(GroupBy groupBy) {
        Comparator<Group> order = switch (groupBy) {
            case round -> Comparator.comparing(Group::publishedOn).thenComparing(Group::name);
            case department -> Comparator.comparing(Group::code);
            case commitment -> Comparator.comparing(Group::code).thenComparingInt(Group::seq);
        };
        return order.thenComparing(Group::id);
    }

    /** Milestones due before asOf and not completed at asOf, with who is behind and by how long. */
    public Page<OverdueMilestoneView> overdue(OverdueQuery query, PageParams paging) {
        var choice = OVERDUE_SORTABLE.choose(paging.sort);
        return paging.page(answer(new Question("overdue", query, null, paging.sort), () -> computeOverdue(query,
                choice)));
    }

    /** Every overdue row, sorted: the answer is kept whole, and each request pages it. */
    private List<OverdueMilestoneView> computeOverdue(OverdueQuery query, Sortable.Choice choice) {
        var rows = new ArrayList<>(readModel.overdue(query));
        var order = OVERDUE_ORDER.get(choice.field()).thenComparing(OverdueMilestoneView::id);
        rows.sort(choice.ascending() ? order : order.reversed());
        return rows;
    }

    private static void requireWithin(Quarter quarter, List<Quarter> span, String what) {
        if (span.isEmpty()) {
            throw ApiProblem.invalid("quarter", "there is no quarter series: no targets or milestones in scope");
        }
        if (!span.contains(quarter)) {
            throw ApiProblem.invalid("quarter", quarter + " is outside " + what + " (" + span.get(0) + " to "
                    + span.get(span.size() - 1) + ")");
        }
    }
}
