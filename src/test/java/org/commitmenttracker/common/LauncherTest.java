package org.commitmenttracker.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run command's embedded default: a real PostgreSQL started from the JVM, whose data survives a restart. */
class LauncherTest {

    @TempDir
    Path home;

    @AfterEach
    void forgetDatasource() {
        System.clearProperty("quarkus.datasource.jdbc.url");
        System.clearProperty("quarkus.datasource.username");
    }

    @Test
    void shouldStartNothingWhenADatasourceIsConfigured() {
        var started = Launcher.startEmbeddedIfUnconfigured(
                Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db.example:5432/tracker")::get);
        assertTrue(started.isEmpty());
        assertEquals(null, System.getProperty("quarkus.datasource.jdbc.url"));
    }

    @Test
    void shouldStartEmbeddedPostgresWhoseDataSurvivesARestart() throws Exception {
        var dataDir = home.resolve("pgdata");
        Map<String, String> settings = Map.of("tracker.embedded-db.data-dir", dataDir.toString());

        try (var first = Launcher.startEmbeddedIfUnconfigured(settings::get).orElseThrow()) {
            var url = System.getProperty("quarkus.datasource.jdbc.url");
            assertEquals(first.jdbcUrl("postgres"), url);
            try (var connection = DriverManager.getConnection(url, "postgres", "");
                    var statement = connection.createStatement()) {
                statement.execute("create table kept (name text)");
                statement.execute("insert into kept values ('长者食堂')");
            }
        }
        assertTrue(Files.exists(dataDir.resolve("PG_VERSION")), "the data directory is where it was configured");

        try (var second = Launcher.startEmbeddedIfUnconfigured(settings::get).orElseThrow();
                var connection = DriverManager.getConnection(second.jdbcUrl("postgres"), "postgres", "");
                var statement = connection.createStatement();
                var rows = statement.executeQuery("select name from kept")) {
            assertTrue(rows.next());
            assertEquals("长者食堂", rows.getString(1));
        }
    }
}
