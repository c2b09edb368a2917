package org.commitmenttracker.progress;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A grouped table's JSON is written once and its bytes sent again: they must be exactly what Jackson writes for the
 * rows, whether the answer is the whole body, declared by its own type, or inside another value, and however long.
 */
@QuarkusTest
class WrittenOnceTest {

    record Row(String name, BigDecimal ratio, Map<String, Integer> counts, String note) {
    }

    @Inject
    ObjectMapper mapper;

    @Test
    void shouldWriteWhatJacksonWritesForTheRows() throws Exception {
        // 3,000 rows of Chinese text: far more than the generator's buffer, so the bytes are written in one piece
        var rows = new ArrayList<Row>();
        for (int i = 0; i < 3000; i++) {
            rows.add(new Row("第" + i + "局问题\"引号\"", new BigDecimal("1E-7").multiply(BigDecimal.valueOf(i)),
                    Map.of("MET", i), i % 2 == 0 ? null : "备注"));
        }
        var expected = mapper.writeValueAsString(rows);
        var answer = new WrittenOnce<>(rows);
        var declared = mapper.writerFor(new TypeReference<WrittenOnce<Row>>() {
        });

        assertEquals(expected, declared.writeValueAsString(answer), "first, when the bytes are written");
        assertEquals(expected, new String(answer.json, StandardCharsets.UTF_8), "the bytes kept");
        assertEquals(expected, declared.writeValueAsString(answer), "then from the bytes kept");
        assertEquals(expected, mapper.writeValueAsString(answer), "by its runtime type");
        var wrapper = new LinkedHashMap<String, Object>();
        wrapper.put("table", answer);
        wrapper.put("n", 1);
        assertEquals("{\"table\":" + expected + ",\"n\":1}", mapper.writeValueAsString(wrapper),
                "inside another value");
        assertEquals(rows, List.copyOf(answer), "it reads as its rows");
    }

    @Test
    void shouldServeSameGroupedTableFromBytesKeptAsWhenComputed() {
        var round = given().get("/api/v1/rounds").then().statusCode(200).extract().path("items[0].id");
        var path = "/api/v1/progress?groupBy=commitment&quarter=2021-Q3&roundId=" + round;
        var computed = given().accept("application/json").get(path).then().statusCode(200).extract().asString();
        var kept = given().accept("application/json").get(path).then().statusCode(200).extract().asString();

        assertEquals(computed, kept);
        assertEquals(given().accept("text/csv").get(path).then().statusCode(200).extract().asString().lines().count()
                - 1, ((List<?>) given().accept("application/json").get(path).then().extract().path("$")).size(),
                "CSV has a row per group, read from the same answer");
    }
}
