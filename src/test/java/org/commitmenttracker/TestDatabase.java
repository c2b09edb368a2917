package org.commitmenttracker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.commitmenttracker.common.startup.EmbeddedDatabase;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Gives each test run a fresh, empty database of its own: on the PostgreSQL at 127.0.0.1:5432 when one answers
 * (this machine, CI), else on an embedded PostgreSQL started for the run. The database is dropped afterwards.
 * TEST_PG_HOST / TEST_PG_PORT / TEST_PG_USER point it at another server.
 */
@WithTestResource(value = TestDatabase.class, scope = TestResourceScope.GLOBAL)
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private static final String HOST = env("TEST_PG_HOST", "127.0.0.1");
    private static final int PORT = Integer.parseInt(env("TEST_PG_PORT", "5432"));
    private static final String USER = env("TEST_PG_USER", "postgres");

    private EmbeddedDatabase embedded;
    private String adminUrl;
    private String database;

    @Override
    public Map<String, String> start() {
        String user;
        if (reachable(HOST, PORT)) {
            adminUrl = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
            user = USER;
        } else {
            try {
                embedded = EmbeddedDatabase.start(Files.createTempDirectory("tracker-test-pg"), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            adminUrl = embedded.jdbcUrl("postgres");
            user = embedded.username();
        }
        database = "tracker_test_" + UUID.randomUUID().toString().replace("-", "");
        execute(adminUrl, user, "create database " + database + " encoding 'UTF8' template template0");
        var url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database;
        return Map.of("quarkus.datasource.jdbc.url", url, "quarkus.datasource.username", user,
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        try {
            if (database != null) {
                execute(adminUrl, embedded == null ? USER : embedded.username(),
                        "drop database if exists " + database + " with (force)");
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    static boolean reachable(String host, int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void execute(String url, String user, String sql) {
        try (var connection = DriverManager.getConnection(url, user, "");
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + url, e);
        }
    }

    private static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
