package org.commitmenttracker.target;

import static io.restassured.RestAssured.given;
import static org.commitmenttracker.common.Problems.assertProblem;
import static org.commitmenttracker.common.Problems.assertViolation;
import static org.commitmenttracker.common.Tokens.admin;
import static org.commitmenttracker.common.Tokens.with;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.math.BigDecimal;
import java.net.URI;
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
class TargetResourceTest {

    private static final String TARGETS = "/api/v1/targets";
    private static final String JSON = "application/json; charset=UTF-8";
    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
    /** Reads JSON decimals as BigDecimal, so 643.44 is compared exactly rather than as a float. */

    /** The smallest valid body: a NUMBER target of {@code commitmentId}; tests add or change what they need. */
    private static Map<String, Object> body(String commitmentId) {
        var body = new LinkedHashMap<String, Object>();
        body.put("commitmentId", commitmentId);
        body.put("name", "棚户区改造开工");
        body.put("unit", "套");
        body.put("measure", "NUMBER");
        body.put("targetValue", 10500);
        body.put("dueDate", "2021-12-31");
        return body;
    }

    /** Every field filled in: 95 new elder canteens on top of 59, 154 in all. */
    private static Map<String, Object> fullBody(String commitmentId) {
        var body = body(commitmentId);
        body.put("name", "新建长者食堂");
        body.put("unit", "处");
        body.put("direction", "INCREASE");
        body.put("baseline", 59);
        body.put("targetValue", 154);
        body.put("startDate", "2021-04-01");
        body.put("dueDate", "2021-12-31");
        body.put("weight", 2);
        body.put("note", "年内新建长者食堂95处,全市达到154处");
        return body;
    }

    private static String create(Map<String, Object> body) {
        return Fixtures.post(TARGETS, body);
    }

    private static JsonPath get(String id) {
        return Api.read(TARGETS + "/" + id);
    }

    /** The ids of the targets listed with these query parameters (name, value, name, value, ...). */
    private static List<String> idsOf(Object... parameters) {
        return Api.ids(TARGETS, parameters);
    }

    /** A JSON number read exactly; integers come back as Integer, so both are turned into BigDecimal. */
    private static BigDecimal decimal(Object value) {
        assertInstanceOf(Number.class, value, "expected a JSON number, got " + value);
        return new BigDecimal(value.toString());
    }

