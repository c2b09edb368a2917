package org.commitmenttracker.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.commitmenttracker.common.ApiProblem;
import org.commitmenttracker.common.Sortable;
import org.commitmenttracker.common.TrackerConfig;
import org.commitmenttracker.progress.ProgressRepository.Scope;
import org.commitmenttracker.progress.ProgressRepository.ScopedMilestone;
import org.commitmenttracker.progress.ProgressRepository.ScopedTarget;

/**
 * Answers "how far along": a target's quarterly series, the roll-ups of a commitment, department or round, and the
 * table of groups at one quarter. Loads the scope in a fixed number of statements and leaves every rule to
 * {@link QuarterCalculator}.
 */
@ApplicationScoped
public class ProgressService {

    /** How GET /progress groups its rows. */
    public enum GroupBy {
        round, department, commitment
    }

    static final Sortable GROUP_SORTABLE = Sortable.of("name", "name", "completionRatio", "completionRatio",
            "onTimeRatio", "onTimeRatio");

    private final ProgressRepository repository;
    private final TrackerConfig config;

    ProgressService(ProgressRepository repository, TrackerConfig config) {
        this.repository = repository;
        this.config = config;
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
        var reports = targets.isEmpty() ? List.<ReportFacts>of() : repository.reports(scope);
        var calculator = new QuarterCalculator(basis, targets.stream().map(ScopedTarget::facts).toList(),
                milestones.stream().map(ScopedMilestone::facts).toList(), reports);
        return new Loaded(targets, milestones, calculator);
    }

    @Transactional
    public List<TargetQuarter> targetSeries(UUID targetId, ProgressParams params) {
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

    /** The roll-up series of everything in {@code scope} (a commitment, a department, a round). */
    @Transactional
    public List<Rollup> rollupSeries(Scope scope, ProgressParams params) {
        var loaded = load(scope, params.basis(config.zoneId()));
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
    @Transactional
    public List<GroupRollup> grouped(GroupBy groupBy, Scope scope, ProgressParams params, String sort) {
        var quarter = params.quarter();
        if (quarter == null) {
            throw ApiProblem.invalid("quarter", "is required, e.g. 2021-Q3");
        }
        var choice = GROUP_SORTABLE.choose(sort);
        var loaded = load(scope, params.basis(config.zoneId()));
        var calculator = loaded.calculator();
        if (!loaded.targets().isEmpty() || !loaded.milestones().isEmpty()) {
            requireWithin(quarter, calculator.rollupSpan(loaded.targetIds(), loaded.milestoneIds()),
                    "the series of the selected targets and milestones");
        }
        var groups = new LinkedHashMap<UUID, Group>();
        for (var t : loaded.targets()) {
            group(groups, groupBy, t.commitmentId(), t.commitmentSeq(), t.commitmentTitle(), t.departmentId(),
                    t.departmentCode(), t.departmentName(), t.roundId(), t.roundTitle(), t.roundPublishedOn())
                    .targetIds().add(t.id());
        }
        for (var m : loaded.milestones()) {
            group(groups, groupBy, m.commitmentId(), m.commitmentSeq(), m.commitmentTitle(), m.departmentId(),
                    m.departmentCode(), m.departmentName(), m.roundId(), m.roundTitle(), m.roundPublishedOn())
                    .milestoneIds().add(m.id());
        }
        var rows = new ArrayList<GroupRollup>();
        for (var g : groups.values().stream().sorted(groupOrder(groupBy)).toList()) {
            rows.add(GroupRollup.of(groupBy.name(), g.id(), g.name(), g.code(),
                    calculator.rollupAt(quarter, g.targetIds(), g.milestoneIds())));
        }
        if (!choice.field().equals("name")) {
            Function<GroupRollup, BigDecimal> key = choice.field().equals("completionRatio")
                    ? GroupRollup::completionRatio : GroupRollup::onTimeRatio;
            Comparator<BigDecimal> order = choice.ascending() ? Comparator.naturalOrder() : Comparator.reverseOrder();
            rows.sort(Comparator.comparing(key, Comparator.nullsLast(order)));
        } else if (!choice.ascending()) {
            java.util.Collections.reverse(rows);
        }
        return rows;
    }

    private record Group(UUID id, String name, String code, LocalDate publishedOn, int seq, List<UUID> targetIds,
            List<UUID> milestoneIds) {
    }

    private static Group group(LinkedHashMap<UUID, Group> groups, GroupBy groupBy, UUID commitmentId,
            int commitmentSeq, String commitmentTitle, UUID departmentId, String departmentCode, String departmentName,
            UUID roundId, String roundTitle, LocalDate roundPublishedOn) {
        return switch (groupBy) {
            case round -> groups.computeIfAbsent(roundId,
                    id -> new Group(id, roundTitle, null, roundPublishedOn, 0, new ArrayList<>(), new ArrayList<>()));
            case department -> groups.computeIfAbsent(departmentId,
                    id -> new Group(id, departmentName, departmentCode, null, 0, new ArrayList<>(), new ArrayList<>()));
            case commitment -> groups.computeIfAbsent(commitmentId,
                    id -> new Group(id, commitmentTitle, departmentCode, null, commitmentSeq, new ArrayList<>(),
                            new ArrayList<>()));
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
