package org.commitmenttracker.target;

import static io.restassured.RestAssured.given;
import static org.commitmenttracker.common.Problems.assertProblem;
import static org.commitmenttracker.common.Problems.assertViolation;
import static org.commitmenttracker.common.Tokens.admin;
import static org.commitmenttracker.common.Tokens.reporter;
import static org.commitmenttracker.common.Tokens.with;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.commitmenttracker.Fixtures;
import org.commitmenttracker.common.Api;
import org.commitmenttracker.common.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class MilestoneResourceTest {

    private static final String MILESTONES = "/api/v1/milestones";
    private static final String JSON = "application/json; charset=UTF-8";
    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    private static Map<String, Object> body(String commitmentId, String dueDate, String description) {
        var body = new LinkedHashMap<String, Object>();
        body.put("commitmentId", commitmentId);
        body.put("dueDate", dueDate);
        body.put("description", description);
        return body;
    }

    private static Map<String, Object> planned(String commitmentId, String targetId, String dueDate, Object plannedValue) {
        var body = body(commitmentId, dueDate, "二季度开工率达到40%、4200套");
        body.put("targetId", targetId);
        body.put("plannedValue", plannedValue);
        return body;
    }

    private static String create(Map<String, Object> body) {
        return Fixtures.post(MILESTONES, body);
    }

    private static JsonPath get(String id) {
        return Api.read(MILESTONES + "/" + id);
    }

    private static JsonPath list(Object... parameters) {
        return Api.list(MILESTONES, parameters);
    }

    /** The ids of the milestones listed with these query parameters (name, value, name, value, ...). */
    private static List<String> idsOf(Object... parameters) {
        return Api.ids(MILESTONES, parameters);
    }

    private static String commitment(String roundId, String departmentId, int seq, String title) {
        var body = new LinkedHashMap<String, Object>();
        body.put("roundId", roundId);
        body.put("departmentId", departmentId);
        body.put("seq", seq);
        body.put("title", title);
        return Fixtures.post("/api/v1/commitments", body);
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    // --- create, read, replace, patch, delete -------------------------------------------------------------------

    @Test
    void shouldCreateQualitativeMilestoneWithLocationEtagAndBody() {
        var commitment = Fixtures.commitment();
        var created = with(admin()).contentType(JSON).body(body(commitment, "2021-09-30", "9月底前出台《淄博市物业管理条例》"))
                .when().post(MILESTONES)
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("commitmentId", equalTo(commitment))
                .body("targetId", nullValue())
                .body("dueDate", equalTo("2021-09-30"))
                .body("description", equalTo("9月底前出台《淄博市物业管理条例》"))
                .body("plannedValue", nullValue())
                .body("completedOn", nullValue())
                .body("version", equalTo(0))
                .body("createdAt", notNullValue())
                .extract();
        String id = created.path("id");
        assertEquals(MILESTONES + "/" + id, URI.create(created.header("Location")).getPath());
        given().when().get(created.header("Location")).then().statusCode(200).header("ETag", "\"0\"");
        assertEquals(created.jsonPath().getMap(""), get(id).getMap(""));
    }

    @Test
    void shouldCreateMilestonePlanningATargetWithAnExactValue() {
        var commitment = Fixtures.commitment();
        var target = Fixtures.target(commitment, Map.of("unit", "公顷", "targetValue", 1000));
        var json = "{\"commitmentId\": \"" + commitment + "\", \"targetId\": \"" + target + "\", \"dueDate\": "
                + "\"2021-06-30\", \"description\": \"上半年新增绿地\", \"plannedValue\": 147.7829}";
        String id = with(admin()).config(Api.DECIMALS).contentType(JSON).body(json)
                .when().post(MILESTONES)
                .then().statusCode(201)
                .body("targetId", equalTo(target))
                .body("plannedValue", equalTo(new BigDecimal("147.7829")))
                .extract().path("id");
        given().config(Api.DECIMALS).when().get(MILESTONES + "/" + id).then().statusCode(200)
                .body("plannedValue", equalTo(new BigDecimal("147.7829")));
        assertThat(given().when().get(MILESTONES + "/" + id).asString(), containsString("\"plannedValue\":147.7829"));
    }

    @Test
    void shouldRefuseCompletedOnInACreateBody() {
        var commitment = Fixtures.commitment();
        var request = body(commitment, "2021-03-31", "3月份 部署");
        request.put("completedOn", "2021-03-25");
        assertViolation(with(admin()).contentType(JSON).body(request).when().post(MILESTONES), "completedOn")
                .body("violations[0].message", containsString("/completion"));
        given().queryParam("commitmentId", commitment).when().get(MILESTONES).then().body("total", equalTo(0));
    }

    @Test
    void shouldReplaceMilestoneWithPut() {
        var commitment = Fixtures.commitment();
        var target = Fixtures.target(commitment, Map.of());
        var id = create(body(commitment, "2021-03-31", "3月份 部署"));
        with(admin()).contentType(JSON).header("If-Match", "\"0\"").body(planned(commitment, target, "2021-09-30", 7350))
                .when().put(MILESTONES + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("targetId", equalTo(target))
                .body("dueDate", equalTo("2021-09-30"))
                .body("plannedValue", equalTo(7350))
                .body("description", equalTo("二季度开工率达到40%、4200套"))
                .body("version", equalTo(1));
        var stored = get(id);
        assertEquals(target, stored.getString("targetId"));
        assertEquals(7350, stored.getInt("plannedValue"));

        with(admin())
                .header("If-Match", Api.etag(MILESTONES + "/" + id))
                .contentType(JSON).body(body(commitment, "2021-10-31", "三季度完成")).when().put(MILESTONES + "/" + id)
                .then().statusCode(200).body("targetId", nullValue()).body("plannedValue", nullValue());
    }

    @Test
    void shouldPatchOneFieldAndKeepTheOthers() {
        var commitment = Fixtures.commitment();
        var target = Fixtures.target(commitment, Map.of());
        var id = create(planned(commitment, target, "2021-06-30", 4200));
        var before = get(id);
        with(admin())
                .header("If-Match", Api.etag(MILESTONES + "/" + id))
                .contentType(MERGE_PATCH).body("{\"plannedValue\": 4500}")
                .when().patch(MILESTONES + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("plannedValue", equalTo(4500));
        var after = get(id);
        for (var field : List.of("commitmentId", "targetId", "dueDate", "description", "completedOn", "createdAt")) {
            assertEquals((Object) before.get(field), after.get(field), field + " changed");
        }
        with(admin())
                .header("If-Match", Api.etag(MILESTONES + "/" + id))
                .contentType(MERGE_PATCH).body("{\"plannedValue\": null, \"targetId\": null}")
                .when().patch(MILESTONES + "/" + id)
                .then().statusCode(200).body("plannedValue", nullValue()).body("targetId", nullValue())
                .body("version", equalTo(2));
    }

    @Test
    void shouldDeleteMilestoneThenAnswer404() {
        var commitment = Fixtures.commitment();
        var id = Fixtures.milestone(commitment, null, "2021-06-30", null);
        with(admin())
                .header("If-Match", Api.etag(MILESTONES + "/" + id))
                .when().delete(MILESTONES + "/" + id).then().statusCode(204);
        assertProblem(given().when().get(MILESTONES + "/" + id), 404).body("detail", containsString(id));
        assertProblem(with(admin()).when().delete(MILESTONES + "/" + id), 404);
        assertThat(idsOf("commitmentId", commitment), empty());
    }

    @Test
    void shouldAnswer404ForAnUnknownMilestone() {
        var id = UUID.randomUUID().toString();
        assertProblem(given().when().get(MILESTONES + "/" + id), 404).body("detail", containsString(id));
        assertProblem(with(admin()).contentType(JSON).body(body(Fixtures.commitment(), "2021-06-30", "无"))
                .when().put(MILESTONES + "/" + id), 404);
        assertProblem(with(admin()).contentType(MERGE_PATCH).body("{}").when().patch(MILESTONES + "/" + id), 404);
        assertProblem(with(admin()).when().delete(MILESTONES + "/" + id), 404);
        assertProblem(with(reporter("x")).contentType(JSON).body("{\"completedOn\": \"2021-06-30\"}")
                .when().post(MILESTONES + "/" + id + "/completion"), 404);
    }

    @Test
    void shouldHonourIfMatch() {
        var commitment = Fixtures.commitment();
        var id = create(body(commitment, "2021-06-30", "原始"));
        assertProblem(with(admin()).contentType(JSON).header("If-Match", "\"1\"").body(body(commitment, "2021-06-30", "过期"))
                .when().put(MILESTONES + "/" + id), 412);
        assertProblem(with(admin()).contentType(MERGE_PATCH).header("If-Match", "\"1\"").body("{\"description\": \"过期\"}")
                .when().patch(MILESTONES + "/" + id), 412);
        assertProblem(with(Fixtures.reporterOfMilestone(id)).contentType(JSON).header("If-Match", "\"1\"").body("{\"completedOn\": \"2021-06-30\"}")
                .when().post(MILESTONES + "/" + id + "/completion"), 412);
        assertProblem(with(admin()).header("If-Match", "\"1\"").when().delete(MILESTONES + "/" + id), 412);
        var stored = get(id);
        assertEquals("原始", stored.getString("description"));
        assertNull(stored.get("completedOn"));

        with(Fixtures.reporterOfMilestone(id)).contentType(JSON).header("If-Match", "\"0\"").body("{\"completedOn\": \"2021-06-30\"}")
                .when().post(MILESTONES + "/" + id + "/completion").then().statusCode(200).header("ETag", "\"1\"");
        assertProblem(with(admin()).header("If-Match", "\"0\"").when().delete(MILESTONES + "/" + id), 412);
        with(admin()).header("If-Match", "\"1\"").when().delete(MILESTONES + "/" + id).then().statusCode(204);
    }

    // --- Idempotency-Key --------------------------------------------------------------------------------------

    @Test
    void shouldReplayTheFirstResponseForARepeatedIdempotencyKey() {
        var commitment = Fixtures.commitment();
        var key = UUID.randomUUID().toString();
        var request = body(commitment, "2021-06-30", "幂等");
        var first = with(admin()).contentType(JSON).header("Idempotency-Key", key).body(request)
                .when().post(MILESTONES).then().statusCode(201).header("ETag", "\"0\"").extract();
        var second = with(admin()).contentType(JSON).header("Idempotency-Key", key).body(request)
                .when().post(MILESTONES).then().statusCode(201).header("Idempotent-Replayed", "true").extract();
        assertEquals(first.header("Location"), second.header("Location"));
        assertEquals(first.header("ETag"), second.header("ETag"));
        assertEquals(first.jsonPath().getMap(""), second.jsonPath().getMap(""));
        assertEquals(List.of(first.jsonPath().getString("id")), idsOf("commitmentId", commitment));

        assertProblem(with(admin()).contentType(JSON).header("Idempotency-Key", key).body(body(commitment, "2021-06-30", "别的"))
                .when().post(MILESTONES), 422);
        assertEquals(List.of(first.jsonPath().getString("id")), idsOf("commitmentId", commitment));
    }

    @Test
    void shouldReplayACompletionWithTheSameIdempotencyKey() {
        var id = Fixtures.milestone(Fixtures.commitment(), null, "2021-09-30", null);
        var key = UUID.randomUUID().toString();
        var first = with(Fixtures.reporterOfMilestone(id)).contentType(JSON).header("Idempotency-Key", key).body("{\"completedOn\": \"2021-09-20\"}")
                .when().post(MILESTONES + "/" + id + "/completion").then().statusCode(200).header("ETag", "\"1\"")
                .extract();
        var second = with(Fixtures.reporterOfMilestone(id)).contentType(JSON).header("Idempotency-Key", key).body("{\"completedOn\": \"2021-09-20\"}")
                .when().post(MILESTONES + "/" + id + "/completion").then().statusCode(200)
                .header("Idempotent-Replayed", "true").header("ETag", "\"1\"").extract();
        assertEquals(first.jsonPath().getMap(""), second.jsonPath().getMap(""));
        assertEquals(1, get(id).getInt("version"));
    }

    // --- validation -------------------------------------------------------------------------------------------

    @Test
    void shouldRejectAPlannedValueWithoutATarget() {
        var commitment = Fixtures.commitment();
        var request = body(commitment, "2021-06-30", "无指标的计划值");
        request.put("plannedValue", 4200);
        assertViolation(with(admin()).contentType(JSON).body(request).when().post(MILESTONES), "plannedValue")
                .body("violations", hasSize(1))
                .body("violations[0].message", containsString("needs a targetId"));
        assertThat(idsOf("commitmentId", commitment), empty());
    }

    @Test
    void shouldRejectATargetOfAnotherCommitment() {
        var commitment = Fixtures.commitment();
        var other = Fixtures.commitment();
        var foreign = Fixtures.target(other, Map.of());
        var response = with(admin()).contentType(JSON).body(planned(commitment, foreign, "2021-06-30", 4200))
                .when().post(MILESTONES);
        assertViolation(response, "targetId")
                .body("violations", hasSize(1))
                .body("violations[0].message", containsString("belongs to commitment " + other));
        var qualitative = body(commitment, "2021-06-30", "指向别的承诺");
        qualitative.put("targetId", foreign);
        assertViolation(with(admin()).contentType(JSON).body(qualitative).when().post(MILESTONES), "targetId");
        assertThat(idsOf("commitmentId", commitment), empty());

        var own = Fixtures.target(commitment, Map.of());
        var id = create(planned(commitment, own, "2021-06-30", 4200));
        assertViolation(with(admin())
                .header("If-Match", Api.etag(MILESTONES + "/" + id))
                .contentType(MERGE_PATCH).body("{\"commitmentId\": \"" + other + "\"}")
                .when().patch(MILESTONES + "/" + id), "targetId");
        assertEquals(commitment, get(id).getString("commitmentId"));
    }

    @Test
    void shouldRejectAnUnknownTargetOrCommitmentWith400() {
        var commitment = Fixtures.commitment();
        var unknown = UUID.randomUUID().toString();
        assertViolation(with(admin()).contentType(JSON).body(planned(commitment, unknown, "2021-06-30", 4200))
                .when().post(MILESTONES), "targetId")
                .body("violations", hasSize(1)).body("detail", containsString(unknown));
        assertViolation(with(admin()).contentType(JSON).body(body(unknown, "2021-06-30", "未知承诺")).when().post(MILESTONES),
                "commitmentId").body("violations", hasSize(1));
        assertThat(idsOf("commitmentId", commitment), empty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PERCENT | 100   | 100.5",
            "PERCENT | 100   | -1",
            "BOOLEAN | 1     | 2",
            "BOOLEAN | 1     | 0.5",
    })
    void shouldRejectAPlannedValueThatDoesNotFitTheMeasure(String measure, int targetValue, String plannedValue) {
        var commitment = Fixtures.commitment();
        var target = Fixtures.target(commitment, Map.of("measure", measure, "targetValue", targetValue, "unit", "%"));
        assertViolation(with(admin()).contentType(JSON).body(planned(commitment, target, "2021-06-30",
                new BigDecimal(plannedValue))).when().post(MILESTONES), "plannedValue")
                .body("violations", hasSize(1))
                .body("violations[0].message", containsString("for a " + measure + " target"));
        assertThat(idsOf("targetId", target), empty());
    }

    @Test
    void shouldAcceptPlannedValuesAtTheBoundsOfTheMeasure() {
        var commitment = Fixtures.commitment();
        var percent = Fixtures.target(commitment, Map.of("measure", "PERCENT", "targetValue", 100, "unit", "%"));
        create(planned(commitment, percent, "2021-06-30", 0));
        create(planned(commitment, percent, "2021-09-30", 100));
        var bool = Fixtures.target(commitment, Map.of("measure", "BOOLEAN", "targetValue", 1, "unit", "件"));
        create(planned(commitment, bool, "2021-09-30", 1));
        assertThat(idsOf("targetId", percent), hasSize(2));
        assertThat(idsOf("targetId", bool), hasSize(1));
    }

    @Test
    void shouldRejectAPlannedMilestoneDueAfterItsTarget() {
        var commitment = Fixtures.commitment();
        var target = Fixtures.target(commitment, Map.of("dueDate", "2021-08-31"));
        assertViolation(with(admin()).contentType(JSON).body(planned(commitment, target, "2021-09-30", 70))
                .when().post(MILESTONES), "dueDate")
                .body("violations[0].message", containsString("2021-08-31"));
        create(planned(commitment, target, "2021-08-31", 70));
        var qualitative = body(commitment, "2021-12-31", "晚于指标的定性步骤");
        qualitative.put("targetId", target);
        create(qualitative);
        assertThat(idsOf("targetId", target), hasSize(2));
    }

    @Test
    void shouldNameEveryMissingField() {
        assertViolation(with(admin()).contentType(JSON).body("{}").when().post(MILESTONES), "commitmentId")
                .body("violations.field", containsInAnyOrder("commitmentId", "dueDate", "description"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"dueDate\": \"2021-02-30\"          | dueDate",
            "\"dueDate\": \"30/06/2021\"          | dueDate",
            "\"description\": \"  \"              | description",
            "\"targetId\": \"nope\"               | targetId",
            "\"plannedValue\": \"4200\"           | plannedValue",
            "\"plannedValue\": 1.1234567          | plannedValue",
            "\"completed\": true                  | completed",
    })
    void shouldRejectMalformedFieldsNamingTheField(String field, String name) {
        var commitment = Fixtures.commitment();
        var fields = new LinkedHashMap<String, String>();
        fields.put("\"commitmentId\"", "\"" + commitment + "\"");
        fields.put("\"dueDate\"", "\"2021-06-30\"");
        fields.put("\"description\"", "\"步骤\"");
        var colon = field.indexOf(':');
        fields.put(field.substring(0, colon).trim(), field.substring(colon + 1).trim());
        var json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() > 1 ? ", " : "").append(k).append(": ").append(v));
        json.append('}');
        assertViolation(with(admin()).contentType(JSON).body(json.toString()).when().post(MILESTONES), name);
        assertThat(idsOf("commitmentId", commitment), empty());
    }

    @Test
    void shouldRejectMalformedIdsInPathAndQuery() {
        assertViolation(given().when().get(MILESTONES + "/x"), "id");
        assertViolation(with(reporter("x")).contentType(JSON).body("{\"completedOn\": null}")
                .when().post(MILESTONES + "/x/completion"), "id");
        assertViolation(given().queryParam("commitmentId", "x").when().get(MILESTONES), "commitmentId");
        assertViolation(given().queryParam("targetId", "1234").when().get(MILESTONES), "targetId");
        assertViolation(given().queryParam("dueBefore", "2021-06-31").when().get(MILESTONES), "dueBefore");
    }

    // --- completion -------------------------------------------------------------------------------------------

    @Test
    void shouldCompleteAndReopenAQualitativeMilestone() {
        var id = Fixtures.milestone(Fixtures.commitment(), null, "2021-09-30", null);
        with(Fixtures.reporterOfMilestone(id)).contentType(JSON).body("{\"completedOn\": \"2021-09-25\"}")
                .when().post(MILESTONES + "/" + id + "/completion")
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("id", equalTo(id))
                .body("completedOn", equalTo("2021-09-25"))
                .body("version", equalTo(1));
        assertEquals("2021-09-25", get(id).getString("completedOn"));

        with(Fixtures.reporterOfMilestone(id)).contentType(JSON).body("{\"completedOn\": null}")
                .when().post(MILESTONES + "/" + id + "/completion")
                .then().statusCode(200).body("completedOn", nullValue()).body("version", equalTo(2));
        assertNull(get(id).get("completedOn"));
    }

    @Test
    void shouldKeepCompletedOnThroughPutAndPatch() {
        var commitment = Fixtures.commitment();
        var id = Fixtures.milestone(commitment, null, "2021-09-30", null);
        Fixtures.complete(id, "2021-09-25");
        with(admin())
                .header("If-Match", Api.etag(MILESTONES + "/" + id))
                .contentType(MERGE_PATCH).body("{\"description\": \"改了说明\"}").when().patch(MILESTONES + "/" + id)
                .then().statusCode(200).body("completedOn", equalTo("2021-09-25"));
        with(admin())
                .header("If-Match", Api.etag(MILESTONES + "/" + id))
                .contentType(JSON).body(body(commitment, "2021-10-31", "替换")).when().put(MILESTONES + "/" + id)
                .then().statusCode(200).body("completedOn", equalTo("2021-09-25"));
    }

    @Test
    void shouldNotCompleteAMilestoneWithAPlannedValue() {
        var commitment = Fixtures.commitment();
        var target = Fixtures.target(commitment, Map.of());
        var id = Fixtures.milestone(commitment, target, "2021-06-30", 4200);
        assertProblem(with(Fixtures.reporterOfMilestone(id)).contentType(JSON).body("{\"completedOn\": \"2021-06-30\"}")
                .when().post(MILESTONES + "/" + id + "/completion"), 409)
                .body("detail", containsString("has a plannedValue"));
        var stored = get(id);
        assertNull(stored.get("completedOn"));
        assertEquals(0, stored.getInt("version"));
    }

    @Test
    void shouldNotGiveACompletedMilestoneAPlannedValue() {
        var commitment = Fixtures.commitment();
        var target = Fixtures.target(commitment, Map.of());
        var id = Fixtures.milestone(commitment, null, "2021-06-30", null);
        Fixtures.complete(id, "2021-06-20");
        assertProblem(with(admin()).header("If-Match", Api.etag(MILESTONES + "/" + id)).contentType(MERGE_PATCH)
                .body("{\"targetId\": \"" + target + "\", \"plannedValue\": 4200}")
                .when().patch(MILESTONES + "/" + id), 409)
                .body("detail", containsString("clear its completion"));
        assertNull(get(id).get("plannedValue"));
    }

    @Test
    void shouldRejectABadCompletion() {
        var id = Fixtures.milestone(Fixtures.commitment(), null, "2021-09-30", null);
        var tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2);
        assertViolation(with(Fixtures.reporterOfMilestone(id)).contentType(JSON).body("{\"completedOn\": \"" + tomorrow + "\"}")
                .when().post(MILESTONES + "/" + id + "/completion"), "completedOn")
                .body("violations[0].message", equalTo("must not be in the future"));
        assertViolation(with(Fixtures.reporterOfMilestone(id)).contentType(JSON).body("{\"completedOn\": \"2021-09-31\"}")
                .when().post(MILESTONES + "/" + id + "/completion"), "completedOn");
        assertViolation(with(Fixtures.reporterOfMilestone(id)).contentType(JSON).body("{\"completedOn\": \"2021-09-20\", \"by\": \"张三\"}")
                .when().post(MILESTONES + "/" + id + "/completion"), "by");
        assertEquals(0, get(id).getInt("version"));
    }

    // --- plain lists ------------------------------------------------------------------------------------------

    @Test
    void shouldFilterMilestonesByCommitmentTargetAndDates() {
        var round = Fixtures.round();
        var department = Fixtures.department();
        var c1 = Fixtures.commitment(round, department);
        var c2 = Fixtures.commitment(round, department);
        var t1 = Fixtures.target(c1, Map.of());
        var t2 = Fixtures.target(c1, Map.of());
        var m1 = Fixtures.milestone(c1, t1, "2021-06-30", 4200);
        var m2 = Fixtures.milestone(c1, t2, "2021-09-30", 7350);
        var m3 = Fixtures.milestone(c1, null, "2021-03-31", null);
        var m4 = Fixtures.milestone(c2, null, "2021-12-31", null);

        assertEquals(List.of(m3, m1, m2), idsOf("commitmentId", c1));
        assertEquals(List.of(m4), idsOf("commitmentId", c2));
        assertEquals(List.of(m1), idsOf("targetId", t1));
        assertEquals(List.of(m2), idsOf("targetId", t2));
        assertEquals(List.of(m1), idsOf("commitmentId", c1, "targetId", t1));
        assertThat(idsOf("commitmentId", c2, "targetId", t1), empty());
        assertEquals(List.of(m3, m1, m2, m4), idsOf("departmentId", department));
        assertEquals(List.of(m3, m1, m2, m4), idsOf("roundId", round));
        assertEquals(List.of(m3), idsOf("roundId", round, "dueBefore", "2021-06-30"));
        assertEquals(List.of(m2, m4), idsOf("roundId", round, "dueAfter", "2021-06-30"));
        assertThat(idsOf("targetId", UUID.randomUUID().toString()), empty());
        assertEquals(4, list("roundId", round).getInt("total"));
    }

    @Test
    void shouldPageMilestones() {
        var commitment = Fixtures.commitment();
        var all = Stream.of("2021-03-31", "2021-06-30", "2021-09-30")
                .map(due -> Fixtures.milestone(commitment, null, due, null)).toList();
        given().queryParam("commitmentId", commitment).when().get(MILESTONES + "?page=0&size=2")
                .then().statusCode(200).body("items.id", equalTo(all.subList(0, 2)))
                .body("page", equalTo(0)).body("size", equalTo(2)).body("total", equalTo(3));
        given().queryParam("commitmentId", commitment).when().get(MILESTONES + "?page=1&size=2")
                .then().statusCode(200).body("items.id", equalTo(all.subList(2, 3))).body("total", equalTo(3));
        given().queryParam("commitmentId", commitment).when().get(MILESTONES + "?size=200")
                .then().statusCode(200).body("items.id", equalTo(all)).body("size", equalTo(200));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "size|0", "size|201", "page|-1", "sort|description", "sort|daysOverdue",
            "sort|dueDate,up", "overdue|yes", "verifiedOnly|1" })
    void shouldRejectABadListParameter(String parameter, String value) {
        var params = new LinkedHashMap<String, Object>();
        params.put(parameter, value);
        if (parameter.equals("verifiedOnly")) {
            params.put("overdue", "true");
            params.put("asOf", "2021-07-01");
        }
        assertViolation(given().queryParams(params).when().get(MILESTONES), parameter);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''             | 1,2,3",
            "dueDate,asc    | 1,2,3",
            "dueDate,desc   | 3,2,1",
            "createdAt,asc  | 2,3,1",
            "createdAt,desc | 1,3,2",
    })
    void shouldSortMilestones(String sort, String order) {
        var commitment = Fixtures.commitment();
        var m2 = Fixtures.milestone(commitment, null, "2021-06-30", null);
        var m3 = Fixtures.milestone(commitment, null, "2021-09-30", null);
        var m1 = Fixtures.milestone(commitment, null, "2021-03-31", null);
        var byNumber = List.of(m1, m2, m3);
        var expected = Stream.of(order.split(",")).map(n -> byNumber.get(Integer.parseInt(n) - 1)).toList();
        var actual = sort.isEmpty() ? idsOf("commitmentId", commitment) : idsOf("commitmentId", commitment, "sort", sort);
        assertEquals(expected, actual, "order for sort=" + sort);
    }

    @Test
    void shouldListMilestonesAsCsv() {
        var commitment = Fixtures.commitment();
        var target = Fixtures.target(commitment, Map.of());
        var step = create(body(commitment, "2021-03-31", "3月份 部署,“长者食堂”建设"));
        Fixtures.complete(step, "2021-03-25");
        var plan = create(planned(commitment, target, "2021-06-30", new BigDecimal("4200.5")));

        var response = given().accept("text/csv").queryParam("commitmentId", commitment).when().get(MILESTONES)
                .then().statusCode(200).header("Content-Type", startsWith("text/csv")).extract();
        assertThat(response.header("Content-Type").replaceAll(".*charset=", ""), equalToIgnoringCase("UTF-8"));
        var csv = Csv.parse(response.asString());
        assertEquals(List.of("id", "commitmentId", "targetId", "dueDate", "description", "plannedValue", "completedOn",
                "version", "createdAt", "updatedAt"), csv.header());
        assertEquals(List.of(step, plan), csv.rows().stream().map(r -> r.get(0)).toList());
        var first = csv.row("id", step).orElseThrow();
        assertEquals("3月份 部署,“长者食堂”建设", first.get("description"));
        assertEquals("2021-03-25", first.get("completedOn"));
        assertEquals("", first.get("targetId"));
        assertEquals("", first.get("plannedValue"));
        assertEquals("1", first.get("version"));
        var second = csv.row("id", plan).orElseThrow();
        assertEquals(target, second.get("targetId"));
        assertEquals("4200.5", second.get("plannedValue"));
        assertEquals("", second.get("completedOn"));
    }

    // --- overdue ----------------------------------------------------------------------------------------------

    /**
     * One round with two departments (codes {@code token-a} 甲局 and {@code token-b} 乙局) and milestones around
     * 2021-07-01. At that date m1, m3, m4, m7 and m8 are overdue; m2 and m9 were completed in time, m5's target level
     * meets its plan, m6 is due that very day.
     */
    private record Scenario(String token, String round, String departmentA, String departmentB, String cA1, String cB1,
            String cB2, String target, String m1, String m2, String m3, String m4, String m5, String m6, String m7,
            String m8, String m9) {

        static Scenario create() {
            var token = Fixtures.token();
            var round = Fixtures.round();
            var departmentA = Fixtures.department(token + "-a", "甲局");
            var departmentB = Fixtures.department(token + "-b", "乙局");
            var cA1 = commitment(round, departmentA, 1, "长者食堂数量不足的问题");
            var cB1 = commitment(round, departmentB, 1, "体育场馆设施尚未全部向社会开放的问题");
            var cB2 = commitment(round, departmentB, 2, "棚户区改造进度滞后的问题");
            var target = Fixtures.target(cB2, Map.of());

            var m1 = Fixtures.milestone(cB2, null, "2021-03-31", null);
            var m2 = Fixtures.milestone(cB2, null, "2021-04-30", null);
            Fixtures.complete(m2, "2021-05-10");
            var m3 = Fixtures.milestone(cB2, null, "2021-05-31", null);
            Fixtures.complete(m3, "2021-07-05");
            var m4 = Fixtures.milestone(cB2, target, "2021-06-30", 4200);
            var m5 = Fixtures.milestone(cB2, target, "2021-06-15", 900);
            var m6 = Fixtures.milestone(cB1, null, "2021-07-01", null);
            var m7 = Fixtures.milestone(cB1, null, "2021-06-29", null);
            var m8 = Fixtures.milestone(cA1, null, "2021-06-01", null);
            var m9 = Fixtures.milestone(cA1, null, "2021-06-20", null);
            Fixtures.complete(m9, "2021-07-01");

            Fixtures.report(target, "2021-05-15", 1000);
            // would meet m4's plan, but it was returned: it never counts
            Fixtures.review(Fixtures.report(target, "2021-06-28", 4500), "RETURNED");
            // meets m4's plan, but describes a later date than 2021-07-01
            Fixtures.report(target, "2021-07-10", 5000);
            return new Scenario(token, round, departmentA, departmentB, cA1, cB1, cB2, target, m1, m2, m3, m4, m5, m6,
                    m7, m8, m9);
        }

        /** The ids ordered as the service breaks ties: by UUID. */
        static List<String> byId(String... ids) {
            return Stream.of(ids).sorted(Comparator.comparing(UUID::fromString)).toList();
        }
    }

    private static List<String> reversed(List<String> ids) {
        var copy = new ArrayList<>(ids);
        Collections.reverse(copy);
        return copy;
    }

    private static JsonPath overdue(Object... parameters) {
        var all = new ArrayList<>(List.<Object>of("overdue", "true"));
        all.addAll(List.of(parameters));
        return list(all.toArray());
    }

    @Test
    void shouldListExactlyTheOverdueMilestonesWithWhoIsBehind() {
        var s = Scenario.create();
        var page = overdue("asOf", "2021-07-01", "roundId", s.round());
        assertEquals(List.of(s.m1(), s.m3(), s.m8(), s.m7(), s.m4()), page.getList("items.id"));
        assertEquals(5, page.getInt("total"));
        assertEquals(List.of(92, 31, 30, 2, 1), page.getList("items.daysOverdue", Integer.class));

        var m4 = page.getMap("items.find { it.id == '" + s.m4() + "' }");
        assertEquals("2021-06-30", m4.get("dueDate"));
        assertEquals("阶段目标 2021-06-30", m4.get("description"));
        assertEquals(new BigDecimal("4200"), decimal(m4.get("plannedValue")));
        assertEquals(new BigDecimal("1000"), decimal(m4.get("actual")));
        assertEquals(s.target(), m4.get("targetId"));
        assertEquals(s.cB2(), m4.get("commitmentId"));
        assertEquals(2, m4.get("commitmentSeq"));
        assertEquals("棚户区改造进度滞后的问题", m4.get("commitmentTitle"));
        assertEquals(s.departmentB(), m4.get("departmentId"));
        assertEquals(s.token() + "-b", m4.get("departmentCode"));
        assertEquals("乙局", m4.get("departmentName"));
        assertEquals(1, m4.get("daysOverdue"));

        var m8 = page.getMap("items.find { it.id == '" + s.m8() + "' }");
        assertEquals("2021-06-01", m8.get("dueDate"));
        assertNull(m8.get("plannedValue"));
        assertNull(m8.get("actual"));
        assertNull(m8.get("targetId"));
        assertEquals(s.cA1(), m8.get("commitmentId"));
        assertEquals(1, m8.get("commitmentSeq"));
        assertEquals("长者食堂数量不足的问题", m8.get("commitmentTitle"));
        assertEquals(s.departmentA(), m8.get("departmentId"));
        assertEquals(s.token() + "-a", m8.get("departmentCode"));
        assertEquals("甲局", m8.get("departmentName"));
        assertEquals(30, m8.get("daysOverdue"));
        assertEquals(List.of("id", "dueDate", "description", "plannedValue", "actual", "targetId", "commitmentId",
                "commitmentSeq", "commitmentTitle", "departmentId", "departmentCode", "departmentName", "daysOverdue"),
                List.copyOf(m8.keySet()));
    }

    @Test
    void shouldJudgeOverdueAtTheGivenDate() {
        var s = Scenario.create();
        // m3 is not completed yet at 06-01 (completed 07-05); m2 was
        var early = overdue("asOf", "2021-06-01", "roundId", s.round());
        assertEquals(List.of(s.m1(), s.m3()), early.getList("items.id"));
        assertEquals(List.of(62, 1), early.getList("items.daysOverdue", Integer.class));

        // the 07-10 report meets m4's plan; m3 and m9 are completed; m6 has fallen due
        var late = overdue("asOf", "2021-07-11", "roundId", s.round());
        assertEquals(List.of(s.m1(), s.m8(), s.m7(), s.m6()), late.getList("items.id"));
        assertEquals(List.of(102, 40, 12, 10), late.getList("items.daysOverdue", Integer.class));

        assertThat(overdue("asOf", "2021-03-31", "roundId", s.round()).getList("items"), empty());
        assertEquals(List.of(s.m1()), overdue("asOf", "2021-04-01", "roundId", s.round()).getList("items.id"));
    }

    @Test
    void shouldCountOnlyVerifiedReportsForOverdueWhenAsked() {
        var s = Scenario.create();
        var page = overdue("asOf", "2021-07-01", "roundId", s.round(), "verifiedOnly", "true");
        assertEquals(List.of(s.m1(), s.m3(), s.m8(), s.m5(), s.m7(), s.m4()), page.getList("items.id"));
        var m5 = page.getMap("items.find { it.id == '" + s.m5() + "' }");
        assertEquals(16, m5.get("daysOverdue"));
        assertEquals(new BigDecimal("900"), decimal(m5.get("plannedValue")));
        assertNull(m5.get("actual"));
        assertNull(page.get("items.find { it.id == '" + s.m4() + "' }.actual"));
        assertEquals(5, overdue("asOf", "2021-07-01", "roundId", s.round(), "verifiedOnly", "false").getInt("total"));
    }

    @Test
    void shouldFilterTheOverdueListing() {
        var s = Scenario.create();
        assertEquals(List.of(s.m8()), overdue("asOf", "2021-07-01", "departmentId", s.departmentA()).getList("items.id"));
        assertEquals(List.of(s.m1(), s.m3(), s.m7(), s.m4()),
                overdue("asOf", "2021-07-01", "departmentId", s.departmentB()).getList("items.id"));
        assertEquals(List.of(s.m7()), overdue("asOf", "2021-07-01", "commitmentId", s.cB1()).getList("items.id"));
        assertEquals(List.of(s.m4()), overdue("asOf", "2021-07-01", "targetId", s.target()).getList("items.id"));
        assertEquals(List.of(s.m8(), s.m7(), s.m4()),
                overdue("asOf", "2021-07-01", "roundId", s.round(), "dueAfter", "2021-05-31").getList("items.id"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "dueDate", "dueDate,asc", "dueDate,desc", "daysOverdue,asc", "daysOverdue,desc",
            "department,asc", "department,desc", "commitment,asc", "commitment,desc" })
    void shouldSortTheOverdueListing(String sort) {
        var s = Scenario.create();
        var byDueDate = List.of(s.m1(), s.m3(), s.m8(), s.m7(), s.m4());
        var expected = new ArrayList<String>();
        switch (sort.replace(",asc", "")) {
            case "dueDate" -> expected.addAll(byDueDate);
            case "dueDate,desc", "daysOverdue" -> expected.addAll(reversed(byDueDate));
            case "daysOverdue,desc" -> expected.addAll(byDueDate);
            case "department" -> {
                expected.add(s.m8());
                expected.addAll(Scenario.byId(s.m1(), s.m3(), s.m4(), s.m7()));
            }
            case "department,desc" -> {
                expected.addAll(reversed(Scenario.byId(s.m1(), s.m3(), s.m4(), s.m7())));
                expected.add(s.m8());
            }
            case "commitment" -> {
                expected.add(s.m8());
                expected.add(s.m7());
                expected.addAll(Scenario.byId(s.m1(), s.m3(), s.m4()));
            }
            case "commitment,desc" -> {
                expected.addAll(reversed(Scenario.byId(s.m1(), s.m3(), s.m4())));
                expected.add(s.m7());
                expected.add(s.m8());
            }
            default -> throw new IllegalArgumentException(sort);
        }
        assertEquals(expected, overdue("asOf", "2021-07-01", "roundId", s.round(), "sort", sort).getList("items.id"),
                "order for sort=" + sort);
    }

    @Test
    void shouldPageTheOverdueListing() {
        var s = Scenario.create();
        var page = overdue("asOf", "2021-07-01", "roundId", s.round(), "page", 1, "size", 2);
        assertEquals(List.of(s.m8(), s.m7()), page.getList("items.id"));
        assertEquals(1, page.getInt("page"));
        assertEquals(2, page.getInt("size"));
        assertEquals(5, page.getInt("total"));
        assertEquals(List.of(s.m4()), overdue("asOf", "2021-07-01", "roundId", s.round(), "page", 2, "size", 2)
                .getList("items.id"));
        assertThat(overdue("asOf", "2021-07-01", "roundId", s.round(), "page", 3, "size", 2).getList("items"), empty());
        assertEquals(5, overdue("asOf", "2021-07-01", "roundId", s.round(), "size", 200).getList("items").size());
    }

    @Test
    void shouldRequireAsOfWithOverdueAndOnlyThere() {
        assertViolation(given().queryParam("overdue", "true").when().get(MILESTONES), "asOf")
                .body("violations[0].message", equalTo("is required with overdue=true"));
        assertViolation(given().queryParam("asOf", "2021-07-01").when().get(MILESTONES), "asOf")
                .body("violations[0].message", equalTo("is only used with overdue=true"));
        assertViolation(given().queryParam("overdue", "false").queryParam("asOf", "2021-07-01").when().get(MILESTONES),
                "asOf");
        assertViolation(given().queryParam("verifiedOnly", "true").when().get(MILESTONES), "verifiedOnly")
                .body("violations[0].message", equalTo("is only used with overdue=true"));
        assertViolation(given().queryParam("verifiedOnly", "yes").when().get(MILESTONES), "verifiedOnly");
        assertViolation(given().queryParam("overdue", "true").queryParam("asOf", "2021-07-32").when().get(MILESTONES),
                "asOf");
        assertViolation(given().queryParam("overdue", "true").queryParam("asOf", "2021-07-01").queryParam("sort", "seq")
                .when().get(MILESTONES), "sort");
    }

    @Test
    void shouldListOverdueMilestonesAsCsv() {
        var s = Scenario.create();
        var response = given().accept("text/csv").queryParam("overdue", "true").queryParam("asOf", "2021-07-01")
                .queryParam("roundId", s.round()).when().get(MILESTONES)
                .then().statusCode(200).header("Content-Type", startsWith("text/csv")).extract();
        assertThat(response.header("Content-Type").replaceAll(".*charset=", ""), equalToIgnoringCase("UTF-8"));
        var csv = Csv.parse(response.asString());
        assertEquals(List.of("id", "dueDate", "description", "plannedValue", "actual", "targetId", "commitmentId",
                "commitmentSeq", "commitmentTitle", "departmentId", "departmentCode", "departmentName", "daysOverdue"),
                csv.header());
        assertEquals(List.of(s.m1(), s.m3(), s.m8(), s.m7(), s.m4()), csv.rows().stream().map(r -> r.get(0)).toList());
        var m4 = csv.row("id", s.m4()).orElseThrow();
        assertEquals("4200", m4.get("plannedValue"));
        assertEquals("1000", m4.get("actual"));
        assertEquals(s.target(), m4.get("targetId"));
        assertEquals("2", m4.get("commitmentSeq"));
        assertEquals("棚户区改造进度滞后的问题", m4.get("commitmentTitle"));
        assertEquals("乙局", m4.get("departmentName"));
        assertEquals("1", m4.get("daysOverdue"));
        var m8 = csv.row("id", s.m8()).orElseThrow();
        assertEquals("", m8.get("plannedValue"));
        assertEquals("", m8.get("actual"));
        assertEquals("长者食堂数量不足的问题", m8.get("commitmentTitle"));
        assertEquals("甲局", m8.get("departmentName"));
        assertEquals(s.token() + "-a", m8.get("departmentCode"));
        assertEquals("30", m8.get("daysOverdue"));
    }
}
