package org.commitmenttracker.common;

import static io.restassured.RestAssured.given;
import static org.commitmenttracker.common.Problems.assertViolation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.commitmenttracker.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The limits openapi.yaml states are the ones the service applies: a value at a limit is accepted, one past it is a
 * 400 naming the field. The limits are read from the contract, so the two cannot drift apart unnoticed.
 */
@QuarkusTest
class LimitsTest {

    private static JsonNode schemas;

    @BeforeAll
    static void readContract() throws Exception {
        schemas = new YAMLMapper().readTree(Path.of("openapi.yaml").toFile()).path("components").path("schemas");
    }

    private static int limit(String schema, String property, String keyword) {
        var value = schemas.path(schema).path("properties").path(property).path(keyword);
        if (!value.isNumber()) {
            throw new AssertionError(schema + "." + property + " has no " + keyword + " in openapi.yaml");
        }
        return value.asInt();
    }

    /** Every write of this class goes through here, so that a token or If-Match is added in one place. */
    private static Response post(String path, Map<String, ?> body) {
        var token = body.containsKey("targetId") ? Fixtures.reporterOfTarget((String) body.get("targetId")) : Tokens.admin();
        return Tokens.with(token).contentType(ContentType.JSON).body(body).when().post(path);
    }

    @Test
    void shouldAcceptStringsUpToTheirMaxLengthAndRefuseLonger() {
        int max = limit("DepartmentRequest", "name", "maxLength");

        var atLimit = post("/api/v1/departments", Map.of("code", code(), "name", "局".repeat(max)));
        var overLimit = post("/api/v1/departments", Map.of("code", code(), "name", "局".repeat(max + 1)));

        assertEquals(201, atLimit.statusCode(), atLimit.asString());
        assertViolation(overLimit, "name");
    }

    @Test
    void shouldAcceptListsUpToTheirMaxItemsAndRefuseLonger() {
        int max = limit("ProgressReportRequest", "evidenceUrls", "maxItems");
        var target = Fixtures.target(Fixtures.commitment(), Map.of());

        var atLimit = post("/api/v1/progress-reports", report(target, "1", max));
        var overLimit = post("/api/v1/progress-reports", report(target, "1", max + 1));

        assertEquals(201, atLimit.statusCode(), atLimit.asString());
        assertViolation(overLimit, "evidenceUrls");
    }

    @Test
    void shouldAcceptNumbersWithinTheirBoundsAndRefuseOthers() {
        var bound = schemas.path("ProgressReportRequest").path("properties").path("value").path("exclusiveMaximum")
                .decimalValue();
        var target = Fixtures.target(Fixtures.commitment(), Map.of());

        var largest = post("/api/v1/progress-reports", report(target, "999999999999999.999999", 0));
        var tooLarge = post("/api/v1/progress-reports", report(target, bound.toPlainString(), 0));
        var tooSmall = post("/api/v1/progress-reports", report(target, bound.negate().toPlainString(), 0));

        assertEquals(0, new BigDecimal("1E15").compareTo(bound));
        assertEquals(201, largest.statusCode(), largest.asString());
        assertViolation(tooLarge, "value");
        assertViolation(tooSmall, "value");
    }

    @Test
    void shouldRefusePagesLargerThanTheContractAllows() {
        var size = schemas.path("DepartmentPage").path("properties").path("size").path("maximum").asInt();

        given().queryParam("size", size).when().get("/api/v1/departments").then().statusCode(200);
        assertViolation(given().queryParam("size", size + 1).when().get("/api/v1/departments"), "size");
    }

    private static Map<String, Object> report(String target, String value, int evidence) {
        var body = new HashMap<String, Object>();
        body.put("targetId", target);
        body.put("asOf", "2021-06-28");
        body.put("value", new BigDecimal(value));
        body.put("evidenceUrls", Collections.nCopies(evidence, "https://www.zibo.gov.cn/"));
        return body;
    }

    private static String code() {
        return "l" + UUID.randomUUID().toString().substring(0, 8);
    }
}
