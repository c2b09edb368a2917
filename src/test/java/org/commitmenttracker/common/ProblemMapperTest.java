package org.commitmenttracker.common;

import static io.restassured.RestAssured.given;
import static org.commitmenttracker.common.Problems.assertProblem;
import static org.commitmenttracker.common.Problems.assertViolation;
import static org.commitmenttracker.common.Tokens.admin;
import static org.commitmenttracker.common.Tokens.with;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.commitmenttracker.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/** What every failure looks like on the wire, for the failures that belong to no single resource. */
@QuarkusTest
class ProblemMapperTest {

    private static final String JSON = "application/json; charset=UTF-8";

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/nope", "/api/v1/rounds/01a223be-14f2-76e0-a824-9fa01391facb/nope", "/api/v2/rounds",
            "/nope" })
    void shouldAnswerAProblemForAnUnknownPath(String path) {
        assertProblem(given().when().get(path), 404).body("detail", containsString(path)).body("instance", equalTo(path));
        assertProblem(with(admin()).contentType(JSON).body("{}").when().post(path), 404);
    }

    @Test
    void shouldAnswerAProblemForAnUnacceptableMediaType() {
        var id = Fixtures.round();
        assertProblem(given().accept("application/xml").when().get("/api/v1/rounds"), 406)
                .body("detail", containsString("text/csv"));
        assertProblem(given().accept("text/csv").when().get("/api/v1/rounds/" + id), 406)
                .body("detail", containsString("application/json"));
    }

    /** A broken %-escape in the path or the query is the client's mistake: a 400 problem, not an empty answer. */
    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/rounds/%zz", "/api/v1/rounds/%", "/%zz", "/api/v1/rounds?q=%zz", "/api/v1/rounds?q=%",
            "/api/v1/targets?dueBefore=%E9%9" })
    void shouldAnswerAProblemForABrokenPercentEncoding(String uri) {
        var answer = RawHttp.get(uri);
        assertEquals(400, answer.status(), answer.head());
        assertThat(answer.head().toLowerCase(), containsString("content-type: application/problem+json"));
        assertThat(answer.body(), containsString("\"type\":\"urn:commitment-tracker:problem:bad-request\""));
        assertThat(answer.body(), containsString("percent-encoded"));
        Problems.assertNoLeak(answer.body());
    }

    /** Characters java.net.URI refuses but clients send unencoded (Postman leaves braces as they are) still work. */
    @Test
    void shouldAcceptUnencodedBracesInTheQuery() {
        var answer = RawHttp.get("/api/v1/rounds?q={x}");
        assertEquals(200, answer.status(), answer.head());
        assertThat(answer.body(), containsString("\"total\":0"));
    }

    /** curl sends Chinese typed into a URL as raw UTF-8 bytes: the search must read them as the text they are. */
    @Test
    void shouldSearchForChineseSentAsRawUtf8() {
        var token = Fixtures.token();
        var id = Fixtures.round("测试 " + token + " 长者食堂建设", 2021, "2021-04-01");
        var answer = RawHttp.get("/api/v1/rounds?q=" + token + "%20长者食堂");
        assertEquals(200, answer.status(), answer.head());
        assertThat(answer.body(), containsString("\"total\":1"));
        assertThat(answer.body(), containsString(id));
        given().queryParam("q", token + " 長者食堂").when().get("/api/v1/rounds").then().body("total", equalTo(0));

        // text that is not UTF-8 read byte by byte stays as sent
        var cafe = Fixtures.round("café " + token, 2021, "2021-04-01");
        given().queryParam("q", "café " + token).when().get("/api/v1/rounds").then().body("items[0].id", equalTo(cafe))
                .body("total", equalTo(1));
    }

    /** An empty string is not a missing value: the violation says what the field should have been. */
    @Test
    void shouldRejectAnEmptyStringWhereAnIdOrEnumBelongs() {
        var commitment = Fixtures.commitment();
        assertViolation(with(admin()).contentType(JSON).body(Map.of("commitmentId", "", "name", "棚户区改造开工", "unit", "套",
                "measure", "NUMBER", "targetValue", 1, "dueDate", "2021-12-31")).when().post("/api/v1/targets"),
                "commitmentId").body("violations[0].message", containsString("UUID"));
        assertViolation(with(admin()).contentType(JSON).body(Map.of("commitmentId", commitment, "name", "棚户区改造开工",
                "unit", "套", "measure", "", "targetValue", 1, "dueDate", "2021-12-31")).when().post("/api/v1/targets"),
                "measure").body("violations[0].message", containsString("NUMBER"));
        given().queryParam("commitmentId", commitment).when().get("/api/v1/targets").then().body("total", equalTo(0));
    }

    @Test
    void shouldRejectContentAfterTheJsonValue() {
        var code = Fixtures.token();
        assertViolation(with(admin()).contentType(JSON).body("{\"code\": \"" + code + "\", \"name\": \"测试局\"} {\"a\": 1}")
                .when().post("/api/v1/departments"), "body")
                .body("violations[0].message", equalTo("unexpected content after the JSON value"));
        given().queryParam("code", code).when().get("/api/v1/departments").then().body("total", equalTo(0));
    }

    /** A field set elsewhere on one resource is just an unknown field on another. */
    @Test
    void shouldNameTheEndpointOnlyForTheResourceWhoseFieldIsSetElsewhere() {
        var token = Fixtures.token();
        assertViolation(with(admin()).contentType(JSON).body(Map.of("title", token, "year", 2021, "issuer", "机关",
                "publishedOn", "2021-04-01", "status", "VERIFIED")).when().post("/api/v1/rounds"), "status")
                .body("violations[0].message", equalTo("unknown field 'status'"));
    }

    /** Every date parameter takes exactly YYYY-MM-DD within 1949-01-01..2100-12-31, as bodies do; never a 500. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "/api/v1/targets|dueBefore", "/api/v1/targets|dueAfter",
            "/api/v1/milestones|dueBefore", "/api/v1/milestones|asOf", "/api/v1/progress-reports|from",
            "/api/v1/progress-reports|to" })
    void shouldRejectADateParameterOutsideTheApiRange(String path, String name) {
        var overdue = name.equals("asOf") ? Map.of("overdue", "true") : Map.<String, String>of();
        for (var date : new String[] { "+999999999-12-31", "-999999999-01-01", "2101-01-01", "1948-12-31", "21-1-1" }) {
            assertViolation(given().queryParams(overdue).queryParam(name, date).when().get(path), name);
        }
        for (var date : new String[] { "1949-01-01", "2100-12-31" }) {
            given().queryParams(overdue).queryParam(name, date).when().get(path).then().statusCode(200);
        }
    }

    @Test
    void shouldRejectDeeplyNestedJson() {
        var token = Fixtures.token();
        assertViolation(with(admin()).contentType(JSON).body("[".repeat(3000) + "]".repeat(3000)).when().post("/api/v1/rounds"),
                "body");
        var nested = "{\"title\": \"" + token + "\", \"issuer\": " + "{\"a\": ".repeat(3000) + "1" + "}".repeat(3001);
        assertProblem(with(admin()).contentType(JSON).body(nested).when().post("/api/v1/rounds"), 400);
        given().queryParam("q", token).when().get("/api/v1/rounds").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldRejectAnOverlongNumber() {
        var token = Fixtures.token();
        var body = "{\"title\": \"" + token + "\", \"year\": " + "1".repeat(2000)
                + ", \"issuer\": \"机关\", \"publishedOn\": \"2021-04-01\"}";
        assertProblem(with(admin()).contentType(JSON).body(body).when().post("/api/v1/rounds"), 400);
        given().queryParam("q", token).when().get("/api/v1/rounds").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldRejectBytesThatAreNotUtf8() {
        var token = Fixtures.token();
        var bytes = new ByteArrayOutputStream();
        bytes.writeBytes(("{\"title\": \"" + token).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] { (byte) 0xff, (byte) 0xfe, (byte) 0xc3 });
        bytes.writeBytes("\", \"year\": 2021, \"issuer\": \"机关\", \"publishedOn\": \"2021-04-01\"}".getBytes(StandardCharsets.UTF_8));
        assertViolation(with(admin()).contentType(JSON).body(bytes.toByteArray()).when().post("/api/v1/rounds"), "title");
        given().queryParam("q", token).when().get("/api/v1/rounds").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldNameTheProblemTypeAndInstance() {
        var id = UUID.randomUUID();
        assertProblem(given().when().get("/api/v1/departments/" + id), 404)
                .body("type", equalTo("urn:commitment-tracker:problem:not-found"))
                .body("title", equalTo("Not found"))
                .body("instance", equalTo("/api/v1/departments/" + id));
        assertViolation(given().queryParam("size", 0).when().get("/api/v1/commitments"), "size")
                .body("type", equalTo("urn:commitment-tracker:problem:validation-failed"))
                .body("detail", containsString("size"));
    }
}
