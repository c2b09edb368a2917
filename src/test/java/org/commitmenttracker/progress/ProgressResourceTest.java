package org.commitmenttracker.progress;

import static io.restassured.RestAssured.given;
import static org.commitmenttracker.common.Tokens.admin;
import static org.commitmenttracker.common.Tokens.with;
import static org.commitmenttracker.progress.ProgressJson.assertDecimal;
import static org.commitmenttracker.progress.ProgressJson.assertRollupRow;
import static org.commitmenttracker.progress.ProgressJson.assertTargetRow;
import static org.commitmenttracker.progress.ProgressJson.get;
import static org.commitmenttracker.progress.ProgressJson.text;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.commitmenttracker.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The progress answers over HTTP: a target's quarterly series, the roll-ups of a commitment, department and round,
 * the grouped table, and their CSV forms, each checked against values worked out by hand from domain.md. Every test
 * works on rounds and departments of its own, so neither the demo data nor other tests change the answers.
 */
@QuarkusTest
class ProgressResourceTest {

    private static final String API = "/api/v1";

    // --- a target's series: domain.md's worked example ---------------------------------------------------------

    /** 棚户区改造开工: 10500 套 in 2021, 4200 by 06-30 and 7350 by 09-30 (Fixtures.target's defaults). */
    private static String workedExampleTarget() {
        var commitment = Fixtures.commitment();
        var target = Fixtures.target(commitment, Map.of());
        Fixtures.milestone(commitment, target, "2021-06-30", 4200);
        Fixtures.milestone(commitment, target, "2021-09-30", 7350);
        return target;
    }

    private static String workedExample() {
        var target = workedExampleTarget();
        Fixtures.report(target, "2021-05-15", 1000);
        Fixtures.report(target, "2021-06-28", 4500);
        Fixtures.report(target, "2021-09-20", 7000);
        Fixtures.report(target, "2022-01-10", 10600);
        return target;
    }

    private static void assertWorkedExampleRows(JsonNode rows) {
        assertEquals(4, rows.size(), () -> "four quarters in " + rows);
        assertTargetRow(rows.get(0), "2021-Q1", "2021-03-31", null, null, null, null, "NOT_DUE");
        assertTargetRow(rows.get(1), "2021-Q2", "2021-06-30", "4500", "4200", "0.4285714285714286",
                "1.071428571428571", "ON_TRACK");
        assertTargetRow(rows.get(2), "2021-Q3", "2021-09-30", "7000", "7350", "0.6666666666666667",
                "0.9523809523809524", "BEHIND");
        // The report of 2022-01-10 describes a later date: it does not change 2021-Q4.
        assertTargetRow(rows.get(3), "2021-Q4", "2021-12-31", "7000", "10500", "0.6666666666666667",
                "0.6666666666666667", "MISSED");
    }

    @Test
    void shouldComputeWorkedExampleEndToEnd() {
        var target = workedExample();

        assertWorkedExampleRows(get(API + "/targets/" + target + "/progress"));
    }

    @Test
    void shouldReturnOnlyTheRequestedQuarter() {
        var target = workedExample();

        var rows = get(API + "/targets/" + target + "/progress", "quarter", "2021-Q3");

        assertEquals(1, rows.size());
        assertTargetRow(rows.get(0), "2021-Q3", "2021-09-30", "7000", "7350", "0.6666666666666667",
                "0.9523809523809524", "BEHIND");
    }

    @ParameterizedTest
    @ValueSource(strings = { "2021-Q5", "2021Q3", "abc", "2021-Q0", "21-Q3", "2021-q3" })
    void shouldRejectMalformedQuarter(String quarter) {
        var target = workedExampleTarget();

        assertViolation(given().queryParam("quarter", quarter).when().get(API + "/targets/" + target + "/progress"),
                "quarter");
    }

    @ParameterizedTest
    @ValueSource(strings = { "2022-Q1", "2020-Q4" })
    void shouldRejectQuarterOutsideTheSeries(String quarter) {
        var target = workedExampleTarget();

        assertViolation(given().queryParam("quarter", quarter).when().get(API + "/targets/" + target + "/progress"),
                "quarter");
    }

