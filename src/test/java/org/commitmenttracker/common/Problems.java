package org.commitmenttracker.common;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** Assertions on application/problem+json answers, shared by the resource tests. */
public final class Problems {

    public static final String PROBLEM_JSON = "application/problem+json";

    private Problems() {
    }

    /**
     * Asserts that {@code response} is an RFC 9457 problem with this status, a type, title and detail, and that it leaks
     * no class names, packages or SQL.
     */
    public static ValidatableResponse assertProblem(Response response, int status) {
        assertNoLeak(response.asString());
        return response.then()
                .statusCode(status)
                .header("Content-Type", startsWith(PROBLEM_JSON))
                .body("status", equalTo(status))
                .body("type", startsWith("urn:commitment-tracker:problem:"))
                .body("title", not(emptyOrNullString()))
                .body("detail", not(emptyOrNullString()));
    }

    /** Asserts a 400 problem whose violations name {@code field} with a message. */
    public static ValidatableResponse assertViolation(Response response, String field) {
        return assertProblem(response, 400)
                .body("violations.field", hasItem(field))
                .body("violations.find { it.field == '" + field + "' }.message", not(emptyOrNullString()));
    }

    public static void assertNoLeak(String body) {
        for (var secret : new String[] { "Exception", "org.", "SQL", "select" }) {
            assertThat("response leaks '" + secret + "': " + body, body, not(containsString(secret)));
        }
    }
}
