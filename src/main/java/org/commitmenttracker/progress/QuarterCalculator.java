package org.commitmenttracker.progress;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BinaryOperator;

import org.commitmenttracker.target.Direction;

/**
 * Computes quarterly progress of targets, milestones and roll-ups: the one place where domain.md's
 * "How completion is computed" rules live.
 * <p>
 * The facts are indexed once, in the constructor, because one calculator answers for a thousand targets over several
 * quarters: the reports that count under the {@link Basis} are kept per target by {@code asOf}, and each target's plan
 * by due date, so that A(d) and P(d) are a single floor look-up each.
 * <p>
 * Divisions use {@link MathContext#DECIMAL64} and are not rounded further, because the API promises unrounded ratios;
 * levels (actual, planned) are returned exactly as they were given.
 */
final class QuarterCalculator {

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private final Map<UUID, TargetFacts> targets;
    private final Map<UUID, MilestoneFacts> milestones;
    /** Per target: for each {@code asOf}, the counting report recorded last. */
    private final Map<UUID, NavigableMap<LocalDate, ReportFacts>> reportsByAsOf;
    /** Per target: the planned level owed from each due date on, same-day conflicts already settled. */
    private final Map<UUID, NavigableMap<LocalDate, BigDecimal>> planByDueDate;
    /**
     * Whether each milestone was done on time, as far as asked: it does not depend on the quarter, and a roll-up
     * series would otherwise settle it again for every quarter of every milestone.
     */
    private final Map<UUID, Boolean> onTime = new HashMap<>();

    QuarterCalculator(Basis basis, Collection<TargetFacts> targets, Collection<MilestoneFacts> milestones,
            Collection<ReportFacts> reports) {
        Objects.requireNonNull(basis, "basis");
        this.targets = indexTargets(targets);
        this.milestones = indexMilestones(milestones);
        this.reportsByAsOf = indexReports(basis, reports);
        this.planByDueDate = indexPlans();
    }

    /** A(d): the level reported for the latest date on or before {@code d}, or null when nothing is known yet. */
    BigDecimal actualAt(UUID targetId, LocalDate d) {
        return actualAt(target(targetId), d);
    }

    /** P(d): the level owed by {@code d}, or null when no milestone (nor the target itself) is due yet. */
    BigDecimal plannedAt(UUID targetId, LocalDate d) {
        return plannedAt(target(targetId), d);
    }

    /** The quarters of a target's series: from the quarter of its start date to the quarter of its due date. */
    List<Quarter> targetSpan(UUID targetId) {
        return span(target(targetId));
    }

    /** The target at the end of quarter {@code q}, whether or not {@code q} lies within its own series. */
    TargetQuarter targetAt(UUID targetId, Quarter q) {
        return targetAt(target(targetId), q);
    }

    List<TargetQuarter> targetSeries(UUID targetId) {
        TargetFacts target = target(targetId);
        return span(target).stream().map(q -> targetAt(target, q)).toList();
    }

    boolean completedAt(UUID milestoneId, LocalDate x) {
        return completedAt(milestone(milestoneId), x);
    }

    boolean doneOnTime(UUID milestoneId) {
        return doneOnTime(milestone(milestoneId));
    }

    boolean overdueAt(UUID milestoneId, LocalDate d) {
        MilestoneFacts milestone = milestone(milestoneId);
        return milestone.dueDate().isBefore(d) && !completedAt(milestone, d);
    }

    /**
     * The quarters of a roll-up's series: every quarter from the earliest to the latest of the targets' series and the
     * milestones' due dates. Gaps are filled so that a chart of the series has no holes.
     */
    List<Quarter> rollupSpan(Collection<UUID> targetIds, Collection<UUID> milestoneIds) {
        List<Quarter> bounds = new ArrayList<>();
        for (UUID targetId : targetIds) {
            List<Quarter> span = span(target(targetId));
            bounds.add(span.get(0));
            bounds.add(span.get(span.size() - 1));
        }
        for (UUID milestoneId : milestoneIds) {
            bounds.add(Quarter.of(milestone(milestoneId).dueDate()));
        }
        if (bounds.isEmpty()) {
            return List.of();
        }
        return Quarter.range(
                bounds.stream().min(Quarter::compareTo).orElseThrow(),
                bounds.stream().max(Quarter::compareTo).orElseThrow());
    }

