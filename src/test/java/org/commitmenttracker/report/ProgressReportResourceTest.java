package org.commitmenttracker.report;

import static io.restassured.RestAssured.given;
import static org.commitmenttracker.common.Problems.assertNoLeak;
import static org.commitmenttracker.common.Problems.assertProblem;
import static org.commitmenttracker.common.Problems.assertViolation;
import static org.commitmenttracker.common.Tokens.reporter;
import static org.commitmenttracker.common.Tokens.reviewer;
import static org.commitmenttracker.common.Tokens.with;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.commitmenttracker.Fixtures;
import org.commitmenttracker.common.Api;
import org.commitmenttracker.common.Concurrently;
import org.commitmenttracker.common.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ProgressReportResourceTest {

    private static final String REPORTS = "/api/v1/progress-reports";
    private static final String JSON = "application/json; charset=UTF-8";
    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
    private static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z";

    /** The department of this class's targets, whose reporter files the reports. */
    private static final String DEPARTMENT_CODE = Fixtures.token();
    private static final String REPORTER = "reporter-" + DEPARTMENT_CODE;
    private static String departmentId;

    private static Map<String, Object> body(String targetId, String asOf, Object value) {
        var body = new LinkedHashMap<String, Object>();
        body.put("targetId", targetId);
        body.put("asOf", asOf);
        body.put("value", value);
        return body;
    }

    private static Map<String, Object> fullBody(String targetId) {
        var body = body(targetId, "2021-06-28", 4500);
        body.put("note", "全市棚户区改造项目开工4500套,“长者食堂”同步建设");
        body.put("evidenceUrls", List.of("https://www.zibo.gov.cn/art/2021/6/28/art_2065_1.html",
                "http://zjj.zibo.gov.cn/report?id=1&q=%E6%A3%9A"));
        return body;
    }

    private static String create(Map<String, Object> body) {
        return Fixtures.post(reporter(DEPARTMENT_CODE), REPORTS, body);
    }

    private static JsonPath get(String id) {
        return Api.read(REPORTS + "/" + id);
    }

    private static JsonPath list(Object... parameters) {
        return Api.list(REPORTS, parameters);
    }

    /** The ids of the reports listed with these query parameters (name, value, name, value, ...). */
    private static List<String> idsOf(Object... parameters) {
        return Api.ids(REPORTS, parameters);
    }

    private static String target(Map<String, Object> overrides) {
        return Fixtures.target(Fixtures.commitment(Fixtures.round(), department()), overrides);
    }

    private static synchronized String department() {
        if (departmentId == null) {
            departmentId = Fixtures.department(DEPARTMENT_CODE, "报告测试局 " + DEPARTMENT_CODE);
        }
        return departmentId;
    }

    private static String reviewOf(String id) {
        return REPORTS + "/" + id + "/review";
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    // --- create, read, replace, patch, delete -------------------------------------------------------------------

    @Test
    void shouldCreateReportWithLocationEtagAndBody() {
        var target = target(Map.of());
        var created = with(reporter(DEPARTMENT_CODE)).contentType(JSON).body(fullBody(target))
                .when().post(REPORTS)
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("targetId", equalTo(target))
                .body("asOf", equalTo("2021-06-28"))
                .body("value", equalTo(4500))
                .body("note", equalTo("全市棚户区改造项目开工4500套,“长者食堂”同步建设"))
                .body("evidenceUrls", equalTo(List.of("https://www.zibo.gov.cn/art/2021/6/28/art_2065_1.html",
                        "http://zjj.zibo.gov.cn/report?id=1&q=%E6%A3%9A")))
                .body("reportedBy", equalTo(REPORTER))
                .body("status", equalTo("SUBMITTED"))
                .body("recordedAt", matchesPattern(INSTANT))
                .body("reviewComment", nullValue())
                .body("reviewedAt", nullValue())
                .body("version", equalTo(0))
                .extract();
        String id = created.path("id");
        assertEquals(REPORTS + "/" + id, URI.create(created.header("Location")).getPath());
        given().when().get(created.header("Location")).then().statusCode(200).header("ETag", "\"0\"");
        var stored = get(id);
        assertEquals(created.jsonPath().getMap(""), stored.getMap(""));
        assertEquals(created.jsonPath().getString("recordedAt"), stored.getString("recordedAt"));
    }

    @Test
    void shouldKeepRecordedAtThroughUpdatesAndReview() {
        var id = create(body(target(Map.of()), "2021-05-15", 1000));
        var recordedAt = get(id).getString("recordedAt");
        with(reporter(DEPARTMENT_CODE))
                .header("If-Match", Api.etag(REPORTS + "/" + id))
                .contentType(MERGE_PATCH).body("{\"value\": 1100}").when().patch(REPORTS + "/" + id)
                .then().statusCode(200).body("recordedAt", equalTo(recordedAt));
        Fixtures.review(id, "VERIFIED");
        assertEquals(recordedAt, get(id).getString("recordedAt"));
        assertEquals(recordedAt, list("targetId", get(id).getString("targetId")).getString("items[0].recordedAt"));
    }

    @Test
    void shouldRoundTripExactDecimals() {
        var target = target(Map.of("unit", "公顷", "targetValue", 1000));
        var json = "{\"targetId\": \"" + target + "\", \"asOf\": \"2021-06-30\", \"value\": 643.44}";
        String id = with(reporter(DEPARTMENT_CODE)).config(Api.DECIMALS).contentType(JSON).body(json).when().post(REPORTS)
                .then().statusCode(201).body("value", equalTo(new BigDecimal("643.44"))).extract().path("id");
        given().config(Api.DECIMALS).when().get(REPORTS + "/" + id).then().statusCode(200)
                .body("value", equalTo(new BigDecimal("643.44")));
        with(reporter(DEPARTMENT_CODE))
                .header("If-Match", Api.etag(REPORTS + "/" + id))
                .config(Api.DECIMALS).contentType(MERGE_PATCH).body("{\"value\": 147.7829}").when().patch(REPORTS + "/" + id)
                .then().statusCode(200).body("value", equalTo(new BigDecimal("147.7829")));
        given().config(Api.DECIMALS).queryParam("targetId", target).when().get(REPORTS).then().statusCode(200)
                .body("items[0].value", equalTo(new BigDecimal("147.7829")));
        assertThat(given().when().get(REPORTS + "/" + id).asString(), containsString("\"value\":147.7829"));
    }

    @Test
    void shouldCreateAMinimalReportWithEmptyDefaults() {
        with(reporter(DEPARTMENT_CODE)).contentType(JSON).body(body(target(Map.of()), "2021-05-15", 1000)).when().post(REPORTS)
                .then().statusCode(201)
                .body("note", nullValue())
                .body("evidenceUrls", empty())
                .body("reportedBy", equalTo(REPORTER))
                .body("status", equalTo("SUBMITTED"));
    }

    /** Only a review sets status and review fields: a body that tries is refused and says where to go. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "status|VERIFIED", "reviewComment|自己审核通过", "reviewedAt|2021-05-16T00:00:00Z" })
    void shouldRefuseStatusAndReviewFieldsSentByTheClient(String field, String value) {
        var target = target(Map.of());
        var request = body(target, "2021-05-15", 1000);
        request.put(field, value);
        assertViolation(with(reporter(DEPARTMENT_CODE)).contentType(JSON).body(request).when().post(REPORTS), field)
                .body("violations[0].message", containsString("/review"));
        assertThat(idsOf("targetId", target), empty());

        String id = with(reporter(DEPARTMENT_CODE)).contentType(JSON).body(body(target, "2021-05-15", 1000)).when().post(REPORTS)
                .then().statusCode(201).extract().path("id");
        assertViolation(with(reporter(DEPARTMENT_CODE))
                .header("If-Match", Api.etag(REPORTS + "/" + id))
                .contentType(MERGE_PATCH).body(Map.of(field, value)).when().patch(REPORTS + "/" + id),
                field);
        var put = body(target, "2021-05-15", 1000);
        put.put(field, value);
        assertViolation(with(reporter(DEPARTMENT_CODE))
                .header("If-Match", Api.etag(REPORTS + "/" + id))
                .contentType(JSON).body(put).when().put(REPORTS + "/" + id), field);
        var stored = get(id);
        assertEquals("SUBMITTED", stored.getString("status"));
        assertEquals(0, stored.getInt("version"));
        assertThat(idsOf("targetId", target, "status", "VERIFIED"), empty());
    }

    /** What the service keeps (recordedAt, version, ...) is ignored, so that a report read can be sent back. */
    @Test
    void shouldIgnoreTheFieldsTheServiceKeeps() {
        var target = target(Map.of());
        var request = body(target, "2021-05-15", 1000);
        request.put("recordedAt", "2020-01-01T00:00:00Z");
        request.put("id", "01a225b4-cc97-795f-bdd3-7df01ff8b6fd");
        with(reporter(DEPARTMENT_CODE)).contentType(JSON).body(request).when().post(REPORTS)
                .then().statusCode(201)
                .body("recordedAt", matchesPattern(INSTANT))
                .body("recordedAt", not(equalTo("2020-01-01T00:00:00Z")))
                .body("id", not(equalTo("01a225b4-cc97-795f-bdd3-7df01ff8b6fd")));
    }

    @Test
    void shouldReplaceReportWithPut() {
        var target = target(Map.of());
        var id = create(fullBody(target));
        with(reporter(DEPARTMENT_CODE)).contentType(JSON).header("If-Match", "\"0\"").body(body(target, "2021-06-30", 4600))
                .when().put(REPORTS + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("asOf", equalTo("2021-06-30"))
                .body("value", equalTo(4600))
                .body("note", nullValue())
                .body("evidenceUrls", empty())
                .body("reportedBy", equalTo(REPORTER))
                .body("version", equalTo(1));
        var stored = get(id);
        assertEquals(4600, stored.getInt("value"));
        assertThat(stored.getList("evidenceUrls"), empty());
    }

    @Test
    void shouldPatchOneFieldAndKeepTheOthers() {
        var id = create(fullBody(target(Map.of())));
        var before = get(id);
        with(reporter(DEPARTMENT_CODE))
                .header("If-Match", Api.etag(REPORTS + "/" + id))
                .contentType(MERGE_PATCH).body("{\"note\": \"更正说明\"}").when().patch(REPORTS + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("note", equalTo("更正说明"));
        var after = get(id);
        for (var field : List.of("targetId", "asOf", "value", "evidenceUrls", "reportedBy", "status", "recordedAt")) {
            assertEquals((Object) before.get(field), after.get(field), field + " changed");
        }
        with(reporter(DEPARTMENT_CODE))
                .header("If-Match", Api.etag(REPORTS + "/" + id))
                .contentType(MERGE_PATCH).body("{\"evidenceUrls\": null}")
                .when().patch(REPORTS + "/" + id)
                .then().statusCode(200).body("evidenceUrls", empty()).body("reportedBy", equalTo(REPORTER))
                .body("note", equalTo("更正说明"));
    }

    @Test
    void shouldMoveASubmittedReportToAnotherTarget() {
        var from = target(Map.of());
        var to = target(Map.of());
        var id = create(body(from, "2021-05-15", 1000));
        with(reporter(DEPARTMENT_CODE))
                .header("If-Match", Api.etag(REPORTS + "/" + id))
                .contentType(MERGE_PATCH).body("{\"targetId\": \"" + to + "\"}").when().patch(REPORTS + "/" + id)
                .then().statusCode(200).body("targetId", equalTo(to));
        assertThat(idsOf("targetId", from), empty());
        assertEquals(List.of(id), idsOf("targetId", to));
    }

    @Test
    void shouldDeleteASubmittedReportThenAnswer404() {
        var target = target(Map.of());
        var id = create(body(target, "2021-05-15", 1000));
        with(reporter(DEPARTMENT_CODE))
                .header("If-Match", Api.etag(REPORTS + "/" + id))
                .when().delete(REPORTS + "/" + id).then().statusCode(204);
        assertProblem(given().when().get(REPORTS + "/" + id), 404).body("detail", containsString(id));
        assertProblem(with(reporter(DEPARTMENT_CODE)).when().delete(REPORTS + "/" + id), 404);
        assertThat(idsOf("targetId", target), empty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "VERIFIED", "RETURNED" })
    void shouldNotDeleteAReviewedReport(String decision) {
        var id = create(body(target(Map.of()), "2021-05-15", 1000));
        Fixtures.review(id, decision);
        assertProblem(with(reporter(DEPARTMENT_CODE))
                .header("If-Match", Api.etag(REPORTS + "/" + id))
                .when().delete(REPORTS + "/" + id), 409).body("detail", containsString(decision));
        assertEquals(decision, get(id).getString("status"));
    }

    @Test
    void shouldAnswer404ForAnUnknownReport() {
        var id = UUID.randomUUID().toString();
        assertProblem(given().when().get(REPORTS + "/" + id), 404).body("detail", containsString(id));
        assertProblem(with(reporter(DEPARTMENT_CODE)).contentType(JSON).body(body(target(Map.of()), "2021-05-15", 1))
                .when().put(REPORTS + "/" + id), 404);
        assertProblem(with(reporter(DEPARTMENT_CODE)).contentType(MERGE_PATCH).body("{}").when().patch(REPORTS + "/" + id), 404);
        assertProblem(with(reporter(DEPARTMENT_CODE)).when().delete(REPORTS + "/" + id), 404);
        assertProblem(with(reviewer()).contentType(JSON).body("{\"decision\": \"VERIFIED\"}").when().post(reviewOf(id)), 404);
    }

    @Test
    void shouldHonourIfMatch() {
        var target = target(Map.of());
        var id = create(body(target, "2021-05-15", 1000));
        assertProblem(with(reporter(DEPARTMENT_CODE)).contentType(JSON).header("If-Match", "\"1\"").body(body(target, "2021-05-15", 2000))
                .when().put(REPORTS + "/" + id), 412);
        assertProblem(with(reporter(DEPARTMENT_CODE)).contentType(MERGE_PATCH).header("If-Match", "\"1\"").body("{\"value\": 2000}")
                .when().patch(REPORTS + "/" + id), 412);
        assertProblem(with(reporter(DEPARTMENT_CODE))
                .header("If-Match", "\"1\"").when().delete(REPORTS + "/" + id), 412);
        assertProblem(with(reviewer()).contentType(JSON).header("If-Match", "\"1\"").body("{\"decision\": \"VERIFIED\"}")
                .when().post(reviewOf(id)), 412);
        var stored = get(id);
        assertEquals(1000, stored.getInt("value"));
        assertEquals("SUBMITTED", stored.getString("status"));

        with(reporter(DEPARTMENT_CODE)).contentType(MERGE_PATCH).header("If-Match", "\"0\"").body("{\"value\": 1500}")
                .when().patch(REPORTS + "/" + id).then().statusCode(200).header("ETag", "\"1\"");
        with(reviewer()).contentType(JSON).header("If-Match", "\"1\"").body("{\"decision\": \"VERIFIED\"}")
                .when().post(reviewOf(id)).then().statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void shouldReplayTheFirstResponseForARepeatedIdempotencyKey() {
        var target = target(Map.of());
        var key = UUID.randomUUID().toString();
        var request = fullBody(target);
        var first = with(reporter(DEPARTMENT_CODE)).contentType(JSON).header("Idempotency-Key", key).body(request)
                .when().post(REPORTS).then().statusCode(201).header("ETag", "\"0\"").extract();
        var second = with(reporter(DEPARTMENT_CODE)).contentType(JSON).header("Idempotency-Key", key).body(request)
                .when().post(REPORTS).then().statusCode(201).header("Idempotent-Replayed", "true").extract();
        assertEquals(first.header("Location"), second.header("Location"));
        assertEquals(first.header("ETag"), second.header("ETag"));
        assertEquals(first.jsonPath().getMap(""), second.jsonPath().getMap(""));
        assertEquals(List.of(first.jsonPath().getString("id")), idsOf("targetId", target));

        assertProblem(with(reporter(DEPARTMENT_CODE)).contentType(JSON).header("Idempotency-Key", key).body(body(target, "2021-06-28", 4501))
                .when().post(REPORTS), 422);
        assertEquals(List.of(first.jsonPath().getString("id")), idsOf("targetId", target));
    }

    // --- validation -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PERCENT | 100 | 100.01",
            "PERCENT | 100 | -0.5",
            "BOOLEAN | 1   | 2",
            "BOOLEAN | 1   | 0.5",
            "BOOLEAN | 1   | -1",
    })
    void shouldRejectAValueThatDoesNotFitTheMeasure(String measure, int targetValue, String value) {
        var target = target(Map.of("measure", measure, "targetValue", targetValue, "unit", "%"));
        assertViolation(with(reporter(DEPARTMENT_CODE)).contentType(JSON).body(body(target, "2021-06-30", new BigDecimal(value)))
                .when().post(REPORTS), "value")
                .body("violations", hasSize(1))
                .body("violations[0].message", containsString("for a " + measure + " target"));
        assertThat(idsOf("targetId", target), empty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PERCENT | 100   | 0",
            "PERCENT | 100   | 100",
            "PERCENT | 100   | 37.5",
            "BOOLEAN | 1     | 0",
            "BOOLEAN | 1     | 1",
            "NUMBER  | 10500 | 0",
            "NUMBER  | 10500 | 10600",
            "NUMBER  | 10500 | 999999999999999.999999",
            "NUMBER  | 10500 | -3.5",
    })
    void shouldAcceptAValueThatFitsTheMeasure(String measure, int targetValue, String value) {
        // NUMBER takes any decimal of at most 15 + 6 digits, negative ones included: the code sets no lower bound
        var target = target(Map.of("measure", measure, "targetValue", targetValue, "unit", "%"));
        var json = "{\"targetId\": \"" + target + "\", \"asOf\": \"2021-06-30\", \"value\": " + value + "}";
        var id = with(reporter(DEPARTMENT_CODE)).config(Api.DECIMALS).contentType(JSON).body(json).when().post(REPORTS)
                .then().statusCode(201).extract().jsonPath().getString("id");
        var stored = given().config(Api.DECIMALS).when().get(REPORTS + "/" + id).then().extract().jsonPath()
                .getString("value");
        assertEquals(0, new BigDecimal(value).compareTo(new BigDecimal(stored)), "stored " + stored);
    }

    @Test
    void shouldKeepValuesFittingWhenPatched() {
        var target = target(Map.of("measure", "PERCENT", "targetValue", 100, "unit", "%"));
        var id = create(body(target, "2021-06-30", 40));
        assertViolation(with(reporter(DEPARTMENT_CODE))
                .header("If-Match", Api.etag(REPORTS + "/" + id))
                .contentType(MERGE_PATCH).body("{\"value\": 140}").when().patch(REPORTS + "/" + id),
                "value");
        assertViolation(with(reporter(DEPARTMENT_CODE))
                .header("If-Match", Api.etag(REPORTS + "/" + id))
                .contentType(JSON).body(body(target, "2021-06-30", 101)).when().put(REPORTS + "/" + id),
                "value");
        var number = target(Map.of());
        assertViolation(with(reporter(DEPARTMENT_CODE))
                .header("If-Match", Api.etag(REPORTS + "/" + id))
                .contentType(JSON).body(body(target, "2021-06-30", 4500)).when()
                .put(REPORTS + "/" + id), "value");
        with(reporter(DEPARTMENT_CODE))
                .header("If-Match", Api.etag(REPORTS + "/" + id))
                .contentType(MERGE_PATCH).body("{\"targetId\": \"" + number + "\", \"value\": 4500}")
                .when().patch(REPORTS + "/" + id).then().statusCode(200).body("value", equalTo(4500));
    }

    @Test
    void shouldAnswer400NotAServerErrorForAnUnknownTarget() {
        var unknown = UUID.randomUUID().toString();
        assertViolation(with(reporter(DEPARTMENT_CODE)).contentType(JSON).body(body(unknown, "2021-06-30", 1)).when().post(REPORTS), "targetId")
                .body("violations", hasSize(1))
                .body("detail", containsString(unknown));
        assertThat(idsOf("targetId", unknown), empty());
        var id = create(body(target(Map.of()), "2021-06-30", 1));
        assertViolation(with(reporter(DEPARTMENT_CODE))
                .header("If-Match", Api.etag(REPORTS + "/" + id))
                .contentType(MERGE_PATCH).body("{\"targetId\": \"" + unknown + "\"}")
                .when().patch(REPORTS + "/" + id), "targetId");
    }

    @Test
    void shouldNotAcceptAReportAboutTheFuture() {
        var target = target(Map.of());
        var future = today().plusDays(2).toString();
        assertViolation(with(reporter(DEPARTMENT_CODE)).contentType(JSON).body(body(target, future, 1)).when().post(REPORTS), "asOf")
                .body("violations[0].message", equalTo("must not be in the future"));
        assertThat(idsOf("targetId", target), empty());
        with(reporter(DEPARTMENT_CODE)).contentType(JSON).body(body(target, today().minusDays(1).toString(), 1)).when().post(REPORTS)
                .then().statusCode(201);
    }

    @Test
    void shouldNameEveryMissingField() {
        assertViolation(with(reporter(DEPARTMENT_CODE)).contentType(JSON).body("{}").when().post(REPORTS), "targetId")
                .body("violations.field", containsInAnyOrder("targetId", "asOf", "value"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"asOf\": \"2021-13-01\"                        | asOf",
            "\"asOf\": \"2021-6-30\"                         | asOf",
            "\"value\": \"4500\"                             | value",
            "\"value\": 1.1234567                            | value",
            "\"value\": 1234567890123456                     | value",
            "\"targetId\": \"nope\"                          | targetId",
            "\"evidenceUrls\": [\"ftp://example.com/a\"]     | evidenceUrls[0]",
            "\"evidenceUrls\": [\"https://a.cn\", \"见附件\"] | evidenceUrls[1]",
            "\"evidenceUrls\": [\"https://a.cn\", null]      | evidenceUrls[1]",
            "\"evidenceUrls\": \"https://a.cn\"              | evidenceUrls",
            "\"note\": 5                                     | note",
            "\"reviewer\": \"张三\"                          | reviewer",
    })
    void shouldRejectMalformedFieldsNamingTheField(String field, String name) {
        var target = target(Map.of());
        var fields = new LinkedHashMap<String, String>();
        fields.put("\"targetId\"", "\"" + target + "\"");
        fields.put("\"asOf\"", "\"2021-06-30\"");
        fields.put("\"value\"", "4500");
        var colon = field.indexOf(':');
        fields.put(field.substring(0, colon).trim(), field.substring(colon + 1).trim());
        var json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() > 1 ? ", " : "").append(k).append(": ").append(v));
        json.append('}');
        assertViolation(with(reporter(DEPARTMENT_CODE)).contentType(JSON).body(json.toString()).when().post(REPORTS), name);
        assertThat(idsOf("targetId", target), empty());
    }

    @Test
    void shouldRejectMalformedIdsAndParameters() {
        assertViolation(given().when().get(REPORTS + "/x"), "id");
        assertViolation(with(reviewer())
                .contentType(JSON).body("{\"decision\": \"VERIFIED\"}").when().post(REPORTS + "/x/review"),
                "id");
        assertViolation(given().queryParam("targetId", "x").when().get(REPORTS), "targetId");
        assertViolation(given().queryParam("departmentId", "1234").when().get(REPORTS), "departmentId");
        assertViolation(given().queryParam("from", "2021-02-30").when().get(REPORTS), "from");
        assertViolation(given().queryParam("to", "yesterday").when().get(REPORTS), "to");
        assertViolation(given().queryParam("status", "APPROVED").when().get(REPORTS), "status")
                .body("violations[0].message", containsString("SUBMITTED, VERIFIED, RETURNED"));
    }

    // --- review -----------------------------------------------------------------------------------------------

    @Test
    void shouldVerifyASubmittedReport() {
        var id = create(body(target(Map.of()), "2021-06-28", 4500));
        var recordedAt = get(id).getString("recordedAt");
        with(reviewer())
                .header("If-Match", Api.etag(REPORTS + "/" + id))
                .contentType(JSON).body("{\"decision\": \"VERIFIED\", \"comment\": \"  与台账一致  \"}")
                .when().post(reviewOf(id))
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("id", equalTo(id))
                .body("status", equalTo("VERIFIED"))
                .body("reviewComment", equalTo("与台账一致"))
                .body("reviewedAt", matchesPattern(INSTANT))
                .body("recordedAt", equalTo(recordedAt))
                .body("value", equalTo(4500))
                .body("version", equalTo(1));
        var stored = get(id);
        assertEquals("VERIFIED", stored.getString("status"));
        assertEquals("与台账一致", stored.getString("reviewComment"));
    }

    @Test
    void shouldReturnASubmittedReportWithAComment() {
        var id = create(body(target(Map.of()), "2021-06-28", 4500));
        with(reviewer())
                .header("If-Match", Api.etag(REPORTS + "/" + id))
                .contentType(JSON).body("{\"decision\": \"RETURNED\", \"comment\": \"请补充开工项目清单\"}")
                .when().post(reviewOf(id))
                .then().statusCode(200)
                .body("status", equalTo("RETURNED"))
                .body("reviewComment", equalTo("请补充开工项目清单"))
                .body("reviewedAt", notNullValue());
        assertEquals("RETURNED", get(id).getString("status"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"decision\": \"RETURNED\"}                          | comment",
            "{\"decision\": \"RETURNED\", \"comment\": \" \\u3000 \"} | comment",
            "{\"decision\": \"RETURNED\", \"comment\": null}       | comment",
            "{\"decision\": \"SUBMITTED\"}                         | decision",
            "{\"decision\": \"APPROVED\"}                          | decision",
            "{\"decision\": \"verified\"}                          | decision",
            "{\"comment\": \"好\"}                                 | decision",
            "{\"decision\": \"VERIFIED\", \"score\": 5}            | score",
            "[]                                                    | body",
    })
    void shouldRejectABadReview(String json, String field) {
        var id = create(body(target(Map.of()), "2021-06-28", 4500));
        assertViolation(with(reviewer())
                .header("If-Match", Api.etag(REPORTS + "/" + id))
                .contentType(JSON).body(json).when().post(reviewOf(id)), field);
        var stored = get(id);
        assertEquals("SUBMITTED", stored.getString("status"));
        assertNull(stored.get("reviewedAt"));
        assertEquals(0, stored.getInt("version"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "VERIFIED|VERIFIED", "VERIFIED|RETURNED", "RETURNED|VERIFIED",
            "RETURNED|RETURNED" })
    void shouldNotReviewAReportTwice(String first, String second) {
        var id = create(body(target(Map.of()), "2021-06-28", 4500));
        Fixtures.review(id, first);
        var before = get(id).getMap("");
        assertProblem(with(reviewer())
                .header("If-Match", Api.etag(REPORTS + "/" + id))
                .contentType(JSON).body(Map.of("decision", second, "comment", "再审"))
                .when().post(reviewOf(id)), 409)
                .body("detail", containsString("already reviewed (" + first + ")"));
        assertEquals(before, get(id).getMap(""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"value\": 4600}",
            "{\"asOf\": \"2021-06-29\"}",
            "{\"targetId\": \"OTHER\"}",
    })
    void shouldNotChangeValueDateOrTargetOfAReviewedReportByPatch(String patch) {
        var target = target(Map.of());
        var other = target(Map.of());
        var id = create(body(target, "2021-06-28", 4500));
        Fixtures.review(id, "VERIFIED");
        var before = get(id).getMap("");
        assertProblem(with(reporter(DEPARTMENT_CODE))
                .header("If-Match", Api.etag(REPORTS + "/" + id))
                .contentType(MERGE_PATCH).body(patch.replace("OTHER", other))
                .when().patch(REPORTS + "/" + id), 409)
                .body("detail", containsString("can no longer change"));
        assertEquals(before, get(id).getMap(""));
    }

    @Test
    void shouldNotChangeValueOrDateOfAReviewedReportByPut() {
        var target = target(Map.of());
        var id = create(body(target, "2021-06-28", 4500));
        Fixtures.review(id, "RETURNED");
        assertProblem(with(reporter(DEPARTMENT_CODE))
                .header("If-Match", Api.etag(REPORTS + "/" + id))
                .contentType(JSON).body(body(target, "2021-06-28", 4600)).when().put(REPORTS + "/" + id), 409);
        assertProblem(with(reporter(DEPARTMENT_CODE))
                .header("If-Match", Api.etag(REPORTS + "/" + id))
                .contentType(JSON).body(body(target, "2021-06-27", 4500)).when().put(REPORTS + "/" + id), 409);
        var stored = get(id);
        assertEquals(4500, stored.getInt("value"));
        assertEquals("2021-06-28", stored.getString("asOf"));
        assertEquals(1, stored.getInt("version"));

        // what the review does not fix can still be corrected
        var note = body(target, "2021-06-28", 4500);
        note.put("note", "补充说明");
        note.put("evidenceUrls", List.of("https://www.zibo.gov.cn/a.pdf"));
        with(reporter(DEPARTMENT_CODE))
                .header("If-Match", Api.etag(REPORTS + "/" + id))
                .contentType(JSON).body(note).when().put(REPORTS + "/" + id)
                .then().statusCode(200).body("note", equalTo("补充说明")).body("status", equalTo("RETURNED"))
                .body("evidenceUrls", equalTo(List.of("https://www.zibo.gov.cn/a.pdf")));
        with(reporter(DEPARTMENT_CODE))
                .header("If-Match", Api.etag(REPORTS + "/" + id))
                .contentType(MERGE_PATCH).body("{\"value\": 4500.000}").when().patch(REPORTS + "/" + id)
                .then().statusCode(200).body("status", equalTo("RETURNED"));
    }

    @Test
    void shouldReplayAReviewWithTheSameIdempotencyKey() {
        var id = create(body(target(Map.of()), "2021-06-28", 4500));
        var key = UUID.randomUUID().toString();
        var first = with(reviewer())
                .header("If-Match", Api.etag(REPORTS + "/" + id))
                .contentType(JSON).header("Idempotency-Key", key).body("{\"decision\": \"VERIFIED\"}")
                .when().post(reviewOf(id)).then().statusCode(200).header("ETag", "\"1\"").extract();
        var second = with(reviewer())
                .header("If-Match", Api.etag(REPORTS + "/" + id))
                .contentType(JSON).header("Idempotency-Key", key).body("{\"decision\": \"VERIFIED\"}")
                .when().post(reviewOf(id)).then().statusCode(200).header("Idempotent-Replayed", "true")
                .header("ETag", "\"1\"").extract();
        assertEquals(first.jsonPath().getMap(""), second.jsonPath().getMap(""));
        assertEquals(first.jsonPath().getString("reviewedAt"), get(id).getString("reviewedAt"));
        assertEquals(1, get(id).getInt("version"));

        assertProblem(with(reviewer())
                .header("If-Match", Api.etag(REPORTS + "/" + id)).contentType(JSON).header("Idempotency-Key", key)
                .body("{\"decision\": \"RETURNED\", \"comment\": \"改判\"}").when().post(reviewOf(id)), 422);
        assertProblem(with(reviewer())
                .header("If-Match", Api.etag(REPORTS + "/" + id))
                .contentType(JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"decision\": \"VERIFIED\"}").when().post(reviewOf(id)), 409);
        assertEquals("VERIFIED", get(id).getString("status"));
    }

    @Test
    void shouldLetExactlyOneOfConcurrentReviewsWin() throws Exception {
        var id = create(body(target(Map.of()), "2021-06-28", 4500));
        var responses = Concurrently.send(6, "POST", reviewOf(id),
                "{\"decision\": \"RETURNED\", \"comment\": \"并发退回\"}",
                Map.of("Authorization", "Bearer " + reviewer(), "If-Match", "\"0\""));

        var winners = responses.stream().filter(r -> r.statusCode() == 200).toList();
        assertEquals(1, winners.size(), "exactly one review must win: "
                + responses.stream().map(r -> r.statusCode()).toList());
        for (var response : responses) {
            if (response.statusCode() != 200) {
                assertEquals(412, response.statusCode(), response.body());
                assertThat(response.headers().firstValue("Content-Type").orElseThrow(),
                        containsString("application/problem+json"));
                assertNoLeak(response.body());
            }
        }
        var winner = JsonPath.from(winners.get(0).body());
        var stored = get(id);
        assertEquals("RETURNED", stored.getString("status"));
        assertEquals("并发退回", stored.getString("reviewComment"));
        assertEquals(1, stored.getInt("version"));
        assertEquals(winner.getString("reviewedAt"), stored.getString("reviewedAt"));
        assertEquals(4500, stored.getInt("value"));
    }

    @Test
    void shouldKeepEveryReportOfConcurrentCreates() throws Exception {
        var target = target(Map.of());
        var json = "{\"targetId\": \"" + target + "\", \"asOf\": \"2021-06-28\", \"value\": 4500}";
        var responses = Concurrently.send(6, "POST", REPORTS, json,
                Map.of("Authorization", "Bearer " + reporter(DEPARTMENT_CODE)));
        assertThat(responses.stream().map(r -> r.statusCode()).toList(), everyItem(equalTo(201)));
        assertEquals(6, list("targetId", target).getInt("total"));
    }

    // --- lists ------------------------------------------------------------------------------------------------

    @Test
    void shouldFilterReportsByTargetDepartmentDatesAndStatus() {
        var round = Fixtures.round();
        var department1 = Fixtures.department();
        var department2 = Fixtures.department();
        var c1 = Fixtures.commitment(round, department1);
        var c2 = Fixtures.commitment(round, department2);
        var t1 = Fixtures.target(c1, Map.of());
        var t2 = Fixtures.target(c1, Map.of());
        var t3 = Fixtures.target(c2, Map.of());
        var r1 = Fixtures.report(t1, "2021-03-31", 100);
        var r2 = Fixtures.report(t1, "2021-06-30", 200);
        var r3 = Fixtures.report(t2, "2021-06-30", 300);
        var r4 = Fixtures.report(t3, "2021-09-30", 400);
        Fixtures.review(r2, "VERIFIED");
        Fixtures.review(r3, "RETURNED");

        assertEquals(List.of(r1, r2), idsOf("targetId", t1));
        assertEquals(List.of(r3), idsOf("targetId", t2));
        assertThat(idsOf("departmentId", department1), containsInAnyOrder(r1, r2, r3));
        assertEquals(List.of(r4), idsOf("departmentId", department2));
        assertThat(idsOf("roundId", round), containsInAnyOrder(r1, r2, r3, r4));
        assertThat(idsOf("commitmentId", c1), containsInAnyOrder(r1, r2, r3));
        assertThat(idsOf("roundId", round, "from", "2021-06-30"), containsInAnyOrder(r2, r3, r4));
        assertEquals(List.of(r1), idsOf("roundId", round, "to", "2021-06-29"));
        assertThat(idsOf("roundId", round, "from", "2021-06-30", "to", "2021-06-30"), containsInAnyOrder(r2, r3));
        assertThat(idsOf("roundId", round, "from", "2021-07-01", "to", "2021-06-30"), empty());
        assertThat(idsOf("roundId", round, "status", "SUBMITTED"), containsInAnyOrder(r1, r4));
        assertEquals(List.of(r2), idsOf("roundId", round, "status", "VERIFIED"));
        assertEquals(List.of(r3), idsOf("departmentId", department1, "status", "RETURNED"));
        assertThat(idsOf("departmentId", department2, "status", "RETURNED"), empty());
        assertEquals(4, list("roundId", round).getInt("total"));
    }

    @Test
    void shouldPageReports() {
        var target = target(Map.of());
        var all = Stream.of("2021-03-31", "2021-06-30", "2021-09-30").map(asOf -> Fixtures.report(target, asOf, 1))
                .toList();
        given().queryParam("targetId", target).when().get(REPORTS + "?page=0&size=2")
                .then().statusCode(200).body("items.id", equalTo(all.subList(0, 2)))
                .body("page", equalTo(0)).body("size", equalTo(2)).body("total", equalTo(3));
        given().queryParam("targetId", target).when().get(REPORTS + "?page=1&size=2")
                .then().statusCode(200).body("items.id", equalTo(all.subList(2, 3))).body("total", equalTo(3));
        given().queryParam("targetId", target).when().get(REPORTS + "?size=200")
                .then().statusCode(200).body("items.id", equalTo(all)).body("size", equalTo(200));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "size|0", "size|201", "page|-1", "page|x", "sort|targetId", "sort|value,up",
            "sort|createdAt" })
    void shouldRejectABadListParameter(String parameter, String value) {
        assertViolation(given().queryParam(parameter, value).when().get(REPORTS), parameter);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''              | 1,2,3",
            "asOf            | 1,2,3",
            "asOf,desc       | 3,2,1",
            "value,asc       | 3,2,1",
            "value,desc      | 1,2,3",
            "recordedAt,asc  | 2,3,1",
            "recordedAt,desc | 1,3,2",
            "status,asc      | 3,2,1",
            "status,desc     | 1,2,3",
    })
    void shouldSortReportsByEveryField(String sort, String order) {
        var target = target(Map.of());
        var r2 = Fixtures.report(target, "2021-06-30", 4500);
        var r3 = Fixtures.report(target, "2021-09-30", new BigDecimal("999.5"));
        var r1 = Fixtures.report(target, "2021-03-31", 7000);
        Fixtures.review(r1, "VERIFIED");
        Fixtures.review(r3, "RETURNED");
        var byNumber = List.of(r1, r2, r3);
        var expected = Stream.of(order.split(",")).map(n -> byNumber.get(Integer.parseInt(n) - 1)).toList();
        var actual = sort.isEmpty() ? idsOf("targetId", target) : idsOf("targetId", target, "sort", sort);
        assertEquals(expected, actual, "order for sort=" + sort);
    }

    @Test
    void shouldListReportsAsCsv() {
        var target = target(Map.of());
        var full = create(fullBody(target));
        var plain = Fixtures.report(target, "2021-09-30", new BigDecimal("7000.25"));
        Fixtures.review(plain, "RETURNED");

        var response = given().accept("text/csv").queryParam("targetId", target).when().get(REPORTS)
                .then().statusCode(200).header("Content-Type", startsWith("text/csv")).extract();
        assertThat(response.header("Content-Type").replaceAll(".*charset=", ""), equalToIgnoringCase("UTF-8"));
        var csv = Csv.parse(response.asString());
        assertEquals(List.of("id", "targetId", "asOf", "value", "note", "evidenceUrls", "reportedBy", "status",
                "recordedAt", "reviewComment", "reviewedAt", "version", "updatedAt"), csv.header());
        assertEquals(List.of(full, plain), csv.rows().stream().map(r -> r.get(0)).toList());
        var row = csv.row("id", full).orElseThrow();
        assertEquals(target, row.get("targetId"));
        assertEquals("2021-06-28", row.get("asOf"));
        assertEquals("4500", row.get("value"));
        assertEquals("全市棚户区改造项目开工4500套,“长者食堂”同步建设", row.get("note"));
        assertEquals("https://www.zibo.gov.cn/art/2021/6/28/art_2065_1.html; "
                + "http://zjj.zibo.gov.cn/report?id=1&q=%E6%A3%9A", row.get("evidenceUrls"));
        assertEquals(REPORTER, row.get("reportedBy"));
        assertEquals("SUBMITTED", row.get("status"));
        assertEquals(get(full).getString("recordedAt"), row.get("recordedAt"));
        assertEquals("", row.get("reviewComment"));
        var returned = csv.row("id", plain).orElseThrow();
        assertEquals("7000.25", returned.get("value"));
        assertEquals("RETURNED", returned.get("status"));
        assertEquals("请补充佐证材料", returned.get("reviewComment"));
        assertEquals(get(plain).getString("reviewedAt"), returned.get("reviewedAt"));
        assertEquals("", returned.get("evidenceUrls"));
        assertEquals("1", returned.get("version"));
    }
}
