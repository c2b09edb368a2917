package org.commitmenttracker.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.commitmenttracker.Fixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Cross-origin use of the API by browser front-ends. */
@QuarkusTest
class CorsTest {

    /** A front-end on another origin may write (preflight) and read the ETag and Location it needs. */
    @Test
    void shouldLetABrowserFrontEndOnAnotherOriginUseTheApi() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "content-type,if-match,idempotency-key")
                .when().options("/api/v1/rounds/" + UUID.randomUUID())
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:3000"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"));
        var id = Fixtures.round();
        given().header("Origin", "http://localhost:3000").when().get("/api/v1/rounds/" + id)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:3000"))
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }
}
