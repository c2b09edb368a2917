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
import java.util.TreeSet;
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
        Map<ProgressStatus, Integer> statusCounts = new EnumMap<>(ProgressStatus.class);
        BigDecimal weightedRatios = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (UUID targetId : new LinkedHashSet<>(targetIds)) {
            TargetFacts target = target(targetId);
            TargetQuarter row = targetAt(target, q);
            statusCounts.merge(row.status(), 1, Integer::sum);
            weightedRatios = weightedRatios.add(weightedRatio(target, row));
            weights = weights.add(weight(target));
        }
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
        return rollup(q, statusCounts, weightedRatios, weights, due, done);
    }

    /**
     * A roll-up from its sums: the targets per status, the sum of their {@linkplain Segment#weightedRatio weighted
     * ratios} and of their weights, and the milestones due by the quarter's end and done on time. The read model adds
     * up the same terms in SQL, exactly (numeric sums), and leaves these divisions to this one place.
     */
    static Rollup rollup(Quarter q, Map<ProgressStatus, Integer> statusCounts, BigDecimal weightedRatios,
            BigDecimal weights, int due, int done) {
        Map<ProgressStatus, Integer> counts = new EnumMap<>(ProgressStatus.class);
        int targets = 0;
        for (ProgressStatus status : ProgressStatus.values()) {
            int count = statusCounts.getOrDefault(status, 0);
            counts.put(status, count);
            targets += count;
        }
        BigDecimal completionRatio = targets == 0 ? null : divide(weightedRatios, weights);
        BigDecimal onTimeRatio = due == 0 ? null : BigDecimal.valueOf(done).divide(BigDecimal.valueOf(due), PRECISION);
        return new Rollup(q.toString(), q.end(), completionRatio, targets, counts, due, done, onTimeRatio);
    }

    /**
     * What a target adds to a roll-up from quarter {@code from} on, until the next segment's {@code from}:
     * its status, its weight and its clamped completion ratio times that weight.
     */
    record Segment(Quarter from, ProgressStatus status, BigDecimal weight, BigDecimal weightedRatio) {
    }

    /**
     * A target's part in every roll-up, as the runs of quarters in which it stays the same: what the read model keeps.
     * A target at a quarter's end depends on the quarter only through A(d), P(d) and whether d has reached the due
     * date, so it can change only in the quarter of a counted report's asOf, of a planned level's due date or of the
     * target's due date. The first segment ({@code from} null) holds for every quarter before the first change, the
     * last for every quarter after it.
     */
    List<Segment> targetSegments(UUID targetId) {
        TargetFacts target = target(targetId);
        NavigableMap<LocalDate, ReportFacts> reports = reportsByAsOf.getOrDefault(target.id(), new TreeMap<>());
        TreeMap<Quarter, Boolean> changes = new TreeMap<>();
        reports.keySet().forEach(asOf -> changes.put(Quarter.of(asOf), true));
        planByDueDate.get(target.id()).keySet().forEach(due -> changes.put(Quarter.of(due), true));
        Quarter first = changes.firstKey();
        List<Segment> segments = new ArrayList<>();
        // Before the first change (when any quarter comes before it) the target is as it is in the quarter before.
        segments.add(segment(target, null, first.index() == 0 ? first : Quarter.ofIndex(first.index() - 1)));
        for (Quarter q : changes.keySet()) {
            Segment next = segment(target, q, q);
            Segment last = segments.get(segments.size() - 1);
            if (!(next.status() == last.status() && next.weightedRatio().equals(last.weightedRatio()))) {
                segments.add(next);
            }
        }
        return segments;
    }

    /**
     * The days on which a milestone is overdue, as runs [from, to) ({@code to} null: every day after), each with A(d)
     * of its target when the milestone has a planned value: what the read model keeps for the overdue listing. Whether
     * it is overdue, and A(d), can change only the day after its due date, on a counted report's asOf (for a planned
     * milestone) or on its completion date (for a qualitative one); each run is settled by {@link #overdueAt}.
     */
    List<OverdueRun> overdueRuns(UUID milestoneId) {
        MilestoneFacts milestone = milestone(milestoneId);
        LocalDate firstLate = milestone.dueDate().plusDays(1);
        TreeSet<LocalDate> changes = new TreeSet<>(List.of(firstLate));
        if (milestone.plannedValue() != null) {
            NavigableMap<LocalDate, ReportFacts> reports = reportsByAsOf.get(milestone.targetId());
            if (reports != null) {
                changes.addAll(reports.tailMap(firstLate, false).keySet());
            }
        } else if (milestone.completedOn() != null && milestone.completedOn().isAfter(firstLate)) {
            changes.add(milestone.completedOn());
        }
        List<OverdueRun> runs = new ArrayList<>();
        for (LocalDate day : changes) {
            LocalDate next = changes.higher(day);
            if (!overdueAt(milestoneId, day)) {
                continue;
            }
            BigDecimal actual = milestone.plannedValue() == null ? null : actualAt(milestone.targetId(), day);
            OverdueRun last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && day.equals(last.to()) && Objects.equals(actual, last.actual())) {
                runs.set(runs.size() - 1, new OverdueRun(last.from(), next, actual));
            } else {
                runs.add(new OverdueRun(day, next, actual));
            }
        }
        return runs;
    }

    /** Days [from, to) on which a milestone is overdue; {@code actual} is its target's A(d) on those days, if planned. */
    record OverdueRun(LocalDate from, LocalDate to, BigDecimal actual) {
    }

    private Segment segment(TargetFacts target, Quarter from, Quarter at) {
        TargetQuarter row = targetAt(target, at);
        return new Segment(from, row.status(), weight(target), weightedRatio(target, row));
    }

    /** The target's share of a roll-up's completion: its weight times its ratio clamped to [0, 1]. */
    private static BigDecimal weightedRatio(TargetFacts target, TargetQuarter row) {
        return weight(target).multiply(clamp(row.completionRatio()));
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