    Rollup rollupAt(Quarter q, Collection<UUID> targetIds, Collection<UUID> milestoneIds) {
        LocalDate d = q.end();
        // A caller's collection may repeat an id; a target must still weigh in only once.
        Set<UUID> distinctTargets = new LinkedHashSet<>(targetIds);
        Map<ProgressStatus, Integer> statusCounts = new EnumMap<>(ProgressStatus.class);
        for (ProgressStatus status : ProgressStatus.values()) {
            statusCounts.put(status, 0);
        }
        BigDecimal weightedRatios = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (UUID targetId : distinctTargets) {
            TargetFacts target = target(targetId);
            TargetQuarter row = targetAt(target, q);
            statusCounts.merge(row.status(), 1, Integer::sum);
            BigDecimal weight = weight(target);
            weightedRatios = weightedRatios.add(weight.multiply(clamp(row.completionRatio())));
            weights = weights.add(weight);
        }
        BigDecimal completionRatio = distinctTargets.isEmpty() ? null : divide(weightedRatios, weights);

        int due = 0;
        int done = 0;
        for (UUID milestoneId : new LinkedHashSet<>(milestoneIds)) {
            MilestoneFacts milestone = milestone(milestoneId);
            if (!milestone.dueDate().isAfter(d)) {
                due++;
                // Done on time implies done by d, since the due date is not after d.
                if (doneOnTime(milestone)) {
                    done++;
                }
            }
        }
        BigDecimal onTimeRatio = due == 0 ? null : BigDecimal.valueOf(done).divide(BigDecimal.valueOf(due), PRECISION);

        return new Rollup(q.toString(), d, completionRatio, distinctTargets.size(), statusCounts, due, done,
                onTimeRatio);
    }

    List<Rollup> rollupSeries(Collection<UUID> targetIds, Collection<UUID> milestoneIds) {
        return rollupSpan(targetIds, milestoneIds).stream().map(q -> rollupAt(q, targetIds, milestoneIds)).toList();
    }

    private BigDecimal actualAt(TargetFacts target, LocalDate d) {
        NavigableMap<LocalDate, ReportFacts> reports = reportsByAsOf.get(target.id());
        if (reports == null) {
            return null;
        }
        Map.Entry<LocalDate, ReportFacts> latest = reports.floorEntry(d);
        return latest == null ? null : latest.getValue().value();
    }

    private BigDecimal plannedAt(TargetFacts target, LocalDate d) {
        Map.Entry<LocalDate, BigDecimal> owed = planByDueDate.get(target.id()).floorEntry(d);
        return owed == null ? null : owed.getValue();
    }

    private static List<Quarter> span(TargetFacts target) {
        Quarter due = Quarter.of(target.dueDate());
        Quarter start = Quarter.of(target.startDate());
        // A start after the due date is bad data, but the target must still show up in the quarter it fell due.
        return start.compareTo(due) > 0 ? List.of(due) : Quarter.range(start, due);
    }

    private TargetQuarter targetAt(TargetFacts target, Quarter q) {
        LocalDate d = q.end();
        BigDecimal actual = actualAt(target, d);
        BigDecimal planned = plannedAt(target, d);
        BigDecimal ratio = completionRatio(target, actual);
        return new TargetQuarter(q.toString(), d, actual, planned, ratio, planAttainment(target, actual, planned),
                status(target, d, actual, planned, ratio));
    }