    private static void assertDecimal(String expected, Object actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(decimal(actual)), "expected " + expected + ", got " + actual);
    }

    // --- create, read, replace, patch, delete -------------------------------------------------------------------

    @Test
    void shouldCreateTargetWithLocationEtagAndBody() {
        var commitment = Fixtures.commitment();
        var created = with(admin()).contentType(JSON).body(fullBody(commitment))
                .when().post(TARGETS)
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("commitmentId", equalTo(commitment))
                .body("name", equalTo("新建长者食堂"))
                .body("unit", equalTo("处"))
                .body("measure", equalTo("NUMBER"))
                .body("direction", equalTo("INCREASE"))
                .body("baseline", equalTo(59))
                .body("targetValue", equalTo(154))
                .body("startDate", equalTo("2021-04-01"))
                .body("dueDate", equalTo("2021-12-31"))
                .body("weight", equalTo(2))
                .body("note", equalTo("年内新建长者食堂95处,全市达到154处"))
                .body("version", equalTo(0))
                .body("createdAt", notNullValue())
                .extract();
        String id = created.path("id");
        assertEquals(TARGETS + "/" + id, URI.create(created.header("Location")).getPath());
        given().when().get(created.header("Location")).then().statusCode(200).header("ETag", "\"0\"");
        assertEquals(created.jsonPath().getMap(""), given().when().get(TARGETS + "/" + id).then().extract().jsonPath()
                .getMap(""));
    }

    @Test
    void shouldFillInDefaultsForAMinimalTarget() {
        with(admin()).contentType(JSON).body(body(Fixtures.commitment()))
                .when().post(TARGETS)
                .then().statusCode(201)
                .body("direction", equalTo("INCREASE"))
                .body("weight", equalTo(1))
                .body("baseline", nullValue())
                .body("startDate", nullValue())
                .body("note", nullValue());
    }

    @Test
    void shouldRoundTripExactDecimals() {
        var commitment = Fixtures.commitment();
        var json = "{\"commitmentId\": \"" + commitment + "\", \"name\": \"绿地面积\", \"unit\": \"公顷\", "
                + "\"measure\": \"NUMBER\", \"baseline\": 147.7829, \"targetValue\": 643.44, \"weight\": 3350.88, "
                + "\"dueDate\": \"2021-12-31\"}";
        String id = with(admin()).config(Api.DECIMALS).contentType(JSON).body(json)
                .when().post(TARGETS)
                .then().statusCode(201)
                .body("baseline", equalTo(new BigDecimal("147.7829")))
                .body("targetValue", equalTo(new BigDecimal("643.44")))
                .body("weight", equalTo(new BigDecimal("3350.88")))
                .extract().path("id");
        var stored = get(id);
        assertEquals(new BigDecimal("147.7829"), stored.get("baseline"));
        assertEquals(new BigDecimal("643.44"), stored.get("targetValue"));
        assertEquals(new BigDecimal("3350.88"), stored.get("weight"));
        given().config(Api.DECIMALS).queryParam("commitmentId", commitment).when().get(TARGETS)
                .then().statusCode(200)
                .body("items[0].targetValue", equalTo(new BigDecimal("643.44")))
                .body("items[0].baseline", equalTo(new BigDecimal("147.7829")));
        var csv = Csv.parse(given().accept("text/csv").queryParam("commitmentId", commitment).when().get(TARGETS)
                .then().statusCode(200).extract().asString());
        var row = csv.row("id", id).orElseThrow();
        assertEquals("643.44", row.get("targetValue"));
        assertEquals("147.7829", row.get("baseline"));
        assertEquals("3350.88", row.get("weight"));
        // the raw text too: no float rounding (643.4400000001) and no exponent notation
        assertThat(given().when().get(TARGETS + "/" + id).asString(), containsString("\"targetValue\":643.44"));
    }

    @Test
    void shouldReplaceTargetWithPut() {
        var commitment = Fixtures.commitment();
        var id = create(fullBody(commitment));
        var replacement = body(commitment);
        replacement.put("name", "新改扩建幼儿园开工");
        replacement.put("unit", "处");
        replacement.put("targetValue", 53);
        replacement.put("dueDate", "2021-08-31");
        replacement.put("reason", "按幼儿园建设计划调整");
        with(admin()).contentType(JSON).header("If-Match", "\"0\"").body(replacement)
                .when().put(TARGETS + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("新改扩建幼儿园开工"))
                .body("targetValue", equalTo(53))
                .body("dueDate", equalTo("2021-08-31"))
                .body("baseline", nullValue())
                .body("startDate", nullValue())
                .body("note", nullValue())
                .body("weight", equalTo(1))
                .body("version", equalTo(1));
        var stored = get(id);
        assertEquals("新改扩建幼儿园开工", stored.getString("name"));
        assertThat(stored.get("baseline"), nullValue());
    }

    @Test
    void shouldPatchOneFieldAndKeepTheOthers() {
        var id = create(fullBody(Fixtures.commitment()));
        var before = get(id);
        with(admin())
                .header("If-Match", Api.etag(TARGETS + "/" + id))
               .contentType(MERGE_PATCH).body("{\"targetValue\": 160, \"note\": null, \"reason\": \"调整\"}")
                .when().patch(TARGETS + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("targetValue", equalTo(160))
                .body("note", nullValue());
        var after = get(id);
        for (var field : List.of("commitmentId", "name", "unit", "measure", "direction", "baseline", "startDate",
                "dueDate", "weight", "createdAt")) {
            assertEquals((Object) before.get(field), after.get(field), field + " changed");
        }
        assertEquals(1, after.getInt("version"));
    }

    @Test
    void shouldDeleteTargetThenAnswer404() {
        var id = Fixtures.target(Fixtures.commitment(), Map.of());
        with(admin())
                .header("If-Match", Api.etag(TARGETS + "/" + id))
                .when().delete(TARGETS + "/" + id).then().statusCode(204);
        assertProblem(given().when().get(TARGETS + "/" + id), 404).body("detail", containsString(id));
        assertProblem(with(admin()).when().delete(TARGETS + "/" + id), 404);
    }

    @Test
    void shouldNotDeleteTargetThatMilestonesReferTo() {
        var commitment = Fixtures.commitment();
        var id = Fixtures.target(commitment, Map.of());
        Fixtures.milestone(commitment, id, "2021-06-30", 4200);
        assertProblem(with(admin())
                .header("If-Match", Api.etag(TARGETS + "/" + id)).when().delete(TARGETS + "/" + id), 409)
                .body("detail", containsString("0 progress report(s) and 1 milestone(s)"));
        get(id);
    }

    @Test
    void shouldNotDeleteTargetThatReportsReferTo() {
        var id = Fixtures.target(Fixtures.commitment(), Map.of());
        Fixtures.report(id, "2021-05-15", 1000);
        Fixtures.report(id, "2021-06-28", 4500);
        assertProblem(with(admin())
                .header("If-Match", Api.etag(TARGETS + "/" + id)).when().delete(TARGETS + "/" + id), 409)
                .body("detail", containsString("2 progress report(s) and 0 milestone(s)"));
        get(id);
    }

    @Test
    void shouldAnswer404ForAnUnknownTarget() {
        var id = UUID.randomUUID().toString();
        assertProblem(given().when().get(TARGETS + "/" + id), 404).body("detail", containsString(id));
        assertProblem(with(admin()).contentType(JSON).body(body(Fixtures.commitment())).when().put(TARGETS + "/" + id), 404);
        assertProblem(with(admin()).contentType(MERGE_PATCH).body("{}").when().patch(TARGETS + "/" + id), 404);
        assertProblem(with(admin()).when().delete(TARGETS + "/" + id), 404);
    }

    @Test
    void shouldHonourIfMatch() {
        var commitment = Fixtures.commitment();
        var id = create(fullBody(commitment));
        assertProblem(with(admin()).contentType(JSON).header("If-Match", "\"1\"").body(body(commitment))
                .when().put(TARGETS + "/" + id), 412);
        assertProblem(with(admin()).contentType(MERGE_PATCH).header("If-Match", "\"1\"").body("{\"name\": \"过期\"}")
                .when().patch(TARGETS + "/" + id), 412);
        assertProblem(with(admin()).header("If-Match", "\"1\"").when().delete(TARGETS + "/" + id), 412);
        assertEquals("新建长者食堂", get(id).getString("name"));

        with(admin()).contentType(MERGE_PATCH).header("If-Match", "\"0\"").body("{\"name\": \"一改\"}")
                .when().patch(TARGETS + "/" + id).then().statusCode(200).header("ETag", "\"1\"");
        assertProblem(with(admin()).contentType(MERGE_PATCH).header("If-Match", "\"0\"").body("{\"name\": \"过期\"}")
                .when().patch(TARGETS + "/" + id), 412);
        var replacement = body(commitment);
        replacement.put("reason", "重新核定");
        with(admin()).contentType(JSON).header("If-Match", "\"1\"").body(replacement)
                .when().put(TARGETS + "/" + id).then().statusCode(200).header("ETag", "\"2\"");
        assertProblem(with(admin()).header("If-Match", "\"1\"").when().delete(TARGETS + "/" + id), 412);
        with(admin()).header("If-Match", "\"2\"").when().delete(TARGETS + "/" + id).then().statusCode(204);
    }

    // --- Idempotency-Key --------------------------------------------------------------------------------------

    @Test
    void shouldReplayTheFirstResponseForARepeatedIdempotencyKey() {
        var commitment = Fixtures.commitment();
        var key = UUID.randomUUID().toString();
        var request = fullBody(commitment);
        var first = with(admin()).contentType(JSON).header("Idempotency-Key", key).body(request)
                .when().post(TARGETS).then().statusCode(201).header("ETag", "\"0\"").extract();
        var second = with(admin()).contentType(JSON).header("Idempotency-Key", key).body(request)
                .when().post(TARGETS).then().statusCode(201).header("Idempotent-Replayed", "true").extract();

        assertEquals(first.header("Location"), second.header("Location"));
        assertEquals(first.header("ETag"), second.header("ETag"));
        assertEquals(first.jsonPath().getMap(""), second.jsonPath().getMap(""));
        assertEquals(List.of(first.jsonPath().getString("id")), idsOf("commitmentId", commitment));

        var changed = fullBody(commitment);
        changed.put("targetValue", 155);
        assertProblem(with(admin()).contentType(JSON).header("Idempotency-Key", key).body(changed).when().post(TARGETS), 422);
        assertEquals(List.of(first.jsonPath().getString("id")), idsOf("commitmentId", commitment));
    }

    // --- validation -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "dueDate before startDate          | startDate   | 2021-12-31 | dueDate     | 2021-12-30",
            "PERCENT target above 100          | measure     | PERCENT    | targetValue | 100.01",
            "PERCENT target below 0            | measure     | PERCENT    | targetValue | -1",
            "BOOLEAN target of 2               | measure     | BOOLEAN    | targetValue | 2",
            "BOOLEAN target of 0               | measure     | BOOLEAN    | targetValue | 0",
            "BOOLEAN target of 0.5             | measure     | BOOLEAN    | targetValue | 0.5",
            "blank name                        | name        | ' '        | name        | ' '",
            "zero weight                       | weight      | 0          | weight      | 0",
            "seven fraction digits             | targetValue | 1.1234567  | targetValue | 1.1234567",
    })
    void shouldRejectATargetBreakingARule(String rule, String field1, String value1, String field, String value) {
        var commitment = Fixtures.commitment();
        var request = body(commitment);
        request.put(field1, parse(value1));
        request.put(field, parse(value));
        assertViolation(with(admin()).contentType(JSON).body(request).when().post(TARGETS), field)
                .body("violations.field", everyItem(equalTo(field)))
                .body("violations", hasSize(1));
        assertThat(rule, idsOf("commitmentId", commitment), empty());
    }

    /** CSV cells as JSON values: numbers as exact decimals, everything else as text. */
    private static Object parse(String cell) {
        return cell.matches("-?[0-9.]+") ? new BigDecimal(cell) : cell;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "101", "-0.5" })
    void shouldRejectAPercentBaselineOutside0To100(String baseline) {
        var commitment = Fixtures.commitment();
        var request = body(commitment);
        request.put("measure", "PERCENT");
        request.put("targetValue", 5);
        request.put("direction", "DECREASE");
        request.put("baseline", new BigDecimal(baseline));
        assertViolation(with(admin()).contentType(JSON).body(request).when().post(TARGETS), "baseline")
                .body("violations", hasSize(1))
                .body("violations[0].message", equalTo("must be between 0 and 100 for a PERCENT target"));
        assertThat(idsOf("commitmentId", commitment), empty());
    }

    @Test
    void shouldAcceptTheBoundsOfEachMeasure() {
        var commitment = Fixtures.commitment();
        var percent = body(commitment);
        percent.put("measure", "PERCENT");
        percent.put("unit", "%");
        percent.put("baseline", 0);
        percent.put("targetValue", 100);
        with(admin()).contentType(JSON).body(percent).when().post(TARGETS).then().statusCode(201)
                .body("measure", equalTo("PERCENT")).body("targetValue", equalTo(100));
        var bool = body(commitment);
        bool.put("name", "出台物业管理条例");
        bool.put("unit", "件");
        bool.put("measure", "BOOLEAN");
        bool.put("baseline", 0);
        bool.put("targetValue", 1);
        with(admin()).contentType(JSON).body(bool).when().post(TARGETS).then().statusCode(201)
                .body("measure", equalTo("BOOLEAN")).body("targetValue", equalTo(1));
        var sameDay = body(commitment);
        sameDay.put("startDate", "2021-12-31");
        with(admin()).contentType(JSON).body(sameDay).when().post(TARGETS).then().statusCode(201);
        assertThat(idsOf("commitmentId", commitment), hasSize(3));
    }

    @Test
    void shouldRequireTargetValueWithItsOwnMessage() {
        var commitment = Fixtures.commitment();
        var request = body(commitment);
        request.remove("targetValue");
        assertViolation(with(admin()).contentType(JSON).body(request).when().post(TARGETS), "targetValue")
                .body("violations", hasSize(1))
                .body("violations[0].message", equalTo("targetValue is required"));
        assertThat(idsOf("commitmentId", commitment), empty());
    }

    @Test
    void shouldNameEveryMissingField() {
        assertViolation(with(admin()).contentType(JSON).body("{}").when().post(TARGETS), "commitmentId")
                .body("violations.field", containsInAnyOrder("commitmentId", "name", "unit", "measure",
                        "targetValue", "dueDate"));
    }

    @Test
    void shouldAnswer400NotAServerErrorForAnUnknownCommitment() {
        var unknown = UUID.randomUUID().toString();
        assertViolation(with(admin()).contentType(JSON).body(body(unknown)).when().post(TARGETS), "commitmentId")
                .body("violations", hasSize(1))
                .body("detail", containsString(unknown));
        assertThat(idsOf("commitmentId", unknown), empty());

        var commitment = Fixtures.commitment();
        var id = create(body(commitment));
        assertViolation(with(admin())
                .header("If-Match", Api.etag(TARGETS + "/" + id))
                .contentType(JSON).body(body(unknown)).when().put(TARGETS + "/" + id), "commitmentId");
        assertViolation(with(admin())
                .header("If-Match", Api.etag(TARGETS + "/" + id))
                .contentType(MERGE_PATCH).body("{\"commitmentId\": \"" + unknown + "\"}")
                .when().patch(TARGETS + "/" + id), "commitmentId");
        assertEquals(commitment, get(id).getString("commitmentId"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"measure\": \"RATIO\"             | measure",
            "\"measure\": \"number\"            | measure",
            "\"direction\": \"UP\"              | direction",
            "\"dueDate\": \"2021-02-30\"        | dueDate",
            "\"dueDate\": \"2021/12/31\"        | dueDate",
            "\"startDate\": \"20210101\"        | startDate",
            "\"commitmentId\": \"nope\"         | commitmentId",
            "\"commitmentId\": 42               | commitmentId",
            "\"targetValue\": \"10500\"         | targetValue",
            "\"weight\": true                   | weight",
            "\"colour\": \"red\"                | colour",
    })
    void shouldRejectMalformedFieldsNamingTheField(String replacement, String field) {
        var commitment = Fixtures.commitment();
        var json = "{\"commitmentId\": \"" + commitment + "\", \"name\": \"指标\", \"unit\": \"套\", "
                + "\"measure\": \"NUMBER\", \"targetValue\": 10500, \"dueDate\": \"2021-12-31\", " + replacement + "}";
        // a later duplicate key would be a different error: drop the default the replacement overrides
        var key = replacement.substring(0, replacement.indexOf(':'));
        var first = json.indexOf(key);
        if (json.indexOf(key, first + 1) > 0) {
            var end = json.indexOf(", ", first);
            json = json.substring(0, first) + json.substring(end + 2);
        }
        var response = with(admin()).contentType(JSON).body(json).when().post(TARGETS);
        assertViolation(response, field);
        if (field.equals("measure")) {
            response.then().body("violations[0].message", containsString("NUMBER, PERCENT, BOOLEAN"));
        }
        assertThat(idsOf("commitmentId", commitment), empty());
    }

    @Test
    void shouldValidatePutAndPatchLikeCreate() {
        var commitment = Fixtures.commitment();
        var id = create(body(commitment));
        var before = get(id).getMap("");
        assertViolation(with(admin())
                .header("If-Match", Api.etag(TARGETS + "/" + id))
                .contentType(MERGE_PATCH).body("{\"measure\": \"PERCENT\"}")
                .when().patch(TARGETS + "/" + id), "targetValue");
        assertViolation(with(admin())
                .header("If-Match", Api.etag(TARGETS + "/" + id))
                .contentType(MERGE_PATCH).body("{\"measure\": \"BOOLEAN\"}")
                .when().patch(TARGETS + "/" + id), "targetValue");
        assertViolation(with(admin())
                .header("If-Match", Api.etag(TARGETS + "/" + id))
                .contentType(MERGE_PATCH).body("{\"startDate\": \"2022-01-01\"}")
                .when().patch(TARGETS + "/" + id), "dueDate");
        assertViolation(with(admin())
                .header("If-Match", Api.etag(TARGETS + "/" + id))
                .contentType(MERGE_PATCH).body("{\"targetValue\": null}")
                .when().patch(TARGETS + "/" + id), "targetValue");
        assertViolation(with(admin())
                .header("If-Match", Api.etag(TARGETS + "/" + id))
                .contentType(MERGE_PATCH).body("{\"measure\": \"SOMETIMES\"}")
                .when().patch(TARGETS + "/" + id), "measure");
        var percent = body(commitment);
        percent.put("measure", "PERCENT");
        assertViolation(with(admin())
                .header("If-Match", Api.etag(TARGETS + "/" + id))
                .contentType(JSON).body(percent).when().put(TARGETS + "/" + id), "targetValue");
        assertEquals(before, get(id).getMap(""));
    }

    @Test
    void shouldKeepMilestonesAndReportsValidWhenTheTargetChanges() {
        var commitment = Fixtures.commitment();
        var id = Fixtures.target(commitment, Map.of("targetValue", 80));
        Fixtures.report(id, "2021-05-15", 500);
        assertProblem(with(admin())
                .header("If-Match", Api.etag(TARGETS + "/" + id))
                .contentType(MERGE_PATCH).body("{\"measure\": \"PERCENT\"}")
                .when().patch(TARGETS + "/" + id), 409).body("detail", containsString("500"));

        Fixtures.milestone(commitment, id, "2021-06-30", 40);
        assertProblem(with(admin())
                .header("If-Match", Api.etag(TARGETS + "/" + id))
               .contentType(MERGE_PATCH).body("{\"dueDate\": \"2021-06-29\", \"reason\": \"提前\"}")
                .when().patch(TARGETS + "/" + id), 409).body("detail", containsString("after the new dueDate"));
        assertProblem(with(admin())
                .header("If-Match", Api.etag(TARGETS + "/" + id))
                .contentType(MERGE_PATCH).body("{\"commitmentId\": \"" + Fixtures.commitment() + "\"}")
                .when().patch(TARGETS + "/" + id), 409).body("detail", containsString("cannot move"));
        var stored = get(id);
        assertEquals("NUMBER", stored.getString("measure"));
        assertEquals("2021-12-31", stored.getString("dueDate"));
        assertEquals(commitment, stored.getString("commitmentId"));
        assertEquals(0, stored.getInt("version"));
    }

    @Test
    void shouldRejectMalformedIdsAndDatesInPathAndQuery() {
        assertViolation(given().when().get(TARGETS + "/x"), "id");
        assertViolation(given().when().get(TARGETS + "/" + UUID.randomUUID() + "0"), "id");
        assertViolation(with(admin())
                .contentType(MERGE_PATCH).body("{}").when().patch(TARGETS + "/x"), "id");
        assertViolation(with(admin()).when().delete(TARGETS + "/1234"), "id");
        assertViolation(given().queryParam("commitmentId", "x").when().get(TARGETS), "commitmentId");
        assertViolation(given().queryParam("departmentId", "1234").when().get(TARGETS), "departmentId");
        assertViolation(given().queryParam("roundId", "nope").when().get(TARGETS), "roundId");
        assertViolation(given().queryParam("dueBefore", "2021-13-01").when().get(TARGETS), "dueBefore");
        assertViolation(given().queryParam("dueAfter", "明天").when().get(TARGETS), "dueAfter");
        assertViolation(given().queryParam("measure", "RATIO").when().get(TARGETS), "measure");
    }

    // --- lists ------------------------------------------------------------------------------------------------

    @Test
    void shouldFilterTargetsByCommitmentDepartmentAndRound() {
        var round1 = Fixtures.round();
        var round2 = Fixtures.round();
        var department1 = Fixtures.department();
        var department2 = Fixtures.department();
        var c11 = Fixtures.commitment(round1, department1);
        var c12 = Fixtures.commitment(round1, department2);
        var c21 = Fixtures.commitment(round2, department1);
        var t1 = create(body(c11));
        var t2 = create(body(c11));
        var t3 = create(body(c12));
        var t4 = create(body(c21));

        assertThat(idsOf("commitmentId", c11), containsInAnyOrder(t1, t2));
        assertThat(idsOf("commitmentId", c12), equalTo(List.of(t3)));
        assertThat(idsOf("departmentId", department1), containsInAnyOrder(t1, t2, t4));
        assertThat(idsOf("roundId", round1), containsInAnyOrder(t1, t2, t3));
        assertThat(idsOf("roundId", round1, "departmentId", department1), containsInAnyOrder(t1, t2));
        assertThat(idsOf("roundId", round2, "departmentId", department2), empty());
        assertThat(idsOf("commitmentId", UUID.randomUUID().toString()), empty());
        given().queryParam("departmentId", department1).when().get(TARGETS).then().statusCode(200)
                .body("total", equalTo(3));
    }

    @Test
    void shouldFilterTargetsByDueDateStrictly() {
        var commitment = Fixtures.commitment();
        var june = Fixtures.target(commitment, Map.of("dueDate", "2021-06-30"));
        var august = Fixtures.target(commitment, Map.of("dueDate", "2021-08-31"));
        var december = Fixtures.target(commitment, Map.of("dueDate", "2021-12-31"));

        assertThat(idsOf("commitmentId", commitment, "dueBefore", "2021-08-31"), equalTo(List.of(june)));
        assertThat(idsOf("commitmentId", commitment, "dueBefore", "2021-09-01"), equalTo(List.of(june, august)));
        assertThat(idsOf("commitmentId", commitment, "dueAfter", "2021-08-31"), equalTo(List.of(december)));
        assertThat(idsOf("commitmentId", commitment, "dueAfter", "2021-06-29"), equalTo(List.of(june, august, december)));
        assertThat(idsOf("commitmentId", commitment, "dueAfter", "2021-06-30", "dueBefore", "2021-12-31"),
                equalTo(List.of(august)));
        assertThat(idsOf("commitmentId", commitment, "dueAfter", "2021-12-31"), empty());
    }

    @Test
    void shouldFindTargetsByChineseTextInNameUnitOrNote() {
        var commitment = Fixtures.commitment();
        var canteens = Fixtures.target(commitment, Map.of("name", "新建社区长者食堂", "unit", "处"));
        var noted = Fixtures.target(commitment, Map.of("name", "助餐点", "unit", "个", "note", "含改建长者食堂12处"));
        var hectares = Fixtures.target(commitment, Map.of("name", "新增绿地", "unit", "公顷"));
        var percent = Fixtures.target(commitment, Map.of("name", "抽查企业比例", "unit", "%", "measure", "PERCENT",
                "direction", "DECREASE", "targetValue", 5));

        assertThat(idsOf("commitmentId", commitment, "q", "长者食堂"), containsInAnyOrder(canteens, noted));
        assertThat(idsOf("commitmentId", commitment, "q", "社区长者"), equalTo(List.of(canteens)));
        assertThat(idsOf("commitmentId", commitment, "q", "公顷"), equalTo(List.of(hectares)));
        assertThat(idsOf("commitmentId", commitment, "q", "%"), equalTo(List.of(percent)));
        assertThat(idsOf("commitmentId", commitment, "q", "_"), empty());
        assertThat(idsOf("commitmentId", commitment, "q", "幼儿园"), empty());
        assertThat(idsOf("commitmentId", commitment, "measure", "PERCENT"), equalTo(List.of(percent)));
    }

    @Test
    void shouldPageTargets() {
        var commitment = Fixtures.commitment();
        var all = Stream.of("2021-03-31", "2021-06-30", "2021-09-30")
                .map(due -> Fixtures.target(commitment, Map.of("dueDate", due))).toList();
        given().queryParam("commitmentId", commitment).when().get(TARGETS + "?page=0&size=2")
                .then().statusCode(200).body("items.id", equalTo(all.subList(0, 2)))
                .body("page", equalTo(0)).body("size", equalTo(2)).body("total", equalTo(3));
        given().queryParam("commitmentId", commitment).when().get(TARGETS + "?page=1&size=2")
                .then().statusCode(200).body("items.id", equalTo(all.subList(2, 3))).body("page", equalTo(1))
                .body("total", equalTo(3));
        given().queryParam("commitmentId", commitment).when().get(TARGETS + "?page=5&size=2")
                .then().statusCode(200).body("items", empty()).body("total", equalTo(3));
        given().queryParam("commitmentId", commitment).when().get(TARGETS + "?size=200")
                .then().statusCode(200).body("items.id", equalTo(all)).body("size", equalTo(200));
        given().queryParam("commitmentId", commitment).when().get(TARGETS)
                .then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(20));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "size|0", "size|201", "size|abc", "page|-1", "page|1.5", "page|1000001",
            "sort|colour", "sort|name,up", "sort|name,asc,id", "sort|,desc" })
    void shouldRejectABadListParameter(String parameter, String value) {
        assertViolation(given().queryParam(parameter, value).when().get(TARGETS), parameter);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''             | 1,2,3",
            "dueDate        | 1,2,3",
            "dueDate,asc    | 1,2,3",
            "dueDate,desc   | 3,2,1",
            "name,asc       | 2,3,1",
            "name,desc      | 1,3,2",
            "weight,asc     | 3,1,2",
            "weight,desc    | 2,1,3",
            "createdAt,asc  | 2,3,1",
            "createdAt,desc | 1,3,2",
    })
    void shouldSortTargetsByEveryField(String sort, String order) {
        var commitment = Fixtures.commitment();
        var t2 = Fixtures.target(commitment, Map.of("name", "A 开工", "dueDate", "2021-06-30", "weight", 3));
        var t3 = Fixtures.target(commitment, Map.of("name", "B 竣工", "dueDate", "2021-09-30", "weight", 0.5));
        var t1 = Fixtures.target(commitment, Map.of("name", "C 开放", "dueDate", "2021-03-31", "weight", 1));
        var byNumber = List.of(t1, t2, t3);
        var expected = Stream.of(order.split(",")).map(n -> byNumber.get(Integer.parseInt(n) - 1)).toList();
        var actual = sort.isEmpty() ? idsOf("commitmentId", commitment) : idsOf("commitmentId", commitment, "sort", sort);
        assertEquals(expected, actual, "order for sort=" + sort);
    }

    // --- CSV --------------------------------------------------------------------------------------------------

    @Test
    void shouldListTargetsAsCsv() {
        var commitment = Fixtures.commitment();
        var canteens = create(fullBody(commitment));
        var plain = Fixtures.target(commitment, Map.of("name", "抽查企业比例“不高于”5%, 含\"引号\"", "unit", "%",
                "measure", "PERCENT", "direction", "DECREASE", "targetValue", 5, "dueDate", "2022-06-30"));

        var response = given().accept("text/csv").queryParam("commitmentId", commitment).when().get(TARGETS)
                .then().statusCode(200)
                .header("Content-Type", startsWith("text/csv"))
                .extract();
        assertThat(response.header("Content-Type").replaceAll(".*charset=", ""), equalToIgnoringCase("UTF-8"));
        var csv = Csv.parse(response.asString());
        assertEquals(List.of("id", "commitmentId", "name", "unit", "measure", "direction", "baseline", "targetValue",
                "startDate", "dueDate", "weight", "note", "version", "createdAt", "updatedAt"), csv.header());
        assertEquals(List.of(canteens, plain), csv.rows().stream().map(r -> r.get(0)).toList());

        var row = csv.row("id", canteens).orElseThrow();
        assertEquals(commitment, row.get("commitmentId"));
        assertEquals("新建长者食堂", row.get("name"));
        assertEquals("处", row.get("unit"));
        assertEquals("NUMBER", row.get("measure"));
        assertEquals("INCREASE", row.get("direction"));
        assertEquals("59", row.get("baseline"));
        assertEquals("154", row.get("targetValue"));
        assertEquals("2021-04-01", row.get("startDate"));
        assertEquals("2021-12-31", row.get("dueDate"));
        assertEquals("2", row.get("weight"));
        assertEquals("年内新建长者食堂95处,全市达到154处", row.get("note"));
        assertEquals("0", row.get("version"));
        assertEquals(get(canteens).getString("createdAt"), row.get("createdAt"));

        var other = csv.row("id", plain).orElseThrow();
        assertEquals("抽查企业比例“不高于”5%, 含\"引号\"", other.get("name"));
        assertEquals("", other.get("baseline"));
        assertEquals("2021-01-01", other.get("startDate"));
        assertEquals("", other.get("note"));
        assertEquals("DECREASE", other.get("direction"));
        assertThat(response.asString(), containsString("\"抽查企业比例“不高于”5%, 含\"\"引号\"\"\""));
    }

    @Test
    void shouldAnswerAProblemNotCsvForABadCsvRequest() {
        assertViolation(given().accept("text/csv").queryParam("size", 0).when().get(TARGETS), "size");
    }

    @Test
    void shouldReadDecimalsInTheListAsNumbers() {
        var commitment = Fixtures.commitment();
        Fixtures.target(commitment, Map.of("targetValue", new BigDecimal("0.000001")));
        var value = given().config(Api.DECIMALS).queryParam("commitmentId", commitment).when().get(TARGETS)
                .then().statusCode(200).extract().path("items[0].targetValue");
        assertDecimal("0.000001", value);
        assertEquals(new BigDecimal("0.000001"), value);
    }
}
