package org.commitmenttracker.auth;

import static org.commitmenttracker.common.Problems.assertNoLeak;
import static org.commitmenttracker.common.Problems.assertProblem;
import static org.commitmenttracker.common.Tokens.admin;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.commitmenttracker.Fixtures;
import org.commitmenttracker.auth.AccessWorld.Operation;
import org.commitmenttracker.auth.AccessWorld.Who;
import org.commitmenttracker.common.Api;
import org.commitmenttracker.common.Concurrently;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** If-Match is required on every change of an existing resource (PUT, PATCH, DELETE, review): no lost updates. */
@QuarkusTest
class ConditionalWriteTest {

    private static final Map<String, Who> WRITER = Map.of("PUT", Who.ADMIN, "PATCH", Who.ADMIN, "DELETE", Who.ADMIN);

    /** The operations that change an existing resource and must name its version: from openapi.yaml. */
    static List<Operation> changes() {
        return AccessMatrixTest.writes().stream()
                .filter(o -> !o.method().equals("POST") || o.path().endsWith("/review")).toList();
    }

    private static Who writerOf(Operation operation) {
        if (operation.path().startsWith("/api/v1/progress-reports")) {
            return operation.path().endsWith("/review") ? Who.REVIEWER : Who.OWN_REPORTER;
        }
        return WRITER.get(operation.method());
    }

    @ParameterizedTest
    @MethodSource("changes")
    void shouldRequireACurrentIfMatch(Operation operation) {
        var world = new AccessWorld();
        var writer = writerOf(operation);
        assertProblem(world.send(operation, writer, null), 428).body("detail", containsString("If-Match"));
        assertProblem(world.send(operation, writer, "\"41\""), 412).body("detail", containsString("\"0\""));
        assertEquals(0, Api.read(world.resource(operation)).getInt("version"), "a refused change wrote");
        var response = world.send(operation, writer, "\"0\"");
        assertEquals(2, response.statusCode() / 100, operation + ": " + response.asString());
    }

    /** Twenty PUTs of the same version at once: exactly one wins, every other one learns its copy is stale. */
    @Test
    void shouldLetExactlyOneOfTwentyConcurrentPutsWin() throws Exception {
        var id = Fixtures.round("并发前 " + Fixtures.token(), 2021, "2021-04-01");
        var json = "{\"title\": \"并发后\", \"year\": 2022, \"issuer\": \"淄博市人大常委会\", \"publishedOn\": \"2022-01-01\"}";
        var responses = Concurrently.send(20, "PUT", "/api/v1/rounds/" + id, json,
                Map.of("Authorization", "Bearer " + admin(), "If-Match", "\"0\""));
        var statuses = responses.stream().map(r -> r.statusCode()).sorted().toList();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "one PUT must win: " + statuses);
        assertEquals(19, statuses.stream().filter(s -> s == 412).count(), "the others must be stale: " + statuses);
        for (var response : responses) {
            if (response.statusCode() == 412) {
                assertThat(response.headers().firstValue("Content-Type").orElseThrow(),
                        containsString("application/problem+json"));
                assertNoLeak(response.body());
            }
        }
        var stored = Api.read("/api/v1/rounds/" + id);
        assertEquals(1, stored.getInt("version"));
        assertEquals("并发后", stored.getString("title"));
    }
}