    private static BigDecimal completionRatio(TargetFacts target, BigDecimal actual) {
        if (actual == null) {
            return null;
        }
        if (target.direction() == Direction.DECREASE && target.baseline() == null) {
            return lowerIsBetter(actual, target.targetValue());
        }
        BigDecimal baseline = baseline(target);
        // With nothing to gain between baseline and target, progress is all or nothing.
        if (target.targetValue().compareTo(baseline) == 0) {
            return meets(target.direction(), actual, target.targetValue()) ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return shareOfDistance(target.direction(), baseline, actual, target.targetValue());
    }

    private static BigDecimal planAttainment(TargetFacts target, BigDecimal actual, BigDecimal planned) {
        if (actual == null || planned == null) {
            return null;
        }
        // Without a baseline a DECREASE target has no distance to cover (B = 0 would make "(0 − A) / (0 − P)" reward
        // a worse level), so it is judged against the plan the same way its ratio is judged against the target.
        if (target.direction() == Direction.DECREASE && target.baseline() == null) {
            return lowerIsBetter(actual, planned);
        }
        return shareOfDistance(target.direction(), baseline(target), actual, planned);
    }

    /** How much of the way from the baseline to {@code goal} the actual level has come; null when there is no way. */
    private static BigDecimal shareOfDistance(Direction direction, BigDecimal baseline, BigDecimal actual,
            BigDecimal goal) {
        return direction == Direction.INCREASE
                ? divide(actual.subtract(baseline), goal.subtract(baseline))
                : divide(baseline.subtract(actual), baseline.subtract(goal));
    }

    private static BigDecimal lowerIsBetter(BigDecimal actual, BigDecimal goal) {
        return actual.compareTo(goal) <= 0 ? BigDecimal.ONE : divide(goal, actual);
    }

    private static ProgressStatus status(TargetFacts target, LocalDate d, BigDecimal actual, BigDecimal planned,
            BigDecimal ratio) {
        if (actual != null && ratio != null && ratio.compareTo(BigDecimal.ONE) >= 0) {
            return ProgressStatus.MET;
        }
        if (!d.isBefore(target.dueDate())) {
            return ProgressStatus.MISSED;
        }
        if (planned == null) {
            return ProgressStatus.NOT_DUE;
        }
        if (actual == null) {
            return ProgressStatus.NO_DATA;
        }
        return meets(target.direction(), actual, planned) ? ProgressStatus.ON_TRACK : ProgressStatus.BEHIND;
    }

    private boolean completedAt(MilestoneFacts milestone, LocalDate x) {
        if (milestone.plannedValue() == null) {
            return milestone.completedOn() != null && !milestone.completedOn().isAfter(x);
        }
        TargetFacts target = targets.get(milestone.targetId());
        if (target == null) {
            throw new IllegalArgumentException("Milestone " + milestone.id() + " has a planned value for target "
                    + milestone.targetId() + ", which was not given to the calculator");
        }
        BigDecimal actual = actualAt(target, x);
        return actual != null && meets(target.direction(), actual, milestone.plannedValue());
    }

    private boolean doneOnTime(MilestoneFacts milestone) {
        return onTime.computeIfAbsent(milestone.id(), id -> completedAt(milestone, milestone.dueDate()));
    }

    private static boolean meets(Direction direction, BigDecimal actual, BigDecimal goal) {
        int comparison = actual.compareTo(goal);
        return direction == Direction.INCREASE ? comparison >= 0 : comparison <= 0;
    }

    private static BigDecimal baseline(TargetFacts target) {
        return target.baseline() == null ? BigDecimal.ZERO : target.baseline();
    }

    /** A missing weight means the default weight of 1, as for a target created without one. */
    private static BigDecimal weight(TargetFacts target) {
        return target.weight() == null ? BigDecimal.ONE : target.weight();
    }

    /** Roll-ups must not let one target's over-achievement hide another's shortfall, nor count regression below 0. */
    private static BigDecimal clamp(BigDecimal ratio) {
        if (ratio == null || ratio.signum() < 0) {
            return BigDecimal.ZERO;
        }
        return ratio.compareTo(BigDecimal.ONE) > 0 ? BigDecimal.ONE : ratio;
    }

    /** An undefined quotient is reported as unknown rather than failing a whole table. */
    private static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return divisor.signum() == 0 ? null : dividend.divide(divisor, PRECISION);
    }

    private TargetFacts target(UUID targetId) {
        TargetFacts target = targets.get(targetId);
        if (target == null) {
            throw new IllegalArgumentException("Unknown target " + targetId);
        }
        return target;
    }

    private MilestoneFacts milestone(UUID milestoneId) {
        MilestoneFacts milestone = milestones.get(milestoneId);
        if (milestone == null) {
            throw new IllegalArgumentException("Unknown milestone " + milestoneId);
        }
        return milestone;
    }

