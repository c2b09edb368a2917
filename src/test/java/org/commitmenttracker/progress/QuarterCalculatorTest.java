package org.commitmenttracker.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.commitmenttracker.report.ReviewStatus;
import org.commitmenttracker.target.Direction;
import org.junit.jupiter.api.Test;

/**
 * Checks every rule of domain.md's "How completion is computed" against values worked out by hand; exact quotients
 * are written out to the 16 significant digits of DECIMAL64.
 */
class QuarterCalculatorTest {

    private static final List<UUID> NONE = List.of();

    // --- the worked example of domain.md (shanty-town renovation, 住建局 problem 一) ---

    private final UUID shanty = UUID.randomUUID();
    private final UUID shantyQ2 = UUID.randomUUID();
    private final UUID shantyQ3 = UUID.randomUUID();

    private QuarterCalculator workedExample() {
        return new QuarterCalculator(Basis.ALL,
                List.of(target(shanty, Direction.INCREASE, "0", "10500", "2021-01-01", "2021-12-31")),
                List.of(planned(shantyQ2, shanty, "2021-06-30", "4200"), planned(shantyQ3, shanty, "2021-09-30", "7350")),
                List.of(report(shanty, "2021-05-15", "1000"), report(shanty, "2021-06-28", "4500"),
                        report(shanty, "2021-09-20", "7000"), report(shanty, "2022-01-10", "10600")));
    }

    @Test
    void shouldComputeWorkedExampleRowByRow() {
        List<TargetQuarter> rows = workedExample().targetSeries(shanty);

        assertEquals(List.of("2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4"), rows.stream().map(TargetQuarter::quarter).toList());

        TargetQuarter q1 = rows.get(0);
        assertEquals(day("2021-03-31"), q1.periodEnd());
        assertNull(q1.actual());
        assertNull(q1.planned());
        assertNull(q1.completionRatio());
        assertNull(q1.planAttainment());
        assertEquals(ProgressStatus.NOT_DUE, q1.status());

        TargetQuarter q2 = rows.get(1);
        assertEquals(day("2021-06-30"), q2.periodEnd());
        assertEquals(n("4500"), q2.actual());
        assertEquals(n("4200"), q2.planned());
        assertDecimal("0.4285714285714286", q2.completionRatio());
        assertDecimal("1.071428571428571", q2.planAttainment());
        assertEquals(ProgressStatus.ON_TRACK, q2.status());

        TargetQuarter q3 = rows.get(2);
        assertEquals(day("2021-09-30"), q3.periodEnd());
        assertEquals(n("7000"), q3.actual());
        assertEquals(n("7350"), q3.planned());
        assertDecimal("0.6666666666666667", q3.completionRatio());
        assertDecimal("0.9523809523809524", q3.planAttainment());
        assertEquals(ProgressStatus.BEHIND, q3.status());

        TargetQuarter q4 = rows.get(3);
        assertEquals(day("2021-12-31"), q4.periodEnd());
        assertEquals(n("7000"), q4.actual());
        assertEquals(n("10500"), q4.planned());
        assertDecimal("0.6666666666666667", q4.completionRatio());
        assertDecimal("0.6666666666666667", q4.planAttainment());
        assertEquals(ProgressStatus.MISSED, q4.status());
    }

    @Test
    void shouldMatchWorkedExampleTableWhenRoundedToFourPlaces() {
        List<TargetQuarter> rows = workedExample().targetSeries(shanty);

        assertEquals(n("0.4286"), fourPlaces(rows.get(1).completionRatio()));
        assertEquals(n("1.0714"), fourPlaces(rows.get(1).planAttainment()));
        assertEquals(n("0.6667"), fourPlaces(rows.get(2).completionRatio()));
        assertEquals(n("0.9524"), fourPlaces(rows.get(2).planAttainment()));
        assertEquals(n("0.6667"), fourPlaces(rows.get(3).completionRatio()));
        assertEquals(n("0.6667"), fourPlaces(rows.get(3).planAttainment()));
    }

    @Test
    void shouldNotLetReportOfLaterDateChangeWorkedExampleLastQuarter() {
        QuarterCalculator calculator = workedExample();

        assertEquals(n("7000"), calculator.actualAt(shanty, day("2021-12-31")));
        assertEquals(n("7000"), calculator.actualAt(shanty, day("2022-01-09")));
        assertEquals(n("10600"), calculator.actualAt(shanty, day("2022-01-10")));
        assertEquals(ProgressStatus.MISSED, calculator.targetAt(shanty, Quarter.parse("2021-Q4")).status());
    }

    @Test
    void shouldShowOverAchievementAboveOneOutsideTheSeries() {
        TargetQuarter after = workedExample().targetAt(shanty, Quarter.parse("2022-Q1"));

        assertEquals(n("10600"), after.actual());
        assertDecimal("1.009523809523810", after.completionRatio());
        assertEquals(ProgressStatus.MET, after.status());
    }

    @Test
    void shouldCompleteWorkedExampleMilestonesOnlyWhenActualReachesPlan() {
        QuarterCalculator calculator = workedExample();

        assertTrue(calculator.doneOnTime(shantyQ2));
        assertFalse(calculator.doneOnTime(shantyQ3));
        assertTrue(calculator.overdueAt(shantyQ3, day("2021-12-31")));
        assertTrue(calculator.completedAt(shantyQ3, day("2022-01-10")));
        assertFalse(calculator.overdueAt(shantyQ3, day("2022-01-10")));
    }

    // --- completion ratio ---

    @Test
    void shouldComputeDecreaseRatioFromBaseline() {
        TargetFacts t = target(UUID.randomUUID(), Direction.DECREASE, "20", "5", "2021-01-01", "2021-12-31");

        assertDecimal("0.6", ratioWith(t, "11"));
        assertDecimal("1", ratioWith(t, "5"));
        assertDecimal("1.2", ratioWith(t, "2"));
        assertDecimal("-0.3333333333333333", ratioWith(t, "25"));
    }

    @Test
    void shouldComputeDecreaseRatioWithoutBaseline() {
        TargetFacts t = target(UUID.randomUUID(), Direction.DECREASE, null, "5", "2021-01-01", "2021-12-31");

        assertDecimal("1", ratioWith(t, "4.5"));
        assertDecimal("1", ratioWith(t, "5"));
        assertDecimal("0.625", ratioWith(t, "8"));
        assertDecimal("1", ratioWith(t, "0"));
    }

