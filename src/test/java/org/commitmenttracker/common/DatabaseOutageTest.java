package org.commitmenttracker.common;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.commitmenttracker.Fixtures;
import org.commitmenttracker.common.startup.EmbeddedDatabase;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * The database goes away and comes back while the service runs. The test owns its PostgreSQL (an embedded one it
 * stops and starts), never the machine's server that the other tests share.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
class DatabaseOutageTest {

    /** A service on a database of this test's own; no seed, so start-up is quick. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StoppableDatabase.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tracker.seed.enabled", "false");
        }
    }

    /**
     * Starts the embedded PostgreSQL and hands the test a "stop" and a "start" switch for it (plain Runnables: the
     * test class and this resource may live in different class loaders).
     */
    public static class StoppableDatabase implements QuarkusTestResourceLifecycleManager {
        private Path directory;
        private int port;
        private EmbeddedDatabase database;

        @Override
        public Map<String, String> start() {
            try {
                directory = Files.createTempDirectory("tracker-outage-pg");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            database = EmbeddedDatabase.start(directory, 0);
            port = database.port();
            return Map.of("quarkus.datasource.jdbc.url", database.jdbcUrl("postgres"),
                    "quarkus.datasource.username", database.username(), "quarkus.datasource.password", "");
        }

        @Override
        public void inject(TestInjector injector) {
            Map<String, Runnable> switches = Map.of(
                    "stop", () -> database.close(),
                    "start", () -> database = EmbeddedDatabase.start(directory, port));
            injector.injectIntoFields(switches, field -> field.getName().equals("database"));
        }

        @Override
        public void stop() {
            try {
                database.close();
            } finally {
                try (var files = Files.walk(directory)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** "stop" and "start" the database; injected by {@link StoppableDatabase}. */
    Map<String, Runnable> database;

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Every request of this test goes through here, as an admin, with If-Match * on a change. */
    private static HttpResponse<String> send(String method, String path, String json) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + Tokens.admin())
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE")) {
            request.header("If-Match", "*");
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String roundJson(String title) {
        return "{\"title\": \"" + title + "\", \"year\": 2021, \"issuer\": \"淄博市人大常委会\", \"publishedOn\": \"2021-04-01\"}";
    }

    private static void assertUnavailableFast(String method, String path, String json) {
        long started = System.nanoTime();
        var answer = send(method, path, json);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("while the database is down: %s %s answered %d in %d ms%n", method, path, answer.statusCode(),
                millis);
        assertEquals(503, answer.statusCode(), method + " " + path + ": " + answer.body());
        assertThat(method + " " + path + " answered in " + millis + " ms", millis, lessThan(2000L));
        assertThat(answer.headers().firstValue("Content-Type").orElse(""), startsWith("application/problem+json"));
        assertTrue(answer.headers().firstValue("Retry-After").orElse("").matches("\\d+"), "Retry-After in seconds");
        assertThat(answer.body(), containsString("\"status\":503"));
        Problems.assertNoLeak(answer.body());
    }

    @Test
    void shouldAnswer503FastWhileTheDatabaseIsDownAndRecoverWithoutARestart() {
        var before = Fixtures.token();
        assertEquals(201, send("POST", "/api/v1/rounds", roundJson(before)).statusCode());
        assertEquals(200, send("GET", "/q/health/ready", null).statusCode());

        database.get("stop").run();
        var during = Fixtures.token();
        try {
            for (int i = 0; i < 3; i++) {
                assertUnavailableFast("GET", "/api/v1/rounds", null);
                assertUnavailableFast("POST", "/api/v1/rounds", roundJson(during));
                assertUnavailableFast("GET", "/api/v1/rounds?q=" + before, null);
            }
            long started = System.nanoTime();
            var ready = send("GET", "/q/health/ready", null);
            assertEquals(503, ready.statusCode(), ready.body());
            assertThat(ready.body(), containsString("\"status\": \"DOWN\""));
            assertThat((System.nanoTime() - started) / 1_000_000, lessThan(2000L));
            assertEquals(200, send("GET", "/q/health/live", null).statusCode(), "liveness does not depend on the database");
        } finally {
            database.get("start").run();
        }
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status;
        do {
            status = send("GET", "/api/v1/rounds?q=" + before, null).statusCode();
        } while (status != 200 && System.nanoTime() < deadline);
        assertEquals(200, status, "the service recovers once the database is back");
        assertEquals(200, send("GET", "/q/health/ready", null).statusCode());
        assertThat(send("GET", "/api/v1/rounds?q=" + before, null).body(), containsString("\"total\":1"));
        assertThat("the writes refused during the outage left nothing",
                send("GET", "/api/v1/rounds?q=" + during, null).body(), containsString("\"total\":0"));
        assertEquals(201, send("POST", "/api/v1/rounds", roundJson(Fixtures.token())).statusCode());
    }

    /**
     * A write whose database session dies half-way (as when the process is killed) leaves nothing: the request is one
     * transaction, and the target row it had already updated is rolled back together with its audit rows.
     */
    @Test
    void shouldLeaveNothingOfAWriteInterruptedHalfWay() throws Exception {
        var commitment = Fixtures.commitment();
        var target = Fixtures.target(commitment, Map.of());
        var url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (var blocker = DriverManager.getConnection(url, "postgres", "")) {
            // the PUT updates the target, then waits for its audit row: the session is killed while it waits
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("lock table target_aud in access exclusive mode");
            var put = CompletableFuture.supplyAsync(() -> send("PUT", "/api/v1/targets/" + target,
                    "{\"commitmentId\": \"" + commitment + "\", \"name\": \"棚户区改造开工\", \"unit\": \"套\","
                            + " \"measure\": \"NUMBER\", \"targetValue\": 99999, \"dueDate\": \"2021-12-31\","
                            + " \"reason\": \"中途中断\"}"));
            int killed = terminateWaiting(blocker);
            blocker.rollback();
            assertEquals(1, killed, "one write was waiting and was terminated");
            var answer = put.get();
            assertEquals(503, answer.statusCode(), answer.body());
        }
        var stored = send("GET", "/api/v1/targets/" + target, null).body();
        assertThat(stored, containsString("\"targetValue\":10500"));
        assertThat(stored, containsString("\"version\":0"));
        assertThat(send("GET", "/api/v1/targets/" + target + "/history", null).body(), containsString("\"total\":1"));
    }

    /** Terminates the service's sessions that wait for a lock (the blocker holds the only one). */
    private static int terminateWaiting(java.sql.Connection connection) throws SQLException,
            InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            int killed = 0;
            try (var rs = connection.createStatement().executeQuery("select pid from pg_stat_activity"
                    + " where wait_event_type = 'Lock' and pid <> pg_backend_pid()")) {
                while (rs.next()) {
                    try (var kill = connection.prepareStatement("select pg_terminate_backend(?)")) {
                        kill.setInt(1, rs.getInt("pid"));
                        kill.execute();
                        killed++;
                    }
                }
            }
            if (killed > 0) {
                return killed;
            }
            Thread.sleep(50);
        }
        return 0;
    }
}
