package org.commitmenttracker;

import static org.commitmenttracker.common.Tokens.admin;
import static org.commitmenttracker.common.Tokens.reporter;
import static org.commitmenttracker.common.Tokens.reviewer;
import static org.commitmenttracker.common.Tokens.with;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.commitmenttracker.common.Api;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Creates the data a test needs through the API, each call with fresh unique codes so tests never collide, and with
 * the token of the role that may write it: admin, the reporter of the department concerned, or a reviewer.
 */
public final class Fixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();

    /** Department code of each commitment looked up, so that reports on many targets cost no extra reads. */
    private static final Map<String, String> DEPARTMENT_OF_COMMITMENT = new ConcurrentHashMap<>();

    private Fixtures() {
    }

    /** Creates with an admin token. */
    public static String post(String path, Map<String, ?> body) {
        return post(admin(), path, body);
    }

    public static String post(String token, String path, Map<String, ?> body) {
        return with(token).contentType(ContentType.JSON).body(body)
                .when().post(path)
                .then().statusCode(201)
                .extract().path("id");
    }

    public static String round() {
        return post("/api/v1/rounds", Map.of("title", "测试评议批次 " + UUID.randomUUID(), "year", 2021,
                "issuer", "淄博市人大常委会", "publishedOn", "2021-04-01"));
    }

    public static String department() {
        return post("/api/v1/departments", Map.of("code", "t" + UUID.randomUUID().toString().substring(0, 8),
                "name", "测试局" + SEQ.incrementAndGet()));
    }

    /** A commitment seq (1–999, as the API allows); rows that share a round and department get different ones. */
    private static int seq() {
        return 1 + SEQ.incrementAndGet() % 999;
    }

    /** A short unique lower-case token, to find a test's own rows among everything else in the database. */
    public static String token() {
        return "h" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    public static String round(String title, int year, String publishedOn) {
        return post("/api/v1/rounds", Map.of("title", title, "year", year, "issuer", "淄博市人大常委会",
                "publishedOn", publishedOn));
    }

    public static String department(String code, String name) {
        return post("/api/v1/departments", Map.of("code", code, "name", name));
    }

    public static String commitment(String roundId, String departmentId) {
        var body = new HashMap<String, Object>();
        body.put("roundId", roundId);
        body.put("departmentId", departmentId);
        body.put("seq", seq());
        body.put("title", "测试问题");
        body.put("measures", List.of(Map.of("seq", 1, "title", "措施", "text", "做好工作")));
        return post("/api/v1/commitments", body);
    }

    public static String commitment() {
        return commitment(round(), department());
    }

    /** A NUMBER target: fields may be overridden by {@code overrides}. */
    public static String target(String commitmentId, Map<String, Object> overrides) {
        var body = new HashMap<String, Object>();
        body.put("commitmentId", commitmentId);
        body.put("name", "棚户区改造开工");
        body.put("unit", "套");
        body.put("measure", "NUMBER");
        body.put("direction", "INCREASE");
        body.put("targetValue", 10500);
        body.put("startDate", "2021-01-01");
        body.put("dueDate", "2021-12-31");
        body.putAll(overrides);
        return post("/api/v1/targets", body);
    }

    public static String milestone(String commitmentId, String targetId, String dueDate, Object plannedValue) {
        var body = new HashMap<String, Object>();
        body.put("commitmentId", commitmentId);
        body.put("dueDate", dueDate);
        body.put("description", "阶段目标 " + dueDate);
        if (targetId != null) {
            body.put("targetId", targetId);
        }
        if (plannedValue != null) {
            body.put("plannedValue", plannedValue);
        }
        return post("/api/v1/milestones", body);
    }

    /** A report filed by the reporter of the target's department. */
    public static String report(String targetId, String asOf, Object value) {
        return post(reporterOfTarget(targetId), "/api/v1/progress-reports",
                Map.of("targetId", targetId, "asOf", asOf, "value", value));
    }

    /** The token of the reporter of this target's department. */
    public static String reporterOfTarget(String targetId) {
        return reporterOfCommitment(Api.read("/api/v1/targets/" + targetId).getString("commitmentId"));
    }

    /** The token of the reporter of this milestone's department. */
    public static String reporterOfMilestone(String milestoneId) {
        return reporterOfCommitment(Api.read("/api/v1/milestones/" + milestoneId).getString("commitmentId"));
    }

    /** The token of the reporter of this commitment's department. */
    public static String reporterOfCommitment(String commitmentId) {
        return reporter(DEPARTMENT_OF_COMMITMENT.computeIfAbsent(commitmentId, id -> Api.read("/api/v1/departments/"
                + Api.read("/api/v1/commitments/" + id).getString("departmentId")).getString("code")));
    }

    /** A round published on {@code publishedOn}: the start of the quarter series of targets without a startDate. */
    public static String round(String publishedOn) {
        return post("/api/v1/rounds", Map.of("title", "测试评议批次 " + UUID.randomUUID(), "year", 2021,
                "issuer", "淄博市人大常委会", "publishedOn", publishedOn));
    }

    public static String commitment(String roundId, String departmentId, String title) {
        var body = new HashMap<String, Object>();
        body.put("roundId", roundId);
        body.put("departmentId", departmentId);
        body.put("seq", seq());
        body.put("title", title);
        body.put("measures", List.of(Map.of("seq", 1, "title", "措施", "text", "做好工作")));
        return post("/api/v1/commitments", body);
    }

    /** Reviews a submitted report: VERIFIED, or RETURNED (with the comment a return needs). */
    public static void review(String reportId, String decision) {
        var body = "RETURNED".equals(decision) ? Map.of("decision", decision, "comment", "请补充佐证材料")
                : Map.of("decision", decision);
        with(reviewer()).contentType(ContentType.JSON).body(body)
                .header("If-Match", Api.etag("/api/v1/progress-reports/" + reportId))
                .when().post("/api/v1/progress-reports/" + reportId + "/review")
                .then().statusCode(200);
    }

    /** Marks a qualitative milestone completed on {@code completedOn}, as its department's reporter. */
    public static void complete(String milestoneId, String completedOn) {
        with(reporterOfMilestone(milestoneId)).contentType(ContentType.JSON).body(Map.of("completedOn", completedOn))
                .when().post("/api/v1/milestones/" + milestoneId + "/completion")
                .then().statusCode(200);
    }

    /**
     * A write as whoever may make it, with the If-Match of the row it changes: the reviewer for a review, the
     * department's reporter for reports and completions, an admin for the rest. For tests about something else
     * than who may write (history, limits, the dashboard), so they read as the write they make.
     */
    public static RequestSpecification writer(String method, String path, Map<String, ?> body) {
        var resource = path.replaceFirst("/(review|completion)$", "");
        String token;
        if (path.endsWith("/review")) {
            token = reviewer();
        } else if (path.endsWith("/completion")) {
            token = reporterOfMilestone(resource.substring(resource.lastIndexOf('/') + 1));
        } else if (path.startsWith("/api/v1/progress-reports")) {
            var targetId = body != null && body.get("targetId") != null ? (String) body.get("targetId")
                    : Api.read(resource).getString("targetId");
            token = reporterOfTarget(targetId);
        } else {
            token = admin();
        }
        var request = with(token);
        if (!method.equals("POST") || path.endsWith("/review")) {
            request.header("If-Match", Api.etag(resource));
        }
        return request;
    }
}