    @Test
    void shouldComputeDecreaseRatioWithoutBaselineForTargetOfZero() {
        TargetFacts t = target(UUID.randomUUID(), Direction.DECREASE, null, "0", "2021-01-01", "2021-12-31");

        assertDecimal("1", ratioWith(t, "0"));
        assertDecimal("0", ratioWith(t, "3"));
    }

    @Test
    void shouldScoreIncreaseTargetEqualToBaselineAllOrNothing() {
        TargetFacts t = target(UUID.randomUUID(), Direction.INCREASE, "100", "100", "2021-01-01", "2021-12-31");

        assertDecimal("1", ratioWith(t, "100"));
        assertDecimal("1", ratioWith(t, "120"));
        assertDecimal("0", ratioWith(t, "99.5"));
    }

    @Test
    void shouldScoreDecreaseTargetEqualToBaselineAllOrNothing() {
        TargetFacts t = target(UUID.randomUUID(), Direction.DECREASE, "5", "5", "2021-01-01", "2021-12-31");

        assertDecimal("1", ratioWith(t, "5"));
        assertDecimal("1", ratioWith(t, "4"));
        assertDecimal("0", ratioWith(t, "6"));
    }

    @Test
    void shouldScoreBooleanTargetAsZeroOrOne() {
        UUID id = UUID.randomUUID();
        TargetFacts t = target(id, Direction.INCREASE, null, "1", "2021-04-01", "2021-09-30");

        assertDecimal("0", ratioWith(t, "0"));
        assertDecimal("1", ratioWith(t, "1"));
        QuarterCalculator issued = new QuarterCalculator(Basis.ALL, List.of(t), List.of(),
                List.of(report(id, "2021-05-10", "0"), report(id, "2021-08-20", "1")));
        assertEquals(ProgressStatus.NOT_DUE, issued.targetAt(id, Quarter.parse("2021-Q2")).status());
        assertEquals(ProgressStatus.MET, issued.targetAt(id, Quarter.parse("2021-Q3")).status());
    }

    @Test
    void shouldComputePercentTargetAndKeepLevelsAsGiven() {
        UUID id = UUID.randomUUID();
        TargetFacts t = target(id, Direction.INCREASE, "62.5", "85.00", "2021-01-01", "2021-12-31");
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL, List.of(t),
                List.of(planned(UUID.randomUUID(), id, "2021-06-30", "70.0")),
                List.of(report(id, "2021-06-15", "73.75")));

        TargetQuarter q2 = calculator.targetAt(id, Quarter.parse("2021-Q2"));