    @Test
    void shouldNotFindProgressOfUnknownTarget() {
        given().when().get(API + "/targets/" + UUID.randomUUID() + "/progress")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldRejectMalformedTargetId() {
        assertViolation(given().when().get(API + "/targets/not-a-uuid/progress"), "id");
    }

    // --- a target's series: the rules one by one ---------------------------------------------------------------

    @Test
    void shouldComputeDecreaseTargetFromBaseline() {
        var commitment = Fixtures.commitment();
        var target = target(commitment, "name", "抽查企业比例", "unit", "%", "measure", "PERCENT",
                "direction", "DECREASE", "baseline", 20, "targetValue", 5);
        Fixtures.milestone(commitment, target, "2021-06-30", 14);
        Fixtures.report(target, "2021-06-01", 16);
        Fixtures.report(target, "2021-09-01", 11);
        Fixtures.report(target, "2021-12-01", 4);

        var rows = get(API + "/targets/" + target + "/progress");

        assertEquals(4, rows.size());
        assertTargetRow(rows.get(0), "2021-Q1", "2021-03-31", null, null, null, null, "NOT_DUE");
        // (B − A) / (B − T) = 4 / 15; against the plan (B − A) / (B − P) = 4 / 6; 16 > 14 is behind.
        assertTargetRow(rows.get(1), "2021-Q2", "2021-06-30", "16", "14", "0.2666666666666667", "0.6666666666666667",
                "BEHIND");
        assertTargetRow(rows.get(2), "2021-Q3", "2021-09-30", "11", "14", "0.6", "1.5", "ON_TRACK");
        assertTargetRow(rows.get(3), "2021-Q4", "2021-12-31", "4", "5", "1.066666666666667", "1.066666666666667",
                "MET");
    }

    @Test
    void shouldComputeDecreaseTargetWithoutBaseline() {
        var commitment = Fixtures.commitment();
        var target = target(commitment, "name", "市场监管部门抽查企业比例", "unit", "%", "measure", "PERCENT",
                "direction", "DECREASE", "targetValue", 5);
        Fixtures.milestone(commitment, target, "2021-06-30", 8);
        Fixtures.report(target, "2021-06-15", 10);
        Fixtures.report(target, "2021-09-15", 6);
        Fixtures.report(target, "2021-12-15", 5);

        var rows = get(API + "/targets/" + target + "/progress");

        assertEquals(4, rows.size());
        assertTargetRow(rows.get(0), "2021-Q1", "2021-03-31", null, null, null, null, "NOT_DUE");
        // Without a baseline: 1 if A ≤ T, else T / A = 5 / 10. Plan attainment follows the same rule against the
        // plan (8 / 10), as QuarterCalculator decides for "when defined"; (0 − A) / (0 − P) would reward a higher level.
        assertTargetRow(rows.get(1), "2021-Q2", "2021-06-30", "10", "8", "0.5", "0.8", "BEHIND");
        assertTargetRow(rows.get(2), "2021-Q3", "2021-09-30", "6", "8", "0.8333333333333333", "1", "ON_TRACK");
        assertTargetRow(rows.get(3), "2021-Q4", "2021-12-31", "5", "5", "1", "1", "MET");
    }

    @Test
    void shouldScoreTargetEqualToBaselineAllOrNothing() {
        var commitment = Fixtures.commitment();
        var increase = target(commitment, "name", "保持服务网点数量", "unit", "处", "baseline", 10, "targetValue", 10,
                "startDate", "2021-04-01");
        Fixtures.report(increase, "2021-06-15", 9);
        Fixtures.report(increase, "2021-09-15", 10);
        var decrease = target(commitment, "name", "投诉积压件数不增加", "unit", "件", "direction", "DECREASE",
                "baseline", 5, "targetValue", 5, "startDate", "2021-04-01");
        Fixtures.report(decrease, "2021-06-15", 6);
        Fixtures.report(decrease, "2021-09-15", 5);

        for (var target : List.of(increase, decrease)) {
            var rows = get(API + "/targets/" + target + "/progress");
            assertEquals(3, rows.size());
            assertEquals("2021-Q2", text(rows.get(0), "quarter"));
            assertDecimal("0", rows.get(0), "completionRatio");
            assertNull(text(rows.get(0), "planAttainment"));
            assertEquals("NOT_DUE", text(rows.get(0), "status"));
            assertDecimal("1", rows.get(1), "completionRatio");
            assertEquals("MET", text(rows.get(1), "status"));
            assertDecimal("1", rows.get(2), "completionRatio");
            assertEquals("MET", text(rows.get(2), "status"));
        }
    }

    @Test
    void shouldScoreBooleanTargetAsZeroOrOne() {
        var commitment = Fixtures.commitment();
        var issued = target(commitment, "name", "《淄博市物业管理条例》出台", "unit", "项", "measure", "BOOLEAN",
                "targetValue", 1, "dueDate", "2021-09-30");
        Fixtures.report(issued, "2021-05-01", 0);
        Fixtures.report(issued, "2021-08-20", 1);
        var neverReported = target(commitment, "name", "老旧小区物业服务收费标准发布", "unit", "项",
                "measure", "BOOLEAN", "targetValue", 1, "dueDate", "2021-09-30");

        var rows = get(API + "/targets/" + issued + "/progress");
        assertEquals(3, rows.size());
        assertTargetRow(rows.get(0), "2021-Q1", "2021-03-31", null, null, null, null, "NOT_DUE");
        assertTargetRow(rows.get(1), "2021-Q2", "2021-06-30", "0", null, "0", null, "NOT_DUE");
        assertTargetRow(rows.get(2), "2021-Q3", "2021-09-30", "1", "1", "1", "1", "MET");

        var missed = get(API + "/targets/" + neverReported + "/progress");
        assertTargetRow(missed.get(2), "2021-Q3", "2021-09-30", null, "1", null, null, "MISSED");
    }

    @Test
    void shouldComputePercentTargetKeepingLevelsAsReported() {
        var commitment = Fixtures.commitment();
        var target = target(commitment, "name", "新增工业用地按“标准地”制度供地比例", "unit", "%", "measure", "PERCENT",
                "targetValue", 30);
        Fixtures.milestone(commitment, target, "2021-06-30", 10);
        Fixtures.report(target, "2021-06-30", 12.5);
        Fixtures.report(target, "2021-09-30", 24.25);

        var rows = get(API + "/targets/" + target + "/progress");

        assertEquals(4, rows.size());
        assertTargetRow(rows.get(1), "2021-Q2", "2021-06-30", "12.5", "10", "0.4166666666666667", "1.25", "ON_TRACK");
        assertTargetRow(rows.get(2), "2021-Q3", "2021-09-30", "24.25", "10", "0.8083333333333333", "2.425",
                "ON_TRACK");
        assertTargetRow(rows.get(3), "2021-Q4", "2021-12-31", "24.25", "30", "0.8083333333333333",
                "0.8083333333333333", "MISSED");
    }

    @Test
    void shouldTakeReportOfLatestAsOfEvenWhenRecordedEarlier() {
        var target = workedExampleTarget();
        Fixtures.report(target, "2021-09-20", 7000);
        // Recorded late, for earlier dates: each counts for its own date only.
        Fixtures.report(target, "2021-06-28", 4500);
        Fixtures.report(target, "2021-08-01", 9000);

        var rows = get(API + "/targets/" + target + "/progress");

        assertDecimal("4500", rows.get(1), "actual");
        assertEquals("ON_TRACK", text(rows.get(1), "status"));
        assertDecimal("7000", rows.get(2), "actual");
        assertEquals("BEHIND", text(rows.get(2), "status"));
    }

    @Test
    void shouldTakeReportRecordedLastOnTheSameAsOf() {
        var target = workedExampleTarget();
        Fixtures.report(target, "2021-06-28", 4500);
        Fixtures.report(target, "2021-06-28", 3000);

        var rows = get(API + "/targets/" + target + "/progress", "quarter", "2021-Q2");

        assertTargetRow(rows.get(0), "2021-Q2", "2021-06-30", "3000", "4200", "0.2857142857142857",
                "0.7142857142857143", "BEHIND");
    }

    @Test
    void shouldNeverCountReturnedReport() {
        var target = workedExampleTarget();
        Fixtures.review(Fixtures.report(target, "2021-06-28", 4500), "RETURNED");

        var onlyReturned = get(API + "/targets/" + target + "/progress", "quarter", "2021-Q2");
        assertTargetRow(onlyReturned.get(0), "2021-Q2", "2021-06-30", null, "4200", null, null, "NO_DATA");

        Fixtures.report(target, "2021-05-15", 1000);
        // Recorded last for its date, but returned: the earlier report of that date still counts.
        Fixtures.report(target, "2021-06-28", 2000);
        Fixtures.review(Fixtures.report(target, "2021-06-28", 5000), "RETURNED");

        var rows = get(API + "/targets/" + target + "/progress", "quarter", "2021-Q2");
        assertDecimal("2000", rows.get(0), "actual");
        assertEquals("BEHIND", text(rows.get(0), "status"));
        var verified = get(API + "/targets/" + target + "/progress", "quarter", "2021-Q2", "verifiedOnly", "true");
        assertDecimal(null, verified.get(0), "actual");
    }

    @Test
    void shouldCountOnlyVerifiedReportsWhenVerifiedOnly() {
        var target = workedExampleTarget();
        Fixtures.review(Fixtures.report(target, "2021-05-15", 1000), "VERIFIED");
        Fixtures.report(target, "2021-06-28", 4500);

        var all = get(API + "/targets/" + target + "/progress", "quarter", "2021-Q2");
        assertTargetRow(all.get(0), "2021-Q2", "2021-06-30", "4500", "4200", "0.4285714285714286",
                "1.071428571428571", "ON_TRACK");
        var verified = get(API + "/targets/" + target + "/progress", "quarter", "2021-Q2", "verifiedOnly", "true");
        assertTargetRow(verified.get(0), "2021-Q2", "2021-06-30", "1000", "4200", "0.09523809523809524",
                "0.2380952380952381", "BEHIND");
        var explicitFalse = get(API + "/targets/" + target + "/progress", "quarter", "2021-Q2", "verifiedOnly",
                "false");
        assertDecimal("4500", explicitFalse.get(0), "actual");
        assertViolation(given().queryParam("verifiedOnly", "yes").when().get(API + "/targets/" + target + "/progress"),
                "verifiedOnly");
    }

    @Test
    void shouldIgnoreReportsRecordedAfterKnownAt() {
        var target = workedExample();

        // Every report was recorded now, long after 2021: as known at the end of 2021 nothing had been reported.
        var asKnownIn2021 = get(API + "/targets/" + target + "/progress", "knownAt", "2021-12-31");
        assertEquals(4, asKnownIn2021.size());
        assertTargetRow(asKnownIn2021.get(0), "2021-Q1", "2021-03-31", null, null, null, null, "NOT_DUE");
        assertTargetRow(asKnownIn2021.get(1), "2021-Q2", "2021-06-30", null, "4200", null, null, "NO_DATA");
        assertTargetRow(asKnownIn2021.get(2), "2021-Q3", "2021-09-30", null, "7350", null, null, "NO_DATA");
        assertTargetRow(asKnownIn2021.get(3), "2021-Q4", "2021-12-31", null, "10500", null, null, "MISSED");

        // knownAt is a calendar date in the service's zone (Asia/Shanghai): today's reports count by its end.
        var today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        assertWorkedExampleRows(get(API + "/targets/" + target + "/progress", "knownAt", today));
    }

    /** The last three are valid ISO dates, but outside the API's dates (1949-01-01 to 2100-12-31). */
    @ParameterizedTest
    @ValueSource(strings = { "2021-13-01", "yesterday", "2021/12/31", "2021-02-30", "+999999999-12-31", "2101-01-01",
            "1948-12-31" })
    void shouldRejectMalformedOrUnusableKnownAt(String knownAt) {
        var target = workedExampleTarget();

        assertViolation(given().queryParam("knownAt", knownAt).when().get(API + "/targets/" + target + "/progress"),
                "knownAt");
    }

    @Test
    void shouldSpanFromQuarterOfStartDateToQuarterOfDueDate() {
        var commitment = Fixtures.commitment();
        var target = target(commitment, "startDate", "2021-02-15", "dueDate", "2022-03-31");
        Fixtures.report(target, "2022-01-10", 10600);

        var rows = get(API + "/targets/" + target + "/progress");

        assertEquals(List.of("2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4", "2022-Q1"), quarters(rows));
        assertTargetRow(rows.get(4), "2022-Q1", "2022-03-31", "10600", "10500", "1.00952380952381", "1.00952380952381",
                "MET");
        var first = get(API + "/targets/" + target + "/progress", "quarter", "2021-Q1");
        assertTargetRow(first.get(0), "2021-Q1", "2021-03-31", null, null, null, null, "NOT_DUE");
        var last = get(API + "/targets/" + target + "/progress", "quarter", "2022-Q1");
        assertEquals("MET", text(last.get(0), "status"));
        for (var outside : List.of("2020-Q4", "2022-Q2")) {
            assertViolation(given().queryParam("quarter", outside).when().get(API + "/targets/" + target + "/progress"),
                    "quarter");
        }
    }

    @Test
    void shouldStartSeriesAtRoundPublicationWithoutStartDate() {
        var publishedInApril = Fixtures.commitment(Fixtures.round("2021-04-01"), Fixtures.department());
        var fromApril = target(publishedInApril, "startDate", null);
        var publishedInAugust = Fixtures.commitment(Fixtures.round("2021-08-15"), Fixtures.department());
        var fromAugust = target(publishedInAugust, "startDate", null);

        assertEquals(List.of("2021-Q2", "2021-Q3", "2021-Q4"), quarters(get(API + "/targets/" + fromApril + "/progress")));
        assertEquals(List.of("2021-Q3", "2021-Q4"), quarters(get(API + "/targets/" + fromAugust + "/progress")));
        assertViolation(given().queryParam("quarter", "2021-Q2").when().get(API + "/targets/" + fromAugust + "/progress"),
                "quarter");
    }

    @Test
    void shouldAnswerForTargetDueOnTheLastDateTheApiAccepts() {
        var commitment = Fixtures.commitment();
        var target = target(commitment, "startDate", "2100-01-01", "dueDate", "2100-12-31");

        assertEquals(List.of("2100-Q1", "2100-Q2", "2100-Q3", "2100-Q4"),
                quarters(get(API + "/targets/" + target + "/progress")));
        assertEquals(List.of("2100-Q1", "2100-Q2", "2100-Q3", "2100-Q4"),
                quarters(get(API + "/commitments/" + commitment + "/progress")));
    }

    /** Dates are YYYY-MM-DD from 1949 to 2100: a target spanning millennia would make every answer over it huge. */
    @Test
    void shouldRejectDatesOutsideTheApiRange() {
        var commitment = Fixtures.commitment();
        var target = Fixtures.target(commitment, Map.of());
        for (var field : List.of("startDate", "dueDate")) {
            for (var date : List.of("+10000-12-31", "-0001-01-01", "0001-01-01", "9999-12-31", "1948-12-31",
                    "2101-01-01")) {
                var body = new HashMap<String, Object>(Map.of("commitmentId", commitment, "name", "棚户区改造开工",
                        "unit", "套", "measure", "NUMBER", "targetValue", 10500, "startDate", "2021-01-01",
                        "dueDate", "2021-12-31"));
                body.put(field, date);
                assertViolation(with(admin()).contentType("application/json").body(body).when().post(API + "/targets"),
                        field);
            }
        }
        assertViolation(with(admin()).contentType("application/json")
                .body(Map.of("commitmentId", commitment, "dueDate", "+10000-12-31", "description", "阶段目标"))
                .when().post(API + "/milestones"), "dueDate");
        assertViolation(with(admin()).contentType("application/json")
                .body(Map.of("title", "测试评议批次", "year", 2021, "issuer", "淄博市人大常委会", "publishedOn", "+10000-01-01"))
                .when().post(API + "/rounds"), "publishedOn");

        assertEquals(4, get(API + "/commitments/" + commitment + "/progress").size());
        assertEquals(4, get(API + "/targets/" + target + "/progress").size());
    }

    // --- roll-ups --------------------------------------------------------------------------------------------

    /**
     * Round R: department D with commitments C1 (targets A, B, C and seven milestones) and C2 (target D, no
     * milestones), department D2 with C4 (target F). Department D also has C3 (target E) in another round R2.
     * Every expected value of the roll-up tests is worked out from these by hand.
     */
    private record Scenario(String round, String roundTitle, String round2, String department, String departmentName,
            String departmentCode, String department2, String department2Name, String department2Code, String c1,
            String c2, String c3, String c4) {
    }

    private static Scenario scenario;

    private static synchronized Scenario scenario() {
        if (scenario == null) {
            scenario = buildScenario();
        }
        return scenario;
    }

    private static Scenario buildScenario() {
        var round = Fixtures.round();
        var round2 = Fixtures.round();
        var department = Fixtures.department();
        var department2 = Fixtures.department();
        var c1 = Fixtures.commitment(round, department, "棚户区、老旧小区失修失管的问题");
        var c2 = Fixtures.commitment(round, department, "加强和改进住宅物业管理工作方面的问题");
        var c3 = Fixtures.commitment(round2, department, "第二批次的问题");
        var c4 = Fixtures.commitment(round, department2, "为老年人助餐服务资源有效供给不足");

        // A: INCREASE 0 → 100, weight 2; on plan at Q2, over-achieved (1.5, clamped to 1) from Q3.
        var a = target(c1, "name", "棚户区改造开工", "targetValue", 100, "weight", 2);
        Fixtures.milestone(c1, a, "2021-06-30", 40);
        Fixtures.report(a, "2021-06-30", 50);
        Fixtures.report(a, "2021-09-30", 150);
        // B: DECREASE 20 → 10, weight 0.5; regressed at Q2 (−0.5, clamped to 0), halfway from Q3 but behind its plan.
        var b = target(c1, "name", "投诉积压件数", "unit", "件", "direction", "DECREASE", "baseline", 20,
                "targetValue", 10, "weight", 0.5);
        Fixtures.milestone(c1, b, "2021-09-30", 14);
        Fixtures.report(b, "2021-06-30", 25);
        Fixtures.report(b, "2021-09-30", 15);
        // C: INCREASE 0 → 10 due 2021-09-30, weight 1.5, never reported (unknown counts as 0).
        var c = target(c1, "name", "老旧小区改造项目开工", "unit", "个", "targetValue", 10, "dueDate", "2021-09-30",
                "weight", 1.5);
        Fixtures.milestone(c1, c, "2021-06-30", 5);
        // Qualitative steps: on time, late, never, and one due after every target.
        Fixtures.complete(Fixtures.milestone(c1, null, "2021-03-31", null), "2021-03-20");
        Fixtures.complete(Fixtures.milestone(c1, null, "2021-06-30", null), "2021-07-15");
        Fixtures.milestone(c1, null, "2021-09-30", null);
        Fixtures.milestone(c1, null, "2022-06-30", null);

        // D: INCREASE 0 → 10, 4 reported in March: 0.4 throughout, nothing owed before its due date.
        var d = target(c2, "name", "实施物业管理的老旧小区", "unit", "个", "targetValue", 10);
        Fixtures.report(d, "2021-03-01", 4);
        // E (other round): INCREASE 0 → 10 due 2021-06-30, met in June.
        var e = target(c3, "name", "放心消费示范单位", "unit", "家", "targetValue", 10, "dueDate", "2021-06-30");
        Fixtures.report(e, "2021-06-01", 10);
        // F (other department): INCREASE 100 → 200, halfway at Q3.
        var f = target(c4, "name", "长者食堂", "unit", "处", "baseline", 100, "targetValue", 200);
        Fixtures.report(f, "2021-09-30", 150);

        var dep = get(API + "/departments/" + department);
        var dep2 = get(API + "/departments/" + department2);
        return new Scenario(round, text(get(API + "/rounds/" + round), "title"), round2, department,
                text(dep, "name"), text(dep, "code"), department2, text(dep2, "name"), text(dep2, "code"), c1, c2, c3,
                c4);
    }

    private static final List<String> SCENARIO_QUARTERS = List.of("2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4",
            "2022-Q1", "2022-Q2");

    @Test
    void shouldRollUpCommitmentWithWeightsClampingAndMilestones() {
        var rows = get(API + "/commitments/" + scenario().c1() + "/progress");

        // Spans the targets' series (2021) and the milestone due 2022-06-30. Weights 2 + 0.5 + 1.5 = 4.
        assertEquals(SCENARIO_QUARTERS, quarters(rows));
        assertEquals("2021-03-31", text(rows.get(0), "periodEnd"));
        assertEquals("2022-06-30", text(rows.get(5), "periodEnd"));
        assertRollupRow(rows.get(0), "2021-Q1", "0", 3, Map.of("NOT_DUE", 3), 1, 1, "1");
        // (2 × 0.5 + 0.5 × 0 [−0.5 clamped] + 1.5 × 0 [unknown]) / 4; the step completed late is due, not done,
        // the planned step of C (never reported) too.
        assertRollupRow(rows.get(1), "2021-Q2", "0.25", 3, Map.of("ON_TRACK", 1, "NOT_DUE", 1, "NO_DATA", 1), 4, 2,
                "0.5");
        // (2 × 1 [1.5 clamped] + 0.5 × 0.5 + 1.5 × 0) / 4
        assertRollupRow(rows.get(2), "2021-Q3", "0.5625", 3, Map.of("MET", 1, "BEHIND", 1, "MISSED", 1), 6, 2,
                "0.3333333333333333");
        assertRollupRow(rows.get(3), "2021-Q4", "0.5625", 3, Map.of("MET", 1, "MISSED", 2), 6, 2,
                "0.3333333333333333");
        assertRollupRow(rows.get(4), "2022-Q1", "0.5625", 3, Map.of("MET", 1, "MISSED", 2), 6, 2,
                "0.3333333333333333");
        assertRollupRow(rows.get(5), "2022-Q2", "0.5625", 3, Map.of("MET", 1, "MISSED", 2), 7, 2,
                "0.2857142857142857");
    }

    @Test
    void shouldNotDefineOnTimeRatioWhenNoMilestoneIsDue() {
        var rows = get(API + "/commitments/" + scenario().c2() + "/progress");

        assertEquals(List.of("2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4"), quarters(rows));
        assertRollupRow(rows.get(0), "2021-Q1", "0.4", 1, Map.of("NOT_DUE", 1), 0, 0, null);
        assertRollupRow(rows.get(2), "2021-Q3", "0.4", 1, Map.of("NOT_DUE", 1), 0, 0, null);
        assertRollupRow(rows.get(3), "2021-Q4", "0.4", 1, Map.of("MISSED", 1), 0, 0, null);
    }

    @Test
    void shouldRollUpDepartmentOfOneRound() {
        var s = scenario();

        var rows = get(API + "/departments/" + s.department() + "/progress", "roundId", s.round());

        // A, B, C, D: weights 2 + 0.5 + 1.5 + 1 = 5.
        assertEquals(SCENARIO_QUARTERS, quarters(rows));
        assertRollupRow(rows.get(0), "2021-Q1", "0.08", 4, Map.of("NOT_DUE", 4), 1, 1, "1");
        assertRollupRow(rows.get(1), "2021-Q2", "0.28", 4, Map.of("ON_TRACK", 1, "NOT_DUE", 2, "NO_DATA", 1), 4, 2,
                "0.5");
        assertRollupRow(rows.get(2), "2021-Q3", "0.53", 4, Map.of("MET", 1, "BEHIND", 1, "MISSED", 1, "NOT_DUE", 1),
                6, 2, "0.3333333333333333");
        assertRollupRow(rows.get(3), "2021-Q4", "0.53", 4, Map.of("MET", 1, "MISSED", 3), 6, 2, "0.3333333333333333");
        assertRollupRow(rows.get(5), "2022-Q2", "0.53", 4, Map.of("MET", 1, "MISSED", 3), 7, 2, "0.2857142857142857");
    }

    @Test
    void shouldRollUpDepartmentAcrossRounds() {
        var rows = get(API + "/departments/" + scenario().department() + "/progress");

        // A, B, C, D and E of the other round: weights 6.
        assertEquals(SCENARIO_QUARTERS, quarters(rows));
        assertRollupRow(rows.get(0), "2021-Q1", "0.06666666666666667", 5, Map.of("NOT_DUE", 5), 1, 1, "1");
        assertRollupRow(rows.get(1), "2021-Q2", "0.4", 5,
                Map.of("MET", 1, "ON_TRACK", 1, "NOT_DUE", 2, "NO_DATA", 1), 4, 2, "0.5");
        assertRollupRow(rows.get(2), "2021-Q3", "0.6083333333333333", 5,
                Map.of("MET", 2, "BEHIND", 1, "MISSED", 1, "NOT_DUE", 1), 6, 2, "0.3333333333333333");
        assertRollupRow(rows.get(3), "2021-Q4", "0.6083333333333333", 5, Map.of("MET", 2, "MISSED", 3), 6, 2,
                "0.3333333333333333");
    }

    @Test
    void shouldRollUpRound() {
        var rows = get(API + "/rounds/" + scenario().round() + "/progress");

        // A, B, C, D and F of the other department: weights 6.
        assertEquals(SCENARIO_QUARTERS, quarters(rows));
        assertRollupRow(rows.get(0), "2021-Q1", "0.06666666666666667", 5, Map.of("NOT_DUE", 5), 1, 1, "1");
        assertRollupRow(rows.get(1), "2021-Q2", "0.2333333333333333", 5,
                Map.of("ON_TRACK", 1, "NOT_DUE", 3, "NO_DATA", 1), 4, 2, "0.5");
        assertRollupRow(rows.get(2), "2021-Q3", "0.525", 5,
                Map.of("MET", 1, "BEHIND", 1, "MISSED", 1, "NOT_DUE", 2), 6, 2, "0.3333333333333333");
        assertRollupRow(rows.get(3), "2021-Q4", "0.525", 5, Map.of("MET", 1, "MISSED", 4), 6, 2, "0.3333333333333333");
        assertRollupRow(rows.get(4), "2022-Q1", "0.525", 5, Map.of("MET", 1, "MISSED", 4), 6, 2, "0.3333333333333333");
        assertRollupRow(rows.get(5), "2022-Q2", "0.525", 5, Map.of("MET", 1, "MISSED", 4), 7, 2, "0.2857142857142857");
    }

    @Test
    void shouldReturnOneRollupRowForTheRequestedQuarter() {
        var s = scenario();

        var rows = get(API + "/rounds/" + s.round() + "/progress", "quarter", "2021-Q3");
        assertEquals(1, rows.size());
        assertRollupRow(rows.get(0), "2021-Q3", "0.525", 5,
                Map.of("MET", 1, "BEHIND", 1, "MISSED", 1, "NOT_DUE", 2), 6, 2, "0.3333333333333333");
        var last = get(API + "/commitments/" + s.c1() + "/progress", "quarter", "2022-Q2");
        assertEquals(7, last.get(0).get("milestonesDue").asInt());

        for (var path : List.of("/rounds/" + s.round(), "/departments/" + s.department(), "/commitments/" + s.c1())) {
            for (var quarter : List.of("2020-Q4", "2022-Q3", "2021-Q5")) {
                assertViolation(given().queryParam("quarter", quarter).when().get(API + path + "/progress"), "quarter");
            }
        }
    }

    @Test
    void shouldCountOnlyVerifiedReportsInRollupAndMilestones() {
        var commitment = Fixtures.commitment();
        var target = target(commitment, "targetValue", 10);
        Fixtures.milestone(commitment, target, "2021-06-30", 5);
        Fixtures.review(Fixtures.report(target, "2021-03-01", 2), "VERIFIED");
        Fixtures.report(target, "2021-06-01", 8);

        var all = get(API + "/commitments/" + commitment + "/progress", "quarter", "2021-Q2");
        assertRollupRow(all.get(0), "2021-Q2", "0.8", 1, Map.of("ON_TRACK", 1), 1, 1, "1");
        var verified = get(API + "/commitments/" + commitment + "/progress", "quarter", "2021-Q2", "verifiedOnly",
                "true");
        assertRollupRow(verified.get(0), "2021-Q2", "0.2", 1, Map.of("BEHIND", 1), 1, 0, "0");
        var known = get(API + "/commitments/" + commitment + "/progress", "quarter", "2021-Q2", "knownAt",
                "2021-06-30");
        assertRollupRow(known.get(0), "2021-Q2", "0", 1, Map.of("NO_DATA", 1), 1, 0, "0");
    }

    @Test
    void shouldNotFindRollupOfUnknownId() {
        for (var path : List.of("/commitments/", "/departments/", "/rounds/")) {
            given().when().get(API + path + UUID.randomUUID() + "/progress")
                    .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        }
    }

    @Test
    void shouldRejectMalformedRollupId() {
        for (var path : List.of("/commitments/", "/departments/", "/rounds/")) {
            assertViolation(given().when().get(API + path + "12345/progress"), "id");
        }
        assertViolation(given().queryParam("roundId", "r1")
                .when().get(API + "/departments/" + scenario().department() + "/progress"), "roundId");
    }

    // --- the grouped table -----------------------------------------------------------------------------------

    @Test
    void shouldGroupDepartmentsOfRoundAtQuarter() {
        var s = scenario();

        var rows = get(API + "/progress", "quarter", "2021-Q3", "groupBy", "department", "roundId", s.round());

        assertEquals(2, rows.size(), () -> "one row per department of the round: " + rows);
        var d = row(rows, s.department());
        assertEquals("department", text(d, "groupBy"));
        assertEquals(s.departmentName(), text(d, "name"));
        assertEquals(s.departmentCode(), text(d, "code"));
        assertEquals("2021-09-30", text(d, "periodEnd"));
        assertRollupRow(d, "2021-Q3", "0.53", 4, Map.of("MET", 1, "BEHIND", 1, "MISSED", 1, "NOT_DUE", 1), 6, 2,
                "0.3333333333333333");
        var d2 = row(rows, s.department2());
        assertEquals(s.department2Name(), text(d2, "name"));
        assertEquals(s.department2Code(), text(d2, "code"));
        assertRollupRow(d2, "2021-Q3", "0.5", 1, Map.of("NOT_DUE", 1), 0, 0, null);
    }

    @Test
    void shouldGroupByRound() {
        var s = scenario();

        var rows = get(API + "/progress", "quarter", "2021-Q3", "groupBy", "round", "roundId", s.round());

        assertEquals(1, rows.size());
        var r = rows.get(0);
        assertEquals(s.round(), text(r, "id"));
        assertEquals(s.roundTitle(), text(r, "name"));
        assertNull(text(r, "code"));
        assertRollupRow(r, "2021-Q3", "0.525", 5, Map.of("MET", 1, "BEHIND", 1, "MISSED", 1, "NOT_DUE", 2), 6, 2,
                "0.3333333333333333");
    }

    @Test
    void shouldGroupCommitmentsOfRoundAndOfDepartment() {
        var s = scenario();

        var ofRound = get(API + "/progress", "quarter", "2021-Q3", "groupBy", "commitment", "roundId", s.round());
        assertEquals(3, ofRound.size());
        var c1 = row(ofRound, s.c1());
        assertEquals("棚户区、老旧小区失修失管的问题", text(c1, "name"));
        assertEquals(s.departmentCode(), text(c1, "code"));
        assertRollupRow(c1, "2021-Q3", "0.5625", 3, Map.of("MET", 1, "BEHIND", 1, "MISSED", 1), 6, 2,
                "0.3333333333333333");
        assertRollupRow(row(ofRound, s.c2()), "2021-Q3", "0.4", 1, Map.of("NOT_DUE", 1), 0, 0, null);
        var c4 = row(ofRound, s.c4());
        assertEquals("为老年人助餐服务资源有效供给不足", text(c4, "name"));
        assertEquals(s.department2Code(), text(c4, "code"));
        assertRollupRow(c4, "2021-Q3", "0.5", 1, Map.of("NOT_DUE", 1), 0, 0, null);

        var ofDepartment = get(API + "/progress", "quarter", "2021-Q3", "groupBy", "commitment", "departmentId",
                s.department());
        assertEquals(3, ofDepartment.size());
        assertEquals(List.of(s.c1(), s.c2(), s.c3()).stream().sorted().toList(), ids(ofDepartment).stream().sorted().toList());
        assertRollupRow(row(ofDepartment, s.c3()), "2021-Q3", "1", 1, Map.of("MET", 1), 0, 0, null);

        var oneDepartment = get(API + "/progress", "quarter", "2021-Q3", "groupBy", "department", "departmentId",
                s.department());
        assertEquals(1, oneDepartment.size());
        assertRollupRow(oneDepartment.get(0), "2021-Q3", "0.6083333333333333", 5,
                Map.of("MET", 2, "BEHIND", 1, "MISSED", 1, "NOT_DUE", 1), 6, 2, "0.3333333333333333");
    }

    @Test
    void shouldSortGroupsByCompletionRatio() {
        var s = scenario();

        var ascending = get(API + "/progress", "quarter", "2021-Q3", "groupBy", "commitment", "roundId", s.round(),
                "sort", "completionRatio,asc");
        assertEquals(List.of(s.c2(), s.c4(), s.c1()), ids(ascending));
        var descending = get(API + "/progress", "quarter", "2021-Q3", "groupBy", "commitment", "roundId", s.round(),
                "sort", "completionRatio,desc");
        assertEquals(List.of(s.c1(), s.c4(), s.c2()), ids(descending));
        var departments = get(API + "/progress", "quarter", "2021-Q3", "groupBy", "department", "roundId", s.round(),
                "sort", "completionRatio,asc");
        assertEquals(List.of(s.department2(), s.department()), ids(departments));
    }

    @Test
    void shouldSortGroupsByOnTimeRatioWithNullsLast() {
        var s = scenario();

        for (var direction : List.of("asc", "desc")) {
            var rows = get(API + "/progress", "quarter", "2021-Q3", "groupBy", "commitment", "roundId", s.round(),
                    "sort", "onTimeRatio," + direction);
            var ids = ids(rows);
            assertEquals(s.c1(), ids.get(0), () -> "the only commitment with milestones due comes first: " + rows);
            assertEquals(Set.of(s.c2(), s.c4()), Set.copyOf(ids.subList(1, 3)));
        }
    }

    @Test
    void shouldRollUpGroupWithMilestonesButNoTargets() {
        var round = Fixtures.round();
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        // Codes chosen so that the department with milestones only comes first in the default order (by code).
        var stepsOnly = Fixtures.department("a-" + suffix, "只有步骤的局");
        var withTargets = Fixtures.department("z-" + suffix, "有指标的局");
        var steps = Fixtures.commitment(round, stepsOnly, "只有完成时限的问题");
        Fixtures.complete(Fixtures.milestone(steps, null, "2021-03-31", null), "2021-03-30");
        Fixtures.milestone(steps, null, "2021-09-30", null);
        var measured = Fixtures.commitment(round, withTargets, "有指标的问题");
        Fixtures.report(target(measured, "targetValue", 10), "2021-06-30", 5);

        var series = get(API + "/commitments/" + steps + "/progress");
        assertEquals(List.of("2021-Q1", "2021-Q2", "2021-Q3"), quarters(series));
        assertRollupRow(series.get(0), "2021-Q1", null, 0, Map.of(), 1, 1, "1");
        assertRollupRow(series.get(2), "2021-Q3", null, 0, Map.of(), 2, 1, "0.5");

        var departments = get(API + "/progress", "quarter", "2021-Q3", "groupBy", "department", "roundId", round);
        assertEquals(List.of(stepsOnly, withTargets), ids(departments), "departments by code");
        assertRollupRow(departments.get(0), "2021-Q3", null, 0, Map.of(), 2, 1, "0.5");
        assertEquals("只有步骤的局", text(departments.get(0), "name"));
        assertRollupRow(departments.get(1), "2021-Q3", "0.5", 1, Map.of("NOT_DUE", 1), 0, 0, null);
        var commitments = get(API + "/progress", "quarter", "2021-Q3", "groupBy", "commitment", "roundId", round);
        assertEquals(List.of(steps, measured), ids(commitments), "commitments by department code, then seq");
        var byRatio = get(API + "/progress", "quarter", "2021-Q3", "groupBy", "department", "roundId", round,
                "sort", "completionRatio,asc");
        assertEquals(List.of(withTargets, stepsOnly), ids(byRatio), "a null completionRatio sorts last");
    }

    @Test
    void shouldRejectGroupedTableWithoutQuarterOrWithBadParameters() {
        var round = scenario().round();

        assertViolation(given().queryParam("groupBy", "department").queryParam("roundId", round)
                .when().get(API + "/progress"), "quarter");
        assertViolation(given().queryParam("quarter", "2021-Q3").queryParam("groupBy", "city")
                .queryParam("roundId", round).when().get(API + "/progress"), "groupBy");
        assertViolation(given().queryParam("quarter", "2021-Q3").queryParam("groupBy", "department")
                .queryParam("roundId", round).queryParam("sort", "targets,asc").when().get(API + "/progress"), "sort");
        assertViolation(given().queryParam("quarter", "2021-Q3").queryParam("roundId", "nope")
                .when().get(API + "/progress"), "roundId");
        for (var quarter : List.of("2020-Q4", "2022-Q3", "Q3-2021")) {
            assertViolation(given().queryParam("quarter", quarter).queryParam("groupBy", "department")
                    .queryParam("roundId", round).when().get(API + "/progress"), "quarter");
        }
    }

    // --- CSV ---------------------------------------------------------------------------------------------------

    @Test
    void shouldWriteTargetSeriesAsCsv() {
        var target = workedExample();

        var lines = csv(API + "/targets/" + target + "/progress", Map.of());

        assertEquals(List.of(
                "quarter,periodEnd,actual,planned,completionRatio,planAttainment,status",
                "2021-Q1,2021-03-31,,,,,NOT_DUE",
                "2021-Q2,2021-06-30,4500,4200,0.4285714285714286,1.071428571428571,ON_TRACK",
                "2021-Q3,2021-09-30,7000,7350,0.6666666666666667,0.9523809523809524,BEHIND",
                "2021-Q4,2021-12-31,7000,10500,0.6666666666666667,0.6666666666666667,MISSED"), lines);
    }

    private static final String ROLLUP_HEADER = "quarter,periodEnd,completionRatio,targets,statusCounts.MET,"
            + "statusCounts.ON_TRACK,statusCounts.BEHIND,statusCounts.NO_DATA,statusCounts.NOT_DUE,statusCounts.MISSED,"
            + "milestonesDue,milestonesDone,onTimeRatio";

    @Test
    void shouldWriteRollupSeriesAsCsv() {
        var s = scenario();

        assertEquals(List.of(ROLLUP_HEADER,
                "2021-Q1,2021-03-31,0.4,1,0,0,0,0,1,0,0,0,",
                "2021-Q2,2021-06-30,0.4,1,0,0,0,0,1,0,0,0,",
                "2021-Q3,2021-09-30,0.4,1,0,0,0,0,1,0,0,0,",
                "2021-Q4,2021-12-31,0.4,1,0,0,0,0,0,1,0,0,"),
                csv(API + "/commitments/" + s.c2() + "/progress", Map.of()));
        assertEquals(List.of(ROLLUP_HEADER, "2021-Q3,2021-09-30,0.525,5,1,0,1,0,2,1,6,2,0.3333333333333333"),
                csv(API + "/rounds/" + s.round() + "/progress", Map.of("quarter", "2021-Q3")));
        var department = csv(API + "/departments/" + s.department() + "/progress", Map.of("roundId", s.round()));
        assertEquals(1 + SCENARIO_QUARTERS.size(), department.size());
        assertEquals("2021-Q2,2021-06-30,0.28,4,0,1,0,1,2,0,4,2,0.5", department.get(2));
    }

    @Test
    void shouldWriteGroupedTableAsCsvWithChineseNamesIntact() {
        var s = scenario();

        var departments = csv(API + "/progress", Map.of("quarter", "2021-Q3", "groupBy", "department", "roundId",
                s.round(), "sort", "completionRatio,asc"));
        assertEquals(List.of(
                "groupBy,id,name,code,quarter,periodEnd,completionRatio,targets,statusCounts.MET,statusCounts.ON_TRACK,"
                        + "statusCounts.BEHIND,statusCounts.NO_DATA,statusCounts.NOT_DUE,statusCounts.MISSED,"
                        + "milestonesDue,milestonesDone,onTimeRatio",
                "department," + s.department2() + "," + s.department2Name() + "," + s.department2Code()
                        + ",2021-Q3,2021-09-30,0.5,1,0,0,0,0,1,0,0,0,",
                "department," + s.department() + "," + s.departmentName() + "," + s.departmentCode()
                        + ",2021-Q3,2021-09-30,0.53,4,1,0,1,0,1,1,6,2,0.3333333333333333"), departments);

        var commitments = csv(API + "/progress", Map.of("quarter", "2021-Q3", "groupBy", "commitment", "roundId",
                s.round(), "sort", "completionRatio,desc"));
        assertEquals(4, commitments.size());
        // The title holds a "、" but no comma, so it is written as is, in UTF-8.
        assertEquals("commitment," + s.c1() + ",棚户区、老旧小区失修失管的问题," + s.departmentCode()
                + ",2021-Q3,2021-09-30,0.5625,3,1,0,1,0,0,1,6,2,0.3333333333333333", commitments.get(1));
    }

    @Test
    void shouldAnswerProblemsAsProblemJsonWhenCsvWasAsked() {
        var target = workedExampleTarget();

        given().accept("text/csv").queryParam("quarter", "2021-Q5")
                .when().get(API + "/targets/" + target + "/progress")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItem("quarter"));
        given().accept("text/csv").when().get(API + "/rounds/" + UUID.randomUUID() + "/progress")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().accept("text/csv").queryParam("groupBy", "department")
                .when().get(API + "/progress")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItem("quarter"));
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** A target of {@code commitment}: Fixtures.target's defaults, overridden by name, value pairs (null allowed). */
    private static String target(String commitment, Object... overrides) {
        var fields = new HashMap<String, Object>();
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put((String) overrides[i], overrides[i + 1]);
        }
        return Fixtures.target(commitment, fields);
    }

    private static List<String> quarters(JsonNode rows) {
        var quarters = new ArrayList<String>();
        rows.forEach(row -> quarters.add(text(row, "quarter")));
        return quarters;
    }

    private static List<String> ids(JsonNode rows) {
        var ids = new ArrayList<String>();
        rows.forEach(row -> ids.add(text(row, "id")));
        return ids;
    }

    private static JsonNode row(JsonNode rows, String id) {
        for (var row : rows) {
            if (id.equals(text(row, "id"))) {
                return row;
            }
        }
        throw new AssertionError("no row with id " + id + " in " + rows);
    }

    /** The CSV answer's lines, after checking its content type; the body is decoded as UTF-8 on purpose. */
    private static List<String> csv(String path, Map<String, String> query) {
        var bytes = given().queryParams(query).accept("text/csv")
                .when().get(path)
                .then().statusCode(200).header("Content-Type", equalToIgnoringCase("text/csv;charset=UTF-8"))
                .extract().asByteArray();
        var body = new String(bytes, StandardCharsets.UTF_8);
        assertEquals(true, body.endsWith("\r\n"), () -> "every line ends with CRLF: " + body);
        return List.of(body.split("\r\n"));
    }

    private static void assertViolation(io.restassured.response.Response response, String field) {
        response.then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("violations.field", hasItem(field));
    }
}
