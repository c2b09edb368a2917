package org.commitmenttracker.history;

import static io.restassured.RestAssured.given;
import static org.commitmenttracker.common.Problems.assertProblem;
import static org.commitmenttracker.common.Problems.assertViolation;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.commitmenttracker.Fixtures;
import org.commitmenttracker.common.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The audit trail: every create, change, review, completion and delete, newest first, with who, when and why. */
@QuarkusTest
class HistoryResourceTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    /** Every write of this test goes through here, so a token or If-Match header is added in one place. */
    private static Response write(String method, String path, String contentType, Object body) {
        @SuppressWarnings("unchecked")
        var fields = body instanceof Map<?, ?> map ? (Map<String, ?>) map : null;
        var request = Fixtures.writer(method, path, fields).contentType(contentType + "; charset=UTF-8");
        if (body != null) {
            request.body(body);
        }
        return request.when().request(method, path);
    }

    private static Map<String, Object> targetBody(String commitmentId, Object targetValue, String reason) {
        var body = new java.util.HashMap<String, Object>(Map.of("commitmentId", commitmentId, "name", "棚户区改造开工",
                "unit", "套", "measure", "NUMBER", "direction", "INCREASE", "targetValue", targetValue,
                "startDate", "2021-01-01", "dueDate", "2021-12-31"));
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    private static JsonPath history(String resource, String id) {
        return Api.read("/api/v1/" + resource + "/" + id + "/history");
    }

    /** The change of {@code field} in entry {@code entry} of a history: [before, after] as text ("null": absent). */
    private static List<String> change(JsonPath history, int entry, String field) {
        var change = "items[" + entry + "].changes.find { it.field == '" + field + "' }";
        return List.of(String.valueOf((Object) history.get(change + ".before")),
                String.valueOf((Object) history.get(change + ".after")));
    }

    @Test
    void shouldKeepCreateChangeWithReasonAndDeleteOfATargetNewestFirst() {
        var commitment = Fixtures.commitment();
        var started = Instant.now().minusSeconds(5);
        var id = Fixtures.target(commitment, Map.of());
        write("PUT", "/api/v1/targets/" + id, "application/json", targetBody(commitment, 11000, "市政府调整年度计划"))
                .then().statusCode(200);
        write("PATCH", "/api/v1/targets/" + id, MERGE_PATCH, Map.of("note", "见2021年计划")).then().statusCode(200);

        var history = history("targets", id);
        assertThat(history.getList("items.action"), contains("UPDATE", "UPDATE", "CREATE"));
        assertEquals(3, history.getInt("total"));
        assertThat(change(history, 0, "note"), contains("null", "见2021年计划"));
        assertEquals(1, history.getList("items[0].changes").size(), "only the note changed");
        assertThat(history.get("items[0].reason"), nullValue());
        assertThat(change(history, 1, "targetValue"), contains("10500", "11000"));
        assertEquals("市政府调整年度计划", history.get("items[1].reason"));
        assertThat(change(history, 2, "targetValue"), contains("null", "10500"));
        assertThat(change(history, 2, "commitmentId"), contains("null", commitment));
        assertThat(change(history, 2, "dueDate"), contains("null", "2021-12-31"));
        for (int i = 0; i < 3; i++) {
            var at = Instant.parse(history.getString("items[" + i + "].at"));
            assertThat("entry " + i + " is recent", Duration.between(started, at).toSeconds() < 60, equalTo(true));
            // who: the subject of the token that made the change
            assertEquals("admin", history.get("items[" + i + "].by"));
        }
        assertThat(history.getLong("items[0].revision") > history.getLong("items[1].revision"), equalTo(true));

        write("DELETE", "/api/v1/targets/" + id, "application/json", null).then().statusCode(204);
        given().when().get("/api/v1/targets/" + id).then().statusCode(404);
        var afterDelete = history("targets", id);
        assertThat(afterDelete.getList("items.action"), contains("DELETE", "UPDATE", "UPDATE", "CREATE"));
        assertThat(change(afterDelete, 0, "targetValue"), contains("11000", "null"));
        assertThat(change(afterDelete, 0, "note"), contains("见2021年计划", "null"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "targetValue|11000", "baseline|59", "direction|DECREASE", "dueDate|2022-03-31" })
    void shouldRequireAReasonToChangeWhatATargetPromises(String field, String value) {
        var commitment = Fixtures.commitment();
        var id = Fixtures.target(commitment, Map.of());
        Object patched = field.equals("targetValue") || field.equals("baseline") ? new BigDecimal(value) : value;
        assertViolation(write("PATCH", "/api/v1/targets/" + id, MERGE_PATCH, Map.of(field, patched)), "reason")
                .body("violations.find { it.field == 'reason' }.message", containsString("history"));
        var put = targetBody(commitment, 10500, null);
        put.put(field, patched);
        assertViolation(write("PUT", "/api/v1/targets/" + id, "application/json", put), "reason");
        assertViolation(write("PATCH", "/api/v1/targets/" + id, MERGE_PATCH, Map.of(field, patched, "reason", " ")),
                "reason");
        assertEquals(1, history("targets", id).getInt("total"), "nothing was written");

        write("PATCH", "/api/v1/targets/" + id, MERGE_PATCH, Map.of(field, patched, "reason", "年中调整"))
                .then().statusCode(200);
        var history = history("targets", id);
        assertEquals("年中调整", history.get("items[0].reason"));
        assertEquals(field, history.get("items[0].changes[0].field"));
    }

    @Test
    void shouldNotRequireAReasonForOtherChangesOrTheSameValueWrittenDifferently() {
        var commitment = Fixtures.commitment();
        var id = Fixtures.target(commitment, Map.of());
        write("PATCH", "/api/v1/targets/" + id, MERGE_PATCH, Map.of("name", "棚户区改造新开工", "targetValue", 10500.0))
                .then().statusCode(200);
        var history = history("targets", id);
        assertThat(history.getList("items[0].changes.field"), contains("name"));
    }

    @Test
    void shouldRecordAReviewAndItsComment() {
        var target = Fixtures.target(Fixtures.commitment(), Map.of());
        var report = Fixtures.report(target, "2021-06-30", 4500);
        write("POST", "/api/v1/progress-reports/" + report + "/review", "application/json",
                Map.of("decision", "RETURNED", "comment", "请补充佐证材料")).then().statusCode(200);

        var history = history("progress-reports", report);
        assertThat(history.getList("items.action"), contains("REVIEW", "CREATE"));
        assertThat(change(history, 0, "status"), contains("SUBMITTED", "RETURNED"));
        assertThat(change(history, 0, "reviewComment"), contains("null", "请补充佐证材料"));
        assertThat(history.getList("items[0].changes.field"), hasItems("status", "reviewComment", "reviewedAt"));
        assertThat(change(history, 1, "value"), contains("null", "4500"));
        assertEquals("reviewer", history.get("items[0].by"));
        assertThat(history.getString("items[1].by"), startsWith("reporter-"));
    }

    @Test
    void shouldRecordTheCompletionOfAMilestone() {
        var commitment = Fixtures.commitment();
        var milestone = Fixtures.milestone(commitment, null, "2021-09-30", null);
        write("POST", "/api/v1/milestones/" + milestone + "/completion", "application/json",
                Map.of("completedOn", "2021-09-28")).then().statusCode(200);

        var history = history("milestones", milestone);
        assertThat(history.getList("items.action"), contains("COMPLETE", "CREATE"));
        assertThat(change(history, 0, "completedOn"), contains("null", "2021-09-28"));
    }

    @Test
    void shouldKeepTheHistoryOfRoundsDepartmentsAndCommitments() {
        var round = Fixtures.round();
        var department = Fixtures.department();
        var commitment = Fixtures.commitment(round, department);
        write("PATCH", "/api/v1/departments/" + department, MERGE_PATCH, Map.of("name", "市教育局")).then().statusCode(200);

        assertThat(history("rounds", round).getList("items.action"), contains("CREATE"));
        assertThat(change(history("departments", department), 0, "name").get(1), equalTo("市教育局"));
        var commitmentHistory = history("commitments", commitment);
        assertThat(commitmentHistory.getList("items.action"), contains("CREATE"));
        assertThat(change(commitmentHistory, 0, "roundId"), contains("null", round));
        // JSON columns keep their structure, internal columns are not shown
        assertEquals("措施", commitmentHistory.get("items[0].changes.find { it.field == 'measures' }.after[0].title"));
        assertThat(commitmentHistory.getList("items[0].changes.field"), org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem("searchText")));
    }

    @Test
    void shouldPageTheHistoryWithTheChangeOfEachPagesOldestEntry() {
        var commitment = Fixtures.commitment();
        var id = Fixtures.target(commitment, Map.of());
        for (var value : List.of(10600, 10700, 10800)) {
            write("PATCH", "/api/v1/targets/" + id, MERGE_PATCH, Map.of("targetValue", value, "reason", "调整 " + value))
                    .then().statusCode(200);
        }
        var first = Api.list("/api/v1/targets/" + id + "/history", "size", 2);
        assertEquals(4, first.getInt("total"));
        assertEquals(2, first.getList("items").size());
        assertThat(change(first, 1, "targetValue"), contains("10600", "10700"));
        var second = Api.list("/api/v1/targets/" + id + "/history", "size", 2, "page", 1);
        assertThat(second.getList("items.action"), contains("UPDATE", "CREATE"));
        assertThat(change(second, 0, "targetValue"), contains("10500", "10600"));
        assertThat(Api.list("/api/v1/targets/" + id + "/history", "size", 2, "page", 2).getList("items"), empty());
    }

    @Test
    void shouldAnswerTheHistoryAsCsv() {
        var commitment = Fixtures.commitment();
        var id = Fixtures.target(commitment, Map.of());
        write("PATCH", "/api/v1/targets/" + id, MERGE_PATCH, Map.of("targetValue", 11000, "reason", "调整, 见会议纪要"))
                .then().statusCode(200);
        var csv = given().accept("text/csv").when().get("/api/v1/targets/" + id + "/history")
                .then().statusCode(200).header("Content-Type", startsWith("text/csv")).extract().asString();
        var lines = csv.split("\r\n");
        assertEquals("revision,action,at,by,reason,changes", lines[0]);
        assertEquals(3, lines.length);
        assertThat(lines[1], containsString(",UPDATE,"));
        assertThat(lines[1], containsString("\"调整, 见会议纪要\""));
        assertThat(lines[1], containsString("targetValue"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "rounds", "departments", "commitments", "targets", "milestones", "progress-reports" })
    void shouldAnswer404OnlyForAnIdThatNeverExisted(String resource) {
        var id = UUID.randomUUID();
        assertProblem(given().when().get("/api/v1/" + resource + "/" + id + "/history"), 404)
                .body("detail", containsString(id.toString()));
        assertViolation(given().when().get("/api/v1/" + resource + "/not-a-uuid/history"), "id");
    }

    @Test
    void shouldRefuseBadPagingAndSorting() {
        var id = Fixtures.round();
        assertViolation(given().queryParam("size", 201).when().get("/api/v1/rounds/" + id + "/history"), "size");
        assertViolation(given().queryParam("page", -1).when().get("/api/v1/rounds/" + id + "/history"), "page");
        assertViolation(given().queryParam("sort", "at,asc").when().get("/api/v1/rounds/" + id + "/history"), "sort");
        given().contentType(ContentType.JSON).when().get("/api/v1/rounds/" + id + "/history").then().statusCode(200);
    }
}