        assertEquals(n("73.75"), q2.actual());
        assertEquals(n("70.0"), q2.planned());
        assertEquals(n("85.00"), calculator.plannedAt(id, day("2021-12-31")));
        assertDecimal("0.5", q2.completionRatio());
        assertDecimal("1.5", q2.planAttainment());
        assertEquals(ProgressStatus.ON_TRACK, q2.status());
    }

    @Test
    void shouldTakeMissingBaselineAsZeroForIncrease() {
        TargetFacts t = target(UUID.randomUUID(), Direction.INCREASE, null, "90", "2021-01-01", "2021-12-31");

        assertDecimal("0.7777777777777778", ratioWith(t, "70"));
    }

    @Test
    void shouldNotClampOverAchievementOrRegressionInRawRatio() {
        TargetFacts canteens = target(UUID.randomUUID(), Direction.INCREASE, "59", "154", "2021-01-01", "2021-12-31");

        assertDecimal("1.2", ratioWith(canteens, "173"));
        assertDecimal("-0.09473684210526316", ratioWith(canteens, "50"));
    }

    // --- actual at a date ---

    @Test
    void shouldCarryLatestReportForwardAndKnowNothingBeforeTheFirst() {
        UUID id = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(id, Direction.INCREASE, null, "100", "2021-01-01", "2021-12-31")), List.of(),
                List.of(report(id, "2021-06-28", "40"), report(id, "2021-02-01", "10")));

        assertNull(calculator.actualAt(id, day("2021-01-31")));
        assertEquals(n("10"), calculator.actualAt(id, day("2021-02-01")));
        assertEquals(n("10"), calculator.actualAt(id, day("2021-06-27")));
        assertEquals(n("40"), calculator.actualAt(id, day("2021-06-28")));
        assertEquals(n("40"), calculator.actualAt(id, day("2021-09-30")));
    }

    @Test
    void shouldTakeReportRecordedLastOnSameAsOfWhateverTheInputOrder() {
        UUID id = UUID.randomUUID();
        TargetFacts t = target(id, Direction.INCREASE, null, "100", "2021-01-01", "2021-12-31");
        ReportFacts first = report(id, "2021-06-01", "10", ReviewStatus.VERIFIED, "2021-06-02T01:00:00Z");
        ReportFacts correction = report(id, "2021-06-01", "12", ReviewStatus.VERIFIED, "2021-06-20T01:00:00Z");
        ReportFacts earlierAsOfRecordedLatest = report(id, "2021-05-01", "99", ReviewStatus.VERIFIED,
                "2021-07-01T01:00:00Z");

        for (List<ReportFacts> reports : List.of(List.of(first, correction, earlierAsOfRecordedLatest),
                List.of(earlierAsOfRecordedLatest, correction, first))) {
            QuarterCalculator calculator = new QuarterCalculator(Basis.ALL, List.of(t), List.of(), reports);
            assertEquals(n("12"), calculator.actualAt(id, day("2021-06-30")), () -> "order " + reports);
        }
    }

    @Test
    void shouldCountLateRecordedReportInQuarterOfItsAsOf() {
        UUID id = UUID.randomUUID();
        List<TargetFacts> targets = List.of(target(id, Direction.INCREASE, null, "100", "2021-01-01", "2021-12-31"));
        List<ReportFacts> reports = List.of(
                report(id, "2021-03-10", "10", ReviewStatus.VERIFIED, "2021-03-11T01:00:00Z"),
                report(id, "2021-06-15", "30", ReviewStatus.VERIFIED, "2021-10-05T01:00:00Z"));

        QuarterCalculator now = new QuarterCalculator(Basis.ALL, targets, List.of(), reports);
        assertEquals(n("10"), now.targetAt(id, Quarter.parse("2021-Q1")).actual());
        assertEquals(n("30"), now.targetAt(id, Quarter.parse("2021-Q2")).actual());

        QuarterCalculator asKnownEndOfQ3 = new QuarterCalculator(
                new Basis(false, Instant.parse("2021-09-30T16:00:00Z")), targets, List.of(), reports);
        assertEquals(n("10"), asKnownEndOfQ3.targetAt(id, Quarter.parse("2021-Q2")).actual());
        assertEquals(n("10"), asKnownEndOfQ3.targetAt(id, Quarter.parse("2021-Q3")).actual());
    }

    @Test
    void shouldNeverCountReturnedReport() {
        UUID id = UUID.randomUUID();
        List<TargetFacts> targets = List.of(target(id, Direction.INCREASE, null, "100", "2021-01-01", "2021-12-31"));
        List<ReportFacts> reports = List.of(
                report(id, "2021-06-01", "20", ReviewStatus.VERIFIED, "2021-06-02T01:00:00Z"),
                report(id, "2021-06-01", "25", ReviewStatus.RETURNED, "2021-06-03T01:00:00Z"),
                report(id, "2021-06-10", "90", ReviewStatus.RETURNED, "2021-06-11T01:00:00Z"));

        assertEquals(n("20"), new QuarterCalculator(Basis.ALL, targets, List.of(), reports)
                .actualAt(id, day("2021-06-30")));
        assertEquals(n("20"), new QuarterCalculator(new Basis(true, null), targets, List.of(), reports)
                .actualAt(id, day("2021-06-30")));
    }

    @Test
    void shouldNotKnowActualFromReturnedReportAlone() {
        UUID id = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(id, Direction.INCREASE, null, "100", "2021-01-01", "2021-12-31")), List.of(),
                List.of(report(id, "2021-06-01", "20", ReviewStatus.RETURNED, "2021-06-02T01:00:00Z")));

        assertNull(calculator.actualAt(id, day("2021-06-30")));
    }

    @Test
    void shouldCountOnlyVerifiedReportsWhenVerifiedOnly() {
        UUID id = UUID.randomUUID();
        List<TargetFacts> targets = List.of(target(id, Direction.INCREASE, null, "100", "2021-01-01", "2021-12-31"));
        List<ReportFacts> reports = List.of(
                report(id, "2021-05-01", "15", ReviewStatus.VERIFIED, "2021-05-02T01:00:00Z"),
                report(id, "2021-06-01", "30", ReviewStatus.SUBMITTED, "2021-06-02T01:00:00Z"));

        assertEquals(n("30"), new QuarterCalculator(Basis.ALL, targets, List.of(), reports)
                .actualAt(id, day("2021-06-30")));
        assertEquals(n("15"), new QuarterCalculator(new Basis(true, null), targets, List.of(), reports)
                .actualAt(id, day("2021-06-30")));
    }

    @Test
    void shouldCountOnlyReportsRecordedStrictlyBeforeKnownBefore() {
        UUID id = UUID.randomUUID();
        Instant cutoff = Instant.parse("2021-06-30T16:00:00Z");
        List<TargetFacts> targets = List.of(target(id, Direction.INCREASE, null, "100", "2021-01-01", "2021-12-31"));
        List<ReportFacts> reports = List.of(
                report(id, "2021-06-01", "15", ReviewStatus.SUBMITTED, "2021-06-30T15:59:59Z"),
                report(id, "2021-06-20", "30", ReviewStatus.VERIFIED, "2021-06-30T16:00:00Z"));

        assertEquals(n("15"), new QuarterCalculator(new Basis(false, cutoff), targets, List.of(), reports)
                .actualAt(id, day("2021-06-30")));
        assertNull(new QuarterCalculator(new Basis(true, cutoff), targets, List.of(), reports)
                .actualAt(id, day("2021-06-30")));
        assertEquals(n("30"), new QuarterCalculator(Basis.ALL, targets, List.of(), reports)
                .actualAt(id, day("2021-06-30")));
    }

    @Test
    void shouldIgnoreReportsOfOtherTargets() {
        UUID id = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(id, Direction.INCREASE, null, "100", "2021-01-01", "2021-12-31"),
                        target(other, Direction.INCREASE, null, "100", "2021-01-01", "2021-12-31")),
                List.of(), List.of(report(other, "2021-06-01", "50"), report(UUID.randomUUID(), "2021-06-01", "60")));

        assertNull(calculator.actualAt(id, day("2021-06-30")));
        assertEquals(n("50"), calculator.actualAt(other, day("2021-06-30")));
    }

    // --- plan ---

    @Test
    void shouldTakePlanOfLatestMilestoneDueByDate() {
        UUID id = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(id, Direction.INCREASE, null, "90", "2021-04-01", "2021-10-31")),
                List.of(planned(UUID.randomUUID(), id, "2021-08-31", "70"),
                        step(UUID.randomUUID(), id, "2021-09-15", null)),
                List.of());

        assertNull(calculator.plannedAt(id, day("2021-08-30")));
        assertEquals(n("70"), calculator.plannedAt(id, day("2021-08-31")));
        assertEquals(n("70"), calculator.plannedAt(id, day("2021-10-30")));
        assertEquals(n("90"), calculator.plannedAt(id, day("2021-10-31")));
        assertEquals(n("90"), calculator.plannedAt(id, day("2022-03-31")));
    }

    @Test
    void shouldLetTargetWinOverMilestoneDueSameDay() {
        UUID id = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(id, Direction.INCREASE, null, "100", "2021-01-01", "2021-12-31")),
                List.of(planned(UUID.randomUUID(), id, "2021-12-31", "50")), List.of());

        assertEquals(n("100"), calculator.plannedAt(id, day("2021-12-31")));
    }

    @Test
    void shouldTakeMostDemandingPlanAmongMilestonesDueSameDay() {
        UUID up = UUID.randomUUID();
        UUID down = UUID.randomUUID();
        List<TargetFacts> targets = List.of(target(up, Direction.INCREASE, null, "100", "2021-01-01", "2021-12-31"),
                target(down, Direction.DECREASE, "20", "5", "2021-01-01", "2021-12-31"));
        List<MilestoneFacts> milestones = new ArrayList<>(List.of(
                planned(UUID.randomUUID(), up, "2021-06-30", "30"), planned(UUID.randomUUID(), up, "2021-06-30", "40"),
                planned(UUID.randomUUID(), down, "2021-06-30", "12"), planned(UUID.randomUUID(), down, "2021-06-30", "9")));

        for (int i = 0; i < 2; i++) {
            QuarterCalculator calculator = new QuarterCalculator(Basis.ALL, targets, milestones, List.of());
            assertEquals(n("40"), calculator.plannedAt(up, day("2021-06-30")));
            assertEquals(n("9"), calculator.plannedAt(down, day("2021-06-30")));
            Collections.reverse(milestones);
        }
    }

    @Test
    void shouldNotTakePlanFromMilestonesOfOtherTargets() {
        UUID id = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(id, Direction.INCREASE, null, "100", "2021-01-01", "2021-12-31"),
                        target(other, Direction.INCREASE, null, "100", "2021-01-01", "2021-12-31")),
                List.of(planned(UUID.randomUUID(), other, "2021-06-30", "40")), List.of());

        assertNull(calculator.plannedAt(id, day("2021-06-30")));
        assertEquals(n("40"), calculator.plannedAt(other, day("2021-06-30")));
    }

    @Test
    void shouldComputeIncreasePlanAttainmentAboveBaseline() {
        UUID id = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(id, Direction.INCREASE, "59", "154", "2021-01-01", "2021-12-31")),
                List.of(planned(UUID.randomUUID(), id, "2021-06-30", "100")),
                List.of(report(id, "2021-06-20", "80")));

        TargetQuarter q2 = calculator.targetAt(id, Quarter.parse("2021-Q2"));

        assertDecimal("0.2210526315789474", q2.completionRatio());
        assertDecimal("0.5121951219512195", q2.planAttainment());
        assertEquals(ProgressStatus.BEHIND, q2.status());
    }

    @Test
    void shouldNotDefinePlanAttainmentWhenPlanEqualsBaseline() {
        UUID up = UUID.randomUUID();
        UUID down = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(up, Direction.INCREASE, "59", "154", "2021-01-01", "2021-12-31"),
                        target(down, Direction.DECREASE, "20", "5", "2021-01-01", "2021-12-31")),
                List.of(planned(UUID.randomUUID(), up, "2021-03-31", "59"),
                        planned(UUID.randomUUID(), down, "2021-03-31", "20.0")),
                List.of(report(up, "2021-03-01", "64"), report(down, "2021-03-01", "17")));

        TargetQuarter upQ1 = calculator.targetAt(up, Quarter.parse("2021-Q1"));
        assertNull(upQ1.planAttainment());
        assertDecimal("0.05263157894736842", upQ1.completionRatio());
        assertEquals(ProgressStatus.ON_TRACK, upQ1.status());

        TargetQuarter downQ1 = calculator.targetAt(down, Quarter.parse("2021-Q1"));
        assertNull(downQ1.planAttainment());
        assertDecimal("0.2", downQ1.completionRatio());
        assertEquals(ProgressStatus.ON_TRACK, downQ1.status());
    }

    @Test
    void shouldComputeDecreasePlanAttainmentFromBaseline() {
        UUID id = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(id, Direction.DECREASE, "20", "5", "2021-01-01", "2021-12-31")),
                List.of(planned(UUID.randomUUID(), id, "2021-06-30", "14")),
                List.of(report(id, "2021-06-01", "17"), report(id, "2021-09-01", "12")));

        TargetQuarter q2 = calculator.targetAt(id, Quarter.parse("2021-Q2"));
        assertDecimal("0.5", q2.planAttainment());
        assertDecimal("0.2", q2.completionRatio());
        assertEquals(ProgressStatus.BEHIND, q2.status());

        TargetQuarter q3 = calculator.targetAt(id, Quarter.parse("2021-Q3"));
        assertDecimal("1.333333333333333", q3.planAttainment());
        assertEquals(ProgressStatus.ON_TRACK, q3.status());
    }

    @Test
    void shouldComputeDecreasePlanAttainmentWithoutBaseline() {
        UUID id = UUID.randomUUID();
        TargetFacts t = target(id, Direction.DECREASE, null, "5", "2021-01-01", "2021-12-31");
        List<MilestoneFacts> milestones = List.of(planned(UUID.randomUUID(), id, "2021-06-30", "8"));

        TargetQuarter worse = new QuarterCalculator(Basis.ALL, List.of(t), milestones,
                List.of(report(id, "2021-06-01", "10"))).targetAt(id, Quarter.parse("2021-Q2"));
        assertDecimal("0.8", worse.planAttainment());
        assertDecimal("0.5", worse.completionRatio());
        assertEquals(ProgressStatus.BEHIND, worse.status());

        TargetQuarter better = new QuarterCalculator(Basis.ALL, List.of(t), milestones,
                List.of(report(id, "2021-06-01", "7"))).targetAt(id, Quarter.parse("2021-Q2"));
        assertDecimal("1", better.planAttainment());
        assertDecimal("0.7142857142857143", better.completionRatio());
        assertEquals(ProgressStatus.ON_TRACK, better.status());
    }

    // --- spans ---

    @Test
    void shouldSpanFromQuarterOfMidQuarterStartToQuarterOfDueDate() {
        UUID id = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(id, Direction.INCREASE, null, "100", "2021-05-20", "2022-02-15")), List.of(),
                List.of(report(id, "2021-05-25", "10")));

        assertEquals(List.of(new Quarter(2021, 2), new Quarter(2021, 3), new Quarter(2021, 4), new Quarter(2022, 1)),
                calculator.targetSpan(id));
        List<TargetQuarter> rows = calculator.targetSeries(id);
        assertEquals(4, rows.size());
        assertEquals("2021-Q2", rows.get(0).quarter());
        assertEquals(day("2021-06-30"), rows.get(0).periodEnd());
        assertEquals(n("10"), rows.get(0).actual());
        assertEquals(ProgressStatus.NOT_DUE, rows.get(0).status());
        assertEquals("2022-Q1", rows.get(3).quarter());
        assertEquals(day("2022-03-31"), rows.get(3).periodEnd());
        assertEquals(n("100"), rows.get(3).planned());
        assertEquals(ProgressStatus.MISSED, rows.get(3).status());
    }

    @Test
    void shouldSpanOneQuarterWhenDueInQuarterItStarts() {
        UUID id = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(id, Direction.INCREASE, null, "1", "2021-07-05", "2021-09-10")), List.of(), List.of());

        assertEquals(List.of(new Quarter(2021, 3)), calculator.targetSpan(id));
        List<TargetQuarter> rows = calculator.targetSeries(id);
        assertEquals(1, rows.size());
        assertEquals("2021-Q3", rows.get(0).quarter());
        assertEquals(ProgressStatus.MISSED, rows.get(0).status());
    }

    @Test
    void shouldSpanOnlyDueQuarterWhenStartComesAfterDue() {
        UUID id = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(id, Direction.INCREASE, null, "1", "2021-10-01", "2021-03-31")), List.of(), List.of());

        assertEquals(List.of(new Quarter(2021, 1)), calculator.targetSpan(id));
    }

    // --- status ---

    @Test
    void shouldBeNotDueWhenNothingIsOwedYetEvenWithoutData() {
        UUID id = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(id, Direction.INCREASE, null, "100", "2021-01-01", "2021-12-31")),
                List.of(planned(UUID.randomUUID(), id, "2021-06-30", "40")), List.of());

        TargetQuarter q1 = calculator.targetAt(id, Quarter.parse("2021-Q1"));
        assertEquals(ProgressStatus.NOT_DUE, q1.status());
        assertNull(q1.planned());
    }

    @Test
    void shouldBeNoDataWhenPlanIsOwedButNothingReported() {
        UUID id = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(id, Direction.INCREASE, null, "100", "2021-01-01", "2021-12-31")),
                List.of(planned(UUID.randomUUID(), id, "2021-06-30", "40")), List.of());

        TargetQuarter q2 = calculator.targetAt(id, Quarter.parse("2021-Q2"));
        assertEquals(ProgressStatus.NO_DATA, q2.status());
        assertNull(q2.actual());
        assertNull(q2.completionRatio());
        assertNull(q2.planAttainment());
        assertEquals(n("40"), q2.planned());
    }

    @Test
    void shouldBeMetBeforeDueDateOnceTargetIsReached() {
        UUID id = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(id, Direction.INCREASE, null, "100", "2021-01-01", "2021-12-31")), List.of(),
                List.of(report(id, "2021-05-01", "100")));

        assertEquals(ProgressStatus.MET, calculator.targetAt(id, Quarter.parse("2021-Q2")).status());
    }

    @Test
    void shouldBeMetRatherThanMissedWhenReachedByDueDate() {
        UUID id = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(id, Direction.DECREASE, "12", "5", "2021-01-01", "2021-09-30")), List.of(),
                List.of(report(id, "2021-09-30", "4.8")));

        assertEquals(ProgressStatus.MET, calculator.targetAt(id, Quarter.parse("2021-Q3")).status());
    }

    @Test
    void shouldBeMissedFromDueDateWhenNotMet() {
        UUID reported = UUID.randomUUID();
        UUID silent = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(reported, Direction.INCREASE, null, "100", "2021-01-01", "2021-09-30"),
                        target(silent, Direction.INCREASE, null, "100", "2021-01-01", "2021-09-30")),
                List.of(), List.of(report(reported, "2021-09-01", "99")));

        assertEquals(ProgressStatus.MISSED, calculator.targetAt(reported, Quarter.parse("2021-Q3")).status());
        assertEquals(ProgressStatus.MISSED, calculator.targetAt(silent, Quarter.parse("2021-Q3")).status());
        assertEquals(ProgressStatus.NOT_DUE, calculator.targetAt(silent, Quarter.parse("2021-Q2")).status());
    }

    @Test
    void shouldBeOnTrackWhenDecreaseActualIsAtOrBelowPlan() {
        UUID id = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(id, Direction.DECREASE, "20", "5", "2021-01-01", "2021-12-31")),
                List.of(planned(UUID.randomUUID(), id, "2021-06-30", "14"),
                        planned(UUID.randomUUID(), id, "2021-09-30", "10")),
                List.of(report(id, "2021-06-01", "14"), report(id, "2021-09-01", "11")));

        assertEquals(ProgressStatus.ON_TRACK, calculator.targetAt(id, Quarter.parse("2021-Q2")).status());
        assertEquals(ProgressStatus.BEHIND, calculator.targetAt(id, Quarter.parse("2021-Q3")).status());
    }

    // --- milestones ---

    @Test
    void shouldCompletePlannedMilestoneOnTimeWhenActualMeetsPlanByDueDate() {
        UUID id = UUID.randomUUID();
        UUID milestone = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(id, Direction.INCREASE, null, "90", "2021-04-01", "2021-10-31")),
                List.of(planned(milestone, id, "2021-08-31", "70")),
                List.of(report(id, "2021-08-20", "65"), report(id, "2021-08-31", "70")));

        assertFalse(calculator.completedAt(milestone, day("2021-08-30")));
        assertTrue(calculator.completedAt(milestone, day("2021-08-31")));
        assertTrue(calculator.doneOnTime(milestone));
        assertFalse(calculator.overdueAt(milestone, day("2021-09-01")));
    }

    @Test
    void shouldCompletePlannedMilestoneLateWhenPlanIsReachedAfterDueDate() {
        UUID id = UUID.randomUUID();
        UUID milestone = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(id, Direction.INCREASE, null, "90", "2021-04-01", "2021-10-31")),
                List.of(planned(milestone, id, "2021-08-31", "70")),
                List.of(report(id, "2021-08-20", "65"), report(id, "2021-09-15", "72")));

        assertFalse(calculator.doneOnTime(milestone));
        assertFalse(calculator.overdueAt(milestone, day("2021-08-31")));
        assertTrue(calculator.overdueAt(milestone, day("2021-09-01")));
        assertTrue(calculator.overdueAt(milestone, day("2021-09-14")));
        assertTrue(calculator.completedAt(milestone, day("2021-09-15")));
        assertFalse(calculator.overdueAt(milestone, day("2021-09-15")));
    }

    @Test
    void shouldJudgePlannedMilestoneByDirectionOfItsTarget() {
        UUID id = UUID.randomUUID();
        UUID milestone = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(id, Direction.DECREASE, "20", "5", "2021-01-01", "2021-12-31")),
                List.of(planned(milestone, id, "2021-06-30", "14")),
                List.of(report(id, "2021-05-01", "15"), report(id, "2021-06-20", "13.5"), report(id, "2021-07-10", "16")));

        assertFalse(calculator.completedAt(milestone, day("2021-06-19")));
        assertTrue(calculator.completedAt(milestone, day("2021-06-30")));
        assertTrue(calculator.doneOnTime(milestone));
        assertFalse(calculator.completedAt(milestone, day("2021-07-10")));
        assertTrue(calculator.overdueAt(milestone, day("2021-07-10")));
    }

    @Test
    void shouldNotCompletePlannedMilestoneByCompletedOnAlone() {
        UUID id = UUID.randomUUID();
        UUID milestone = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(id, Direction.INCREASE, null, "90", "2021-01-01", "2021-12-31")),
                List.of(new MilestoneFacts(milestone, id, day("2021-06-30"), n("40"), day("2021-06-01"))),
                List.of(report(id, "2021-06-01", "30")));

        assertFalse(calculator.doneOnTime(milestone));
        assertTrue(calculator.overdueAt(milestone, day("2021-07-01")));
    }

    @Test
    void shouldCompletePlannedMilestoneOnlyFromReportsThatCount() {
        UUID id = UUID.randomUUID();
        UUID milestone = UUID.randomUUID();
        List<TargetFacts> targets = List.of(target(id, Direction.INCREASE, null, "90", "2021-01-01", "2021-12-31"));
        List<MilestoneFacts> milestones = List.of(planned(milestone, id, "2021-06-30", "40"));
        List<ReportFacts> reports = List.of(report(id, "2021-06-01", "45", ReviewStatus.SUBMITTED, "2021-06-02T01:00:00Z"));

        assertTrue(new QuarterCalculator(Basis.ALL, targets, milestones, reports).doneOnTime(milestone));
        assertFalse(new QuarterCalculator(new Basis(true, null), targets, milestones, reports).doneOnTime(milestone));
    }

    @Test
    void shouldCompleteQualitativeMilestoneOnTimeWhenCompletedByDueDate() {
        UUID early = UUID.randomUUID();
        UUID onTheDay = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL, List.of(),
                List.of(step(early, null, "2021-09-30", "2021-09-12"), step(onTheDay, null, "2021-09-30", "2021-09-30")),
                List.of());

        assertFalse(calculator.completedAt(early, day("2021-09-11")));
        assertTrue(calculator.completedAt(early, day("2021-09-12")));
        assertTrue(calculator.doneOnTime(early));
        assertTrue(calculator.doneOnTime(onTheDay));
        assertFalse(calculator.overdueAt(early, day("2021-10-01")));
    }

    @Test
    void shouldFlagQualitativeMilestoneDoneLateAsOverdueUntilDone() {
        UUID late = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL, List.of(),
                List.of(step(late, null, "2021-09-30", "2021-10-20")), List.of());

        assertFalse(calculator.doneOnTime(late));
        assertFalse(calculator.overdueAt(late, day("2021-09-30")));
        assertTrue(calculator.overdueAt(late, day("2021-10-01")));
        assertTrue(calculator.overdueAt(late, day("2021-10-19")));
        assertFalse(calculator.overdueAt(late, day("2021-10-20")));
    }

    @Test
    void shouldKeepUncompletedQualitativeMilestoneOverdue() {
        UUID open = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL, List.of(),
                List.of(step(open, null, "2021-03-31", null)), List.of());

        assertFalse(calculator.completedAt(open, day("2030-01-01")));
        assertFalse(calculator.doneOnTime(open));
        assertFalse(calculator.overdueAt(open, day("2021-03-31")));
        assertTrue(calculator.overdueAt(open, day("2021-04-01")));
    }

    // --- roll-ups ---

    @Test
    void shouldWeighClampedRatiosInRollup() {
        UUID over = UUID.randomUUID();
        UUID regressed = UUID.randomUUID();
        UUID silent = UUID.randomUUID();
        UUID half = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(over, Direction.INCREASE, "59", "154", "2021-01-01", "2021-12-31", "2"),
                        target(regressed, Direction.INCREASE, "59", "154", "2021-01-01", "2021-12-31", "1"),
                        target(silent, Direction.INCREASE, null, "10", "2021-01-01", "2021-12-31", "1"),
                        target(half, Direction.DECREASE, null, "5", "2021-01-01", "2021-12-31", "0.5")),
                List.of(),
                List.of(report(over, "2021-06-01", "173"), report(regressed, "2021-06-01", "50"),
                        report(half, "2021-06-01", "10")));

        Rollup q2 = calculator.rollupAt(Quarter.parse("2021-Q2"), List.of(over, regressed, silent, half), NONE);

        // (2·1 + 1·0 + 1·0 + 0.5·0.5) / (2 + 1 + 1 + 0.5) = 2.25 / 4.5
        assertDecimal("0.5", q2.completionRatio());
        assertEquals(4, q2.targets());
        assertEquals("2021-Q2", q2.quarter());
        assertEquals(day("2021-06-30"), q2.periodEnd());
    }

    @Test
    void shouldTakeMissingWeightAsOneInRollup() {
        UUID light = UUID.randomUUID();
        UUID heavy = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(light, Direction.INCREASE, null, "10", "2021-01-01", "2021-12-31", null),
                        target(heavy, Direction.INCREASE, null, "10", "2021-01-01", "2021-12-31", "3")),
                List.of(), List.of(report(light, "2021-06-01", "10"), report(heavy, "2021-06-01", "5")));

        // (1·1 + 3·0.5) / (1 + 3)
        assertDecimal("0.625", calculator.rollupAt(Quarter.parse("2021-Q2"), List.of(light, heavy), NONE)
                .completionRatio());
    }

    @Test
    void shouldCountEveryStatusInRollupIncludingZeros() {
        UUID met = UUID.randomUUID();
        UUID behind = UUID.randomUUID();
        UUID noData = UUID.randomUUID();
        UUID notDue = UUID.randomUUID();
        UUID notDueToo = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(met, Direction.INCREASE, null, "10", "2021-01-01", "2021-12-31"),
                        target(behind, Direction.INCREASE, null, "10", "2021-01-01", "2021-12-31"),
                        target(noData, Direction.INCREASE, null, "10", "2021-01-01", "2021-12-31"),
                        target(notDue, Direction.INCREASE, null, "10", "2021-01-01", "2021-12-31"),
                        target(notDueToo, Direction.INCREASE, null, "10", "2021-01-01", "2021-12-31")),
                List.of(planned(UUID.randomUUID(), behind, "2021-06-30", "6"),
                        planned(UUID.randomUUID(), noData, "2021-06-30", "6")),
                List.of(report(met, "2021-06-01", "12"), report(behind, "2021-06-01", "5"),
                        report(notDue, "2021-06-01", "5")));

        Rollup q2 = calculator.rollupAt(Quarter.parse("2021-Q2"), List.of(met, behind, noData, notDue, notDueToo), NONE);

        assertEquals(List.of(ProgressStatus.MET, ProgressStatus.ON_TRACK, ProgressStatus.BEHIND, ProgressStatus.NO_DATA,
                ProgressStatus.NOT_DUE, ProgressStatus.MISSED), List.copyOf(q2.statusCounts().keySet()));
        assertEquals(List.of(1, 0, 1, 1, 2, 0), List.copyOf(q2.statusCounts().values()));
        assertEquals(5, q2.targets());
        // (1 + 0.5 + 0 + 0.5 + 0) / 5
        assertDecimal("0.4", q2.completionRatio());
    }

    @Test
    void shouldCountTargetStatusInRollupOutsideItsOwnSpan() {
        UUID id = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(id, Direction.INCREASE, null, "10", "2021-07-01", "2021-12-31")), List.of(),
                List.of(report(id, "2021-08-01", "4")));

        Rollup before = calculator.rollupAt(Quarter.parse("2021-Q1"), List.of(id), NONE);
        assertEquals(1, before.statusCounts().get(ProgressStatus.NOT_DUE));
        assertDecimal("0", before.completionRatio());

        Rollup after = calculator.rollupAt(Quarter.parse("2022-Q2"), List.of(id), NONE);
        assertEquals(1, after.statusCounts().get(ProgressStatus.MISSED));
        assertDecimal("0.4", after.completionRatio());
    }

    @Test
    void shouldCountMilestoneDoneLateAsDueButNotDone() {
        UUID id = UUID.randomUUID();
        UUID onTimeStep = UUID.randomUUID();
        UUID lateStep = UUID.randomUUID();
        UUID metPlan = UUID.randomUUID();
        UUID laterStep = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(id, Direction.INCREASE, null, "100", "2021-01-01", "2021-12-31")),
                List.of(step(onTimeStep, null, "2021-03-31", "2021-03-20"),
                        step(lateStep, null, "2021-05-31", "2021-06-10"),
                        planned(metPlan, id, "2021-06-30", "40"),
                        step(laterStep, null, "2021-07-01", null)),
                List.of(report(id, "2021-06-30", "41")));
        List<UUID> milestones = List.of(onTimeStep, lateStep, metPlan, laterStep);

        Rollup q2 = calculator.rollupAt(Quarter.parse("2021-Q2"), List.of(id), milestones);
        assertEquals(3, q2.milestonesDue());
        assertEquals(2, q2.milestonesDone());
        assertDecimal("0.6666666666666667", q2.onTimeRatio());

        Rollup q3 = calculator.rollupAt(Quarter.parse("2021-Q3"), List.of(id), milestones);
        assertEquals(4, q3.milestonesDue());
        assertEquals(2, q3.milestonesDone());
        assertDecimal("0.5", q3.onTimeRatio());
    }

    @Test
    void shouldNotDefineOnTimeRatioWhenNothingIsDue() {
        UUID later = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL, List.of(),
                List.of(step(later, null, "2021-07-01", "2021-05-01")), List.of());

        Rollup q2 = calculator.rollupAt(Quarter.parse("2021-Q2"), NONE, List.of(later));

        assertEquals(0, q2.milestonesDue());
        assertEquals(0, q2.milestonesDone());
        assertNull(q2.onTimeRatio());
    }

    @Test
    void shouldNotDefineRollupRatioWithoutTargets() {
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL, List.of(), List.of(), List.of());

        Rollup q2 = calculator.rollupAt(Quarter.parse("2021-Q2"), NONE, NONE);

        assertNull(q2.completionRatio());
        assertEquals(0, q2.targets());
        assertEquals(6, q2.statusCounts().size());
        assertTrue(q2.statusCounts().values().stream().allMatch(count -> count == 0));
    }

    @Test
    void shouldNotDefineRollupRatioWhenWeightsSumToZero() {
        UUID id = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(id, Direction.INCREASE, null, "10", "2021-01-01", "2021-12-31", "0")), List.of(),
                List.of(report(id, "2021-06-01", "5")));

        Rollup q2 = calculator.rollupAt(Quarter.parse("2021-Q2"), List.of(id), NONE);

        assertNull(q2.completionRatio());
        assertEquals(1, q2.targets());
    }

    @Test
    void shouldCountRepeatedTargetIdOnceInRollup() {
        UUID full = UUID.randomUUID();
        UUID empty = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(full, Direction.INCREASE, null, "10", "2021-01-01", "2021-12-31"),
                        target(empty, Direction.INCREASE, null, "10", "2021-01-01", "2021-12-31")),
                List.of(), List.of(report(full, "2021-06-01", "10"), report(empty, "2021-06-01", "0")));

        Rollup q2 = calculator.rollupAt(Quarter.parse("2021-Q2"), List.of(full, full, empty), NONE);

        assertEquals(2, q2.targets());
        assertDecimal("0.5", q2.completionRatio());
        assertEquals(1, q2.statusCounts().get(ProgressStatus.MET));
    }

    @Test
    void shouldSpanRollupContiguouslyUpToMilestoneDueAfterEveryTarget() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID lastStep = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(first, Direction.INCREASE, null, "10", "2021-02-01", "2021-05-31"),
                        target(second, Direction.INCREASE, null, "10", "2021-11-01", "2021-12-31")),
                List.of(step(lastStep, null, "2022-05-01", null)), List.of());

        List<Quarter> span = calculator.rollupSpan(List.of(first, second), List.of(lastStep));

        assertEquals(List.of(new Quarter(2021, 1), new Quarter(2021, 2), new Quarter(2021, 3), new Quarter(2021, 4),
                new Quarter(2022, 1), new Quarter(2022, 2)), span);
        List<Rollup> series = calculator.rollupSeries(List.of(first, second), List.of(lastStep));
        assertEquals(List.of("2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4", "2022-Q1", "2022-Q2"),
                series.stream().map(Rollup::quarter).toList());
        assertEquals(0, series.get(4).milestonesDue());
        assertEquals(1, series.get(5).milestonesDue());
        assertEquals(day("2022-06-30"), series.get(5).periodEnd());
        assertEquals(2, series.get(5).statusCounts().get(ProgressStatus.MISSED));
    }

    @Test
    void shouldSpanRollupBackToMilestoneDueBeforeEveryTarget() {
        UUID id = UUID.randomUUID();
        UUID kickOff = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL,
                List.of(target(id, Direction.INCREASE, null, "10", "2021-07-01", "2021-09-30")),
                List.of(step(kickOff, null, "2021-03-31", "2021-03-15")), List.of());

        assertEquals(List.of(new Quarter(2021, 1), new Quarter(2021, 2), new Quarter(2021, 3)),
                calculator.rollupSpan(List.of(id), List.of(kickOff)));
        assertEquals(List.of(new Quarter(2021, 1)), calculator.rollupSpan(NONE, List.of(kickOff)));
    }

    @Test
    void shouldNotSpanRollupWithoutTargetsOrMilestones() {
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL, List.of(), List.of(), List.of());

        assertEquals(List.of(), calculator.rollupSpan(NONE, NONE));
        assertEquals(List.of(), calculator.rollupSeries(NONE, NONE));
    }

    // --- unknown ids ---

    @Test
    void shouldRejectUnknownTarget() {
        QuarterCalculator calculator = workedExample();
        UUID unknown = UUID.randomUUID();
        Quarter q = Quarter.parse("2021-Q2");

        assertThrows(IllegalArgumentException.class, () -> calculator.actualAt(unknown, q.end()));
        assertThrows(IllegalArgumentException.class, () -> calculator.plannedAt(unknown, q.end()));
        assertThrows(IllegalArgumentException.class, () -> calculator.targetSpan(unknown));
        assertThrows(IllegalArgumentException.class, () -> calculator.targetAt(unknown, q));
        assertThrows(IllegalArgumentException.class, () -> calculator.targetSeries(unknown));
        assertThrows(IllegalArgumentException.class, () -> calculator.rollupSpan(List.of(shanty, unknown), NONE));
        assertThrows(IllegalArgumentException.class, () -> calculator.rollupAt(q, List.of(unknown), NONE));
        assertThrows(IllegalArgumentException.class, () -> calculator.rollupSeries(List.of(unknown), NONE));
        assertThrows(IllegalArgumentException.class, () -> calculator.actualAt(null, q.end()));
    }

    @Test
    void shouldRejectUnknownMilestone() {
        QuarterCalculator calculator = workedExample();
        UUID unknown = UUID.randomUUID();
        Quarter q = Quarter.parse("2021-Q2");

        assertThrows(IllegalArgumentException.class, () -> calculator.completedAt(unknown, q.end()));
        assertThrows(IllegalArgumentException.class, () -> calculator.doneOnTime(unknown));
        assertThrows(IllegalArgumentException.class, () -> calculator.overdueAt(unknown, q.end()));
        assertThrows(IllegalArgumentException.class, () -> calculator.rollupSpan(NONE, List.of(unknown)));
        assertThrows(IllegalArgumentException.class, () -> calculator.rollupAt(q, NONE, List.of(shantyQ2, unknown)));
    }

    @Test
    void shouldRejectPlannedMilestoneWhoseTargetWasNotGiven() {
        UUID milestone = UUID.randomUUID();
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL, List.of(),
                List.of(planned(milestone, UUID.randomUUID(), "2021-06-30", "40")), List.of());

        assertThrows(IllegalArgumentException.class, () -> calculator.doneOnTime(milestone));
    }

    @Test
    void shouldRejectTargetGivenTwice() {
        TargetFacts t = target(UUID.randomUUID(), Direction.INCREASE, null, "10", "2021-01-01", "2021-12-31");

        assertThrows(IllegalArgumentException.class,
                () -> new QuarterCalculator(Basis.ALL, List.of(t, t), List.of(), List.of()));
    }

    // --- helpers ---

    /** The completion ratio of {@code target} when a single report of {@code actual} is its only data. */
    private static BigDecimal ratioWith(TargetFacts target, String actual) {
        QuarterCalculator calculator = new QuarterCalculator(Basis.ALL, List.of(target), List.of(),
                List.of(report(target.id(), target.startDate().toString(), actual)));
        return calculator.targetAt(target.id(), Quarter.of(target.startDate())).completionRatio();
    }

    private static TargetFacts target(UUID id, Direction direction, String baseline, String targetValue, String start,
            String due) {
        return target(id, direction, baseline, targetValue, start, due, "1");
    }

    private static TargetFacts target(UUID id, Direction direction, String baseline, String targetValue, String start,
            String due, String weight) {
        return new TargetFacts(id, direction, baseline == null ? null : n(baseline), n(targetValue), day(start),
                day(due), weight == null ? null : n(weight));
    }

    private static ReportFacts report(UUID targetId, String asOf, String value) {
        return new ReportFacts(targetId, day(asOf), n(value), ReviewStatus.VERIFIED,
                day(asOf).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static ReportFacts report(UUID targetId, String asOf, String value, ReviewStatus status,
            String recordedAt) {
        return new ReportFacts(targetId, day(asOf), n(value), status, Instant.parse(recordedAt));
    }

    private static MilestoneFacts planned(UUID id, UUID targetId, String due, String plannedValue) {
        return new MilestoneFacts(id, targetId, day(due), n(plannedValue), null);
    }

    private static MilestoneFacts step(UUID id, UUID targetId, String due, String completedOn) {
        return new MilestoneFacts(id, targetId, day(due), null, completedOn == null ? null : day(completedOn));
    }

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    private static LocalDate day(String value) {
        return LocalDate.parse(value);
    }

    private static BigDecimal fourPlaces(BigDecimal value) {
        return value.setScale(4, RoundingMode.HALF_UP);
    }

    private static void assertDecimal(String expected, BigDecimal actual) {
        assertNotNull(actual, () -> "expected " + expected + " but was null");
        assertEquals(0, n(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }
}
