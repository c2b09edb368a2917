package org.commitmenttracker;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;

/** Creates the data a test needs through the API, each call with fresh unique codes so tests never collide. */
public final class Fixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private Fixtures() {
    }

    public static String post(String path, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body)
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
        body.put("seq", SEQ.incrementAndGet());
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

    public static String report(String targetId, String asOf, Object value) {
        return post("/api/v1/progress-reports", Map.of("targetId", targetId, "asOf", asOf, "value", value));
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
        body.put("seq", SEQ.incrementAndGet());
        body.put("title", title);
        body.put("measures", List.of(Map.of("seq", 1, "title", "措施", "text", "做好工作")));
        return post("/api/v1/commitments", body);
    }

    /** Reviews a submitted report: VERIFIED, or RETURNED (with the comment a return needs). */
    public static void review(String reportId, String decision) {
        var body = "RETURNED".equals(decision) ? Map.of("decision", decision, "comment", "请补充佐证材料")
                : Map.of("decision", decision);
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/progress-reports/" + reportId + "/review")
                .then().statusCode(200);
    }

    /** Marks a qualitative milestone completed on {@code completedOn}. */
    public static void complete(String milestoneId, String completedOn) {
        given().contentType(ContentType.JSON).body(Map.of("completedOn", completedOn))
                .when().post("/api/v1/milestones/" + milestoneId + "/completion")
                .then().statusCode(200);
    }
}
