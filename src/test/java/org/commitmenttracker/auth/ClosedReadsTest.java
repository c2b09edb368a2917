package org.commitmenttracker.auth;

import static io.restassured.RestAssured.given;
import static org.commitmenttracker.common.Problems.assertProblem;
import static org.commitmenttracker.common.Tokens.with;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.Set;

import org.commitmenttracker.common.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With tracker.auth.public-reads=false every read needs a valid token (of any role); health stays open. */
@QuarkusTest
@TestProfile(ClosedReadsTest.ClosedReads.class)
class ClosedReadsTest {

    public static class ClosedReads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tracker.auth.public-reads", "false");
        }
    }

    @Test
    void shouldRefuseAnonymousReads() {
        for (var path : new String[] { "/api/v1/rounds", "/api/v1/departments?code=zjj",
                "/api/v1/progress?quarter=2021-Q3&groupBy=department", "/api/v1/rounds/01a225b4-cc97-795f-bdd3-7df01ff8b6fd" }) {
            assertProblem(given().when().get(path), 401)
                    .header("WWW-Authenticate", startsWith("Bearer realm=\"commitment-tracker\""));
        }
    }

    @Test
    void shouldRefuseReadsWithAnInvalidToken() {
        assertProblem(given().header("Authorization", AccessMatrixTest.invalidTokens().get("expired"))
                .when().get("/api/v1/rounds"), 401);
    }

    @Test
    void shouldLetAnyValidTokenRead() {
        with(Tokens.as("reader", Set.of(), null)).when().get("/api/v1/rounds").then().statusCode(200);
        with(Tokens.reporter("zjj")).when().get("/api/v1/departments?code=zjj").then().statusCode(200);
    }

    @Test
    void shouldKeepHealthAndTheContractOpen() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
