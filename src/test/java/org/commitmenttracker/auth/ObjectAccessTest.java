package org.commitmenttracker.auth;

import static org.commitmenttracker.common.Problems.assertProblem;
import static org.commitmenttracker.common.Problems.assertViolation;
import static org.commitmenttracker.common.Tokens.reporter;
import static org.commitmenttracker.common.Tokens.reviewer;
import static org.commitmenttracker.common.Tokens.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.commitmenttracker.Fixtures;
import org.commitmenttracker.common.Api;
import org.commitmenttracker.common.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The rules roles alone cannot express: a reporter writes only for its own department, whichever path it takes (a
 * targetId in a body, a PATCH or PUT moving a report, a milestone id, an Idempotency-Key replay); reportedBy is the
 * token's subject; nobody reviews a report they filed.
 */
@QuarkusTest
class ObjectAccessTest {

    private static final String REPORTS = "/api/v1/progress-reports";
    private static final String JSON = "application/json";

    private AccessWorld mine;
    private AccessWorld theirs;

    @BeforeEach
    void createTwoDepartments() {
        mine = new AccessWorld();
        theirs = new AccessWorld();
    }

    private static Map<String, Object> report(String targetId, Object value) {
        return Map.of("targetId", targetId, "asOf", "2021-06-29", "value", value);
    }

    @Test
    void shouldNotFileAReportOnAnotherDepartmentsTarget() {
        assertProblem(with(reporter(mine.code)).contentType(JSON).body(report(theirs.target, 1)).when().post(REPORTS), 403)
                .body("detail", containsString(theirs.code));
        assertEquals(1, Api.list(REPORTS, "targetId", theirs.target).getInt("total"));
    }

    @Test
    void shouldNotMoveAReportToAnotherDepartmentsTarget() {
        var path = REPORTS + "/" + mine.report;
        assertProblem(with(reporter(mine.code)).header("If-Match", "\"0\"").contentType("application/merge-patch+json")
                .body(Map.of("targetId", theirs.target)).when().patch(path), 403);
        assertProblem(with(reporter(mine.code)).header("If-Match", "\"0\"").contentType(JSON)
                .body(report(theirs.target, 4500)).when().put(path), 403);
        var stored = Api.read(path);
        assertEquals(mine.target, stored.getString("targetId"));
        assertEquals(0, stored.getInt("version"));
    }

    @Test
    void shouldNotChangeDeleteOrCompleteAnotherDepartmentsRows() {
        var path = REPORTS + "/" + theirs.report;
        var stranger = reporter(mine.code);
        assertProblem(with(stranger).header("If-Match", "\"0\"").contentType("application/merge-patch+json")
                .body(Map.of("value", 1)).when().patch(path), 403);
        assertProblem(with(stranger).header("If-Match", "\"0\"").when().delete(path), 403);
        assertProblem(with(stranger).contentType(JSON).body(Map.of("completedOn", "2021-06-30"))
                .when().post("/api/v1/milestones/" + theirs.milestone + "/completion"), 403);
        assertEquals(0, Api.read(path).getInt("version"));
        assertNull(Api.read("/api/v1/milestones/" + theirs.milestone).getString("completedOn"));
    }

    @Test
    void shouldRefuseAReporterWhoseTokenNamesNoDepartment() {
        var anonymousDepartment = Tokens.as("reporter-nowhere", Set.of("reporter"), null);
        assertProblem(with(anonymousDepartment).contentType(JSON).body(report(mine.target, 1)).when().post(REPORTS), 403)
                .body("detail", containsString("department"));
    }

    @Test
    void shouldTakeReportedByFromTheTokenAndRefuseItInBodies() {
        var body = new HashMap<String, Object>(report(mine.target, 10));
        body.put("reportedBy", "somebody else");
        assertViolation(with(reporter(mine.code)).contentType(JSON).body(body).when().post(REPORTS), "reportedBy")
                .body("violations[0].message", containsString("token"));
        var filer = Tokens.as("wang.fang", Set.of("reporter"), mine.code);
        with(filer).contentType(JSON).body(report(mine.target, 10)).when().post(REPORTS)
                .then().statusCode(201).body("reportedBy", equalTo("wang.fang"));
    }

    @Test
    void shouldNotLetAReviewerReviewItsOwnReport() {
        var both = Tokens.as("li.wei", Set.of("reporter", "reviewer"), mine.code);
        var id = Fixtures.post(both, REPORTS, report(mine.target, 4800));
        var review = REPORTS + "/" + id + "/review";
        assertProblem(with(both).header("If-Match", "\"0\"").contentType(JSON).body(Map.of("decision", "VERIFIED"))
                .when().post(review), 403).body("detail", containsString("li.wei"));
        assertEquals("SUBMITTED", Api.read(REPORTS + "/" + id).getString("status"));
        with(reviewer()).header("If-Match", "\"0\"").contentType(JSON).body(Map.of("decision", "VERIFIED"))
                .when().post(review).then().statusCode(200).body("status", equalTo("VERIFIED"));
    }

    @Test
    void shouldNotLetAReportingReviewerReviewAnotherDepartment() {
        var both = Tokens.as("zhao.lei", Set.of("reporter", "reviewer"), mine.code);
        assertProblem(with(both).header("If-Match", "\"0\"").contentType(JSON).body(Map.of("decision", "VERIFIED"))
                .when().post(REPORTS + "/" + theirs.report + "/review"), 403);
        assertEquals("SUBMITTED", Api.read(REPORTS + "/" + theirs.report).getString("status"));
    }

    /** A key is its caller's: another department's reporter reusing it is a new request, refused, never a replay. */
    @Test
    void shouldNotReplayAnIdempotentReportToAnotherCaller() {
        var key = UUID.randomUUID().toString();
        var body = report(mine.target, 4900);
        var first = with(reporter(mine.code)).header("Idempotency-Key", key).contentType(JSON).body(body)
                .when().post(REPORTS).then().statusCode(201).extract().path("id");
        assertProblem(with(reporter(theirs.code)).header("Idempotency-Key", key).contentType(JSON).body(body)
                .when().post(REPORTS), 403);
        // the same subject with a token for another department is another caller too
        var moved = Tokens.as("reporter-" + mine.code, Set.of("reporter"), theirs.code);
        assertProblem(with(moved).header("Idempotency-Key", key).contentType(JSON).body(body).when().post(REPORTS), 403);
        with(reporter(mine.code)).header("Idempotency-Key", key).contentType(JSON).body(body).when().post(REPORTS)
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        assertEquals(2, Api.list(REPORTS, "targetId", mine.target).getInt("total"));
    }
}
