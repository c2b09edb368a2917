package org.commitmenttracker;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.commitmenttracker.common.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command on a machine with no database configured: the packaged service starts an embedded
 * PostgreSQL, says where its data is, serves the demo data, and finds what it was given again after a restart.
 * Runs the jar that {@code ./mvnw verify} has just built, as a separate process with a clean environment, allowed to
 * trust the development key as quarkus:run is; without that setting the prod profile refuses to start with that key.
 */
class EmbeddedDefaultIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path work;

    @Test
    void shouldRunOnAnEmbeddedPostgresWhoseDataSurvivesARestart() throws Exception {
        var dataDir = work.resolve("pgdata");
        int port = freePort();
        var base = "http://127.0.0.1:" + port + "/api/v1";

        var first = start(dataDir, port, work.resolve("first.log"), true);
        String departmentId;
        try {
            var departments = get(base + "/departments?size=200");
            assertThat(departments, containsString("\"total\":6"));
            assertThat(departments, containsString("市住房城乡建设局"));
            var created = send(HttpRequest.newBuilder(URI.create(base + "/departments"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + Tokens.admin())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"it-kept\",\"name\":\"重启后仍在的局\"}")));
            assertEquals(201, created.statusCode(), created.body());
            departmentId = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        } finally {
            stop(first);
        }
        var log = Files.readString(work.resolve("first.log"), StandardCharsets.UTF_8);
        assertThat(log, containsString("started embedded PostgreSQL"));
        assertThat(log, containsString(dataDir.toString()));
        assertTrue(Files.exists(dataDir.resolve("PG_VERSION")), "the data directory is where it was configured");

        var second = start(dataDir, port, work.resolve("second.log"), true);
        try {
            assertThat(get(base + "/departments/" + departmentId), containsString("重启后仍在的局"));
            // the demo data is not loaded twice
            assertThat(get(base + "/departments?size=200"), containsString("\"total\":7"));
        } finally {
            stop(second);
        }
    }

    @Test
    void shouldRefuseToStartInProdWithTheDevelopmentKey() throws Exception {
        var log = work.resolve("refused.log");
        var process = process(work.resolve("pgdata"), freePort(), log, false);
        if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            stop(process);
            throw new AssertionError("the service started with the development key: "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        assertTrue(process.exitValue() != 0, "exit code " + process.exitValue());
        assertThat(Files.readString(log, StandardCharsets.UTF_8), containsString("TRACKER_AUTH_ALLOW_DEVELOPMENT_KEY"));
    }

    private static Process process(Path dataDir, int port, Path log, boolean allowDevelopmentKey) throws IOException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(java, "-Xmx256m", "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        var env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("QUARKUS_DATASOURCE") || key.startsWith("TRACKER_")
                || key.startsWith("MP_JWT"));
        env.put("TRACKER_EMBEDDED_DB_DATA_DIR", dataDir.toString());
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("TRACKER_AUTH_ALLOW_DEVELOPMENT_KEY", String.valueOf(allowDevelopmentKey));
        return builder.start();
    }

    private static Process start(Path dataDir, int port, Path log, boolean allowDevelopmentKey)
            throws IOException, InterruptedException {
        var process = process(dataDir, port, log, allowDevelopmentKey);
        var deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the service stopped: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            try {
                if (send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).GET())
                        .statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        stop(process);
        throw new AssertionError("the service did not get ready: " + Files.readString(log, StandardCharsets.UTF_8));
    }

    /** Stops the service as a user's Ctrl-C would, so that it stops its PostgreSQL too. */
    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static String get(String url) throws IOException, InterruptedException {
        var response = send(HttpRequest.newBuilder(URI.create(url)).GET());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return response.body();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
