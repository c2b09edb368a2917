package org.commitmenttracker.common;

import static io.restassured.RestAssured.given;
import static org.commitmenttracker.common.Problems.assertProblem;
import static org.commitmenttracker.common.Problems.assertViolation;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.commitmenttracker.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Limits that protect the service: the size of a request body, and the size of a page. */
@QuarkusTest
class RequestLimitsTest {

    /** Over quarkus.http.limits.max-body-size (1M), with its length declared as clients send it. */
    @Test
    void shouldRefuseABodyOverTheLimitWithAProblem() throws Exception {
        var token = Fixtures.token();
        var body = ("{\"title\": \"" + token + "\", \"year\": 2021, \"issuer\": \"" + "长".repeat(400_000)
                + "\", \"publishedOn\": \"2021-04-01\"}").getBytes(StandardCharsets.UTF_8);
        var publisher = HttpRequest.BodyPublishers.ofByteArray(body);
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/rounds"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").POST(publisher).build();
        HttpResponse<String> answer;
        try {
            answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("the service closed the connection without an answer", e);
        }
        assertEquals(413, answer.statusCode(), answer.body());
        assertThat(answer.headers().firstValue("Content-Type").orElse(""), startsWith(Problems.PROBLEM_JSON));
        assertThat(answer.body(), containsString("\"status\":413"));
        assertThat(answer.body(), containsString("larger than"));
        given().queryParam("q", token).when().get("/api/v1/rounds").then().statusCode(200).body("total", equalTo(0));
    }

    /** A body of unannounced length (chunked), which Quarkus could only cut off with an empty 413 once too large. */
    @Test
    void shouldAskForTheLengthOfAChunkedBody() throws Exception {
        var token = Fixtures.token();
        var body = ("{\"title\": \"" + token + "\", \"year\": 2021, \"issuer\": \"" + "长".repeat(400_000)
                + "\", \"publishedOn\": \"2021-04-01\"}").getBytes(StandardCharsets.UTF_8);
        var publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/rounds"))
                .version(HttpClient.Version.HTTP_1_1).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").POST(publisher).build();
        HttpResponse<String> answer;
        try {
            answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("the service closed the connection without an answer", e);
        }
        assertEquals(411, answer.statusCode(), answer.body());
        assertThat(answer.headers().firstValue("Content-Type").orElse(""), startsWith(Problems.PROBLEM_JSON));
        assertThat(answer.body(), containsString("Content-Length"));
        given().queryParam("q", token).when().get("/api/v1/rounds").then().statusCode(200).body("total", equalTo(0));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "201", "-1", "abc", "99999999999999999999", "1.5" })
    void shouldRefuseAPageSizeOutsideOneTo200(String size) {
        assertViolation(given().queryParam("size", size).when().get("/api/v1/targets"), "size");
        assertViolation(given().queryParam("size", size).when().get("/api/v1/rounds/" + Fixtures.round() + "/history"),
                "size");
    }

    @ParameterizedTest
    @ValueSource(strings = { "-1", "1000001", "x" })
    void shouldRefuseAPageNumberOutOfRange(String page) {
        assertProblem(given().queryParam("page", page).when().get("/api/v1/commitments"), 400)
                .body("violations[0].field", equalTo("page"));
    }
}