    private static Map<UUID, TargetFacts> indexTargets(Collection<TargetFacts> targets) {
        Map<UUID, TargetFacts> byId = new HashMap<>();
        for (TargetFacts target : targets) {
            Objects.requireNonNull(target.id(), "target id");
            Objects.requireNonNull(target.direction(), () -> "direction of target " + target.id());
            Objects.requireNonNull(target.targetValue(), () -> "target value of target " + target.id());
            Objects.requireNonNull(target.startDate(), () -> "start date of target " + target.id());
            Objects.requireNonNull(target.dueDate(), () -> "due date of target " + target.id());
            if (byId.putIfAbsent(target.id(), target) != null) {
                throw new IllegalArgumentException("Target " + target.id() + " given twice");
            }
        }
        return byId;
    }

    private static Map<UUID, MilestoneFacts> indexMilestones(Collection<MilestoneFacts> milestones) {
        Map<UUID, MilestoneFacts> byId = new HashMap<>();
        for (MilestoneFacts milestone : milestones) {
            Objects.requireNonNull(milestone.id(), "milestone id");
            Objects.requireNonNull(milestone.dueDate(), () -> "due date of milestone " + milestone.id());
            if (byId.putIfAbsent(milestone.id(), milestone) != null) {
                throw new IllegalArgumentException("Milestone " + milestone.id() + " given twice");
            }
        }
        return byId;
    }

    private Map<UUID, NavigableMap<LocalDate, ReportFacts>> indexReports(Basis basis, Collection<ReportFacts> reports) {
        Map<UUID, NavigableMap<LocalDate, ReportFacts>> byTarget = new HashMap<>();
        for (ReportFacts report : reports) {
            Objects.requireNonNull(report.asOf(), () -> "asOf of a report for target " + report.targetId());
            Objects.requireNonNull(report.value(), () -> "value of a report for target " + report.targetId());
            Objects.requireNonNull(report.status(), () -> "status of a report for target " + report.targetId());
            Objects.requireNonNull(report.recordedAt(), () -> "recordedAt of a report for target " + report.targetId());
            if (counts(basis, report) && targets.containsKey(report.targetId())) {
                byTarget.computeIfAbsent(report.targetId(), id -> new TreeMap<>())
                        .merge(report.asOf(), report, QuarterCalculator::recordedLast);
            }
        }
        return byTarget;
    }

    private static boolean counts(Basis basis, ReportFacts report) {
        return switch (report.status()) {
            case RETURNED -> false;
            case SUBMITTED -> !basis.verifiedOnly() && knownInTime(basis, report);
            case VERIFIED -> knownInTime(basis, report);
        };
    }

    private static boolean knownInTime(Basis basis, ReportFacts report) {
        return basis.knownBefore() == null || report.recordedAt().isBefore(basis.knownBefore());
    }

    /** Two reports for the same date: the later one corrects the earlier, whatever order they arrive in. */
    private static ReportFacts recordedLast(ReportFacts kept, ReportFacts other) {
        return other.recordedAt().isAfter(kept.recordedAt()) ? other : kept;
    }

    private Map<UUID, NavigableMap<LocalDate, BigDecimal>> indexPlans() {
        Map<UUID, NavigableMap<LocalDate, BigDecimal>> byTarget = new HashMap<>();
        for (TargetFacts target : targets.values()) {
            byTarget.put(target.id(), new TreeMap<>());
        }
        for (MilestoneFacts milestone : milestones.values()) {
            TargetFacts target = milestone.plannedValue() == null ? null : targets.get(milestone.targetId());
            if (target != null) {
                // Several milestones due the same day: keep the most demanding, so the result is independent of order.
                BinaryOperator<BigDecimal> mostDemanding =
                        target.direction() == Direction.INCREASE ? BigDecimal::max : BigDecimal::min;
                byTarget.get(target.id()).merge(milestone.dueDate(), milestone.plannedValue(), mostDemanding);
            }
        }
        // The target is the final milestone: on its due date the full target value is owed, whatever a milestone says.
        for (TargetFacts target : targets.values()) {
            byTarget.get(target.id()).put(target.dueDate(), target.targetValue());
        }
        return byTarget;
    }
}
