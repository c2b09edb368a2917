package org.commitmenttracker.auth;

import static org.commitmenttracker.common.Tokens.admin;
import static org.commitmenttracker.common.Tokens.reporter;
import static org.commitmenttracker.common.Tokens.reviewer;
import static org.commitmenttracker.common.Tokens.with;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commitmenttracker.Fixtures;
import org.commitmenttracker.common.Api;
import org.commitmenttracker.common.Tokens;

import io.restassured.response.Response;

/**
 * One department's data for the access tests: a round, the department, a commitment, a target, a qualitative
 * milestone and a report filed by the department's reporter, plus spare rows that can be deleted. Sends any
 * operation of the API as any kind of caller, with a valid body and the current If-Match.
 */
final class AccessWorld {

    /** The kinds of callers the access rules tell apart. */
    enum Who {
        ANONYMOUS, NO_ROLE, ADMIN, REVIEWER, OWN_REPORTER, OTHER_REPORTER
    }

    /** One operation of openapi.yaml: its method, path template and operationId. */
    record Operation(String method, String path, String id) {

        boolean isRead() {
            return method.equals("GET");
        }

        @Override
        public String toString() {
            return id;
        }
    }

    final String code = Fixtures.token();
    final String department = Fixtures.department(code, "权限测试局 " + code);
    final String round = Fixtures.round();
    final String commitment = Fixtures.commitment(round, department);
    final String target = Fixtures.target(commitment, Map.of());
    final String milestone = Fixtures.milestone(commitment, null, "2021-06-30", null);
    final String report = Fixtures.report(target, "2021-06-28", 4500);
    private final Map<String, String> ids = Map.of("rounds", round, "departments", department,
            "commitments", commitment, "targets", target, "milestones", milestone, "progress-reports", report);
    private final Map<String, String> spare = new HashMap<>();

    String token(Who who) {
        return switch (who) {
            case ANONYMOUS -> null;
            case NO_ROLE -> Tokens.as("nobody", Set.of(), null);
            case ADMIN -> admin();
            case REVIEWER -> reviewer();
            case OWN_REPORTER -> reporter(code);
            case OTHER_REPORTER -> reporter(Fixtures.token());
        };
    }

    /** The concrete path of {@code operation}: {id} is this world's row (a spare one for DELETE). */
    String path(Operation operation) {
        var collection = operation.path().replaceFirst("^/api/v1/", "").replaceFirst("/.*", "");
        if (!operation.path().contains("{id}")) {
            return operation.path();
        }
        var id = operation.method().equals("DELETE") ? spare(collection) : ids.get(collection);
        return operation.path().replace("{id}", id);
    }

    /** The path of the row an operation changes, whose ETag its If-Match names. */
    String resource(Operation operation) {
        return path(operation).replaceFirst("/(review|completion)$", "");
    }

    /** Sends {@code operation} as {@code who} with a valid body and {@code ifMatch} (null: none). */
    Response send(Operation operation, Who who, String ifMatch) {
        var token = token(who);
        var request = token == null ? io.restassured.RestAssured.given() : with(token);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (operation.path().equals("/api/v1/imports")) {
            // a preview of a small letter: nothing is written, so every caller sees the same world
            return request.contentType("text/plain; charset=utf-8").body(LETTER)
                    .queryParam("year", 2021).queryParam("title", "权限测试批次").queryParam("issuer", "淄博市人大常委会")
                    .queryParam("publishedOn", "2021-04-01")
                    .when().post(operation.path()).andReturn();
        }
        var body = body(operation);
        if (body != null) {
            request.contentType(operation.method().equals("PATCH") ? "application/merge-patch+json" : "application/json")
                    .body(body);
        }
        return request.when().request(operation.method(), path(operation)).andReturn();
    }

    /** The current ETag of what {@code operation} changes, or null for a create. */
    String etag(Operation operation) {
        return operation.path().contains("{id}") ? Api.etag(resource(operation)) : null;
    }

    private String spare(String collection) {
        return spare.computeIfAbsent(collection, c -> switch (c) {
            case "rounds" -> Fixtures.round();
            case "departments" -> Fixtures.department();
            case "commitments" -> Fixtures.commitment(round, department);
            case "targets" -> Fixtures.target(commitment, Map.of());
            default -> ids.get(c);
        });
    }

    private static final String LETTER = """
            市权限测试局
            一、测试问题
            (一)整改目标
            年底前完成改造10处。
            """;

    private Map<String, Object> body(Operation operation) {
        var kind = operation.method();
        var path = operation.path();
        if (kind.equals("GET") || kind.equals("DELETE")) {
            return null;
        }
        if (path.endsWith("/review")) {
            return Map.of("decision", "VERIFIED");
        }
        if (path.endsWith("/completion")) {
            return Map.of("completedOn", "2021-06-30");
        }
        var collection = path.replaceFirst("^/api/v1/", "").replaceFirst("/.*", "");
        if (kind.equals("PATCH")) {
            return switch (collection) {
                case "rounds" -> Map.of("issuer", "淄博市人民政府");
                case "departments" -> Map.of("name", "改名局 " + code);
                case "commitments" -> Map.of("title", "改过的问题");
                case "targets" -> Map.of("name", "改过的指标");
                case "milestones" -> Map.of("description", "改过的阶段");
                case "progress-reports" -> Map.of("value", 4600);
                default -> throw new IllegalArgumentException(path);
            };
        }
        var body = new LinkedHashMap<String, Object>();
        switch (collection) {
            case "rounds" -> {
                body.put("title", "权限测试批次 " + Fixtures.token());
                body.put("year", 2021);
                body.put("issuer", "淄博市人大常委会");
                body.put("publishedOn", "2021-04-01");
            }
            case "departments" -> {
                body.put("code", kind.equals("PUT") ? code : Fixtures.token());
                body.put("name", "权限测试局 " + Fixtures.token());
            }
            case "commitments" -> {
                // a new commitment goes to a round of its own, so that its seq is free; a replaced one keeps its own
                var replaced = kind.equals("PUT");
                body.put("roundId", replaced ? round : Fixtures.round());
                body.put("departmentId", department);
                body.put("seq", replaced ? Api.read("/api/v1/commitments/" + commitment).getInt("seq") : 1);
                body.put("title", "权限测试问题");
                body.put("measures", List.of(Map.of("seq", 1, "title", "措施", "text", "做好工作")));
            }
            case "targets" -> {
                body.put("commitmentId", commitment);
                body.put("name", "权限测试指标");
                body.put("unit", "套");
                body.put("measure", "NUMBER");
                body.put("direction", "INCREASE");
                body.put("targetValue", 100);
                body.put("dueDate", "2021-12-31");
                body.put("reason", "权限测试");
            }
            case "milestones" -> {
                body.put("commitmentId", commitment);
                body.put("dueDate", "2021-09-30");
                body.put("description", "权限测试阶段");
            }
            case "progress-reports" -> {
                body.put("targetId", target);
                body.put("asOf", "2021-06-29");
                body.put("value", 4700);
            }
            default -> throw new IllegalArgumentException(path);
        }
        return body;
    }
}
