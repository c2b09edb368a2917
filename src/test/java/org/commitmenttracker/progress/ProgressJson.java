package org.commitmenttracker.progress;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Reads progress answers with every number as an exact BigDecimal, and checks rows field by field. */
final class ProgressJson {

    static final String[] STATUSES = { "MET", "ON_TRACK", "BEHIND", "NO_DATA", "NOT_DUE", "MISSED" };

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private ProgressJson() {
    }

    static JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET {@code path} with query parameters given as name, value, name, value …; expects 200 and JSON. */
    static JsonNode get(String path, String... query) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < query.length; i += 2) {
            params.put(query[i], query[i + 1]);
        }
        return parse(given().queryParams(params).accept("application/json")
                .when().get(path)
                .then().statusCode(200).contentType("application/json")
                .extract().asString());
    }

    /** The number at {@code field} of {@code node}, or null when it is absent or JSON null. */
    static BigDecimal decimal(JsonNode node, String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        assertTrue(value.isNumber(), () -> field + " should be a JSON number, was " + value);
        return value.decimalValue();
    }

    /** Exact comparison: {@code expected} null means the field must be null. */
    static void assertDecimal(String expected, JsonNode node, String field) {
        var actual = decimal(node, field);
        if (expected == null) {
            assertEquals(null, actual, () -> field + " of " + node);
            return;
        }
        assertNotNull(actual, () -> field + " of " + node + " should be " + expected);
        assertEquals(0, new BigDecimal(expected).compareTo(actual),
                () -> field + " of " + node + ": expected " + expected + ", got " + actual.toPlainString());
    }

    static String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** One row of a target's series. */
    static void assertTargetRow(JsonNode row, String quarter, String periodEnd, String actual, String planned,
            String completionRatio, String planAttainment, String status) {
        assertEquals(quarter, text(row, "quarter"), () -> "quarter of " + row);
        assertEquals(periodEnd, text(row, "periodEnd"), () -> "periodEnd of " + row);
        assertDecimal(actual, row, "actual");
        assertDecimal(planned, row, "planned");
        assertDecimal(completionRatio, row, "completionRatio");
        assertDecimal(planAttainment, row, "planAttainment");
        assertEquals(status, text(row, "status"), () -> "status of " + row);
    }

    /**
     * One roll-up row; {@code counts} names the statuses with a non-zero count, every other status must be there
     * with 0.
     */
    static void assertRollupRow(JsonNode row, String quarter, String completionRatio, int targets,
            Map<String, Integer> counts, int milestonesDue, int milestonesDone, String onTimeRatio) {
        assertEquals(quarter, text(row, "quarter"), () -> "quarter of " + row);
        assertDecimal(completionRatio, row, "completionRatio");
        assertEquals(targets, row.get("targets").asInt(), () -> "targets of " + row);
        assertStatusCounts(row, counts);
        assertEquals(milestonesDue, row.get("milestonesDue").asInt(), () -> "milestonesDue of " + row);
        assertEquals(milestonesDone, row.get("milestonesDone").asInt(), () -> "milestonesDone of " + row);
        assertDecimal(onTimeRatio, row, "onTimeRatio");
    }

    static void assertStatusCounts(JsonNode row, Map<String, Integer> counts) {
        var statusCounts = row.get("statusCounts");
        assertNotNull(statusCounts, () -> "statusCounts of " + row);
        assertEquals(STATUSES.length, statusCounts.size(), () -> "all six statuses, no more, in " + row);
        for (var status : STATUSES) {
            assertTrue(statusCounts.has(status), () -> status + " missing from " + row);
            assertEquals(counts.getOrDefault(status, 0), statusCounts.get(status).asInt(),
                    () -> "statusCounts." + status + " of " + row);
        }
    }
}
