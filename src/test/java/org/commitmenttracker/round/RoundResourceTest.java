package org.commitmenttracker.round;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class RoundResourceTest {

    @Test
    void shouldCreateAndReadRound() {
        var location = given().contentType(ContentType.JSON)
                .body(Map.of("title", "第二批次", "year", 2022, "issuer", "淄博市人大常委会", "publishedOn", "2022-03-01"))
                .when().post("/api/v1/rounds")
                .then().statusCode(201).header("Location", notNullValue()).header("ETag", "\"0\"")
                .extract().header("Location");
        given().when().get(location).then().statusCode(200).body("title", equalTo("第二批次")).body("year", equalTo(2022));
    }
}
