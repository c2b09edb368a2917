package org.commitmenttracker.progress;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The version progress answers are kept under (progress_version, V30 and V31): every committed writing transaction
 * moves it on by exactly one, however many rows it writes, and writers in different sessions do not wait for one
 * another's commit on it.
 */
@QuarkusTest
class ProgressVersionTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldMoveVersionOncePerTransactionWhateverItWrites() throws SQLException {
        long before = version();
        BulkRound.insert(dataSource, 50, 5);

        assertEquals(before + 1, version(), "a round of 50 targets, their milestones and reports in one transaction");
    }

    @Test
    void shouldNotMoveVersionForRolledBackWrite() throws SQLException {
        long before = version();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            insertDepartment(connection);
            connection.createStatement().execute("set constraints all immediate");
            connection.rollback();
        }

        assertEquals(before, version());
    }

    @Test
    void shouldLetWriterCommitWhileAnotherHoldsItsSlot() throws SQLException {
        long before = version();
        var sessions = new ArrayList<Connection>();
        try {
            // two sessions whose slots differ (a slot is the session's backend pid modulo 64)
            Connection holder = open(sessions);
            Connection writer = open(sessions);
            while (slot(writer) == slot(holder)) {
                writer = open(sessions);
            }
            insertDepartment(holder);
            // runs holder's deferred trigger now: its slot stays locked until it commits
            holder.createStatement().execute("set constraints all immediate");

            insertDepartment(writer);
            writer.createStatement().execute("set local lock_timeout = '2s'");
            writer.commit();
            assertEquals(before + 1, version(), "the writer committed while the holder's slot was locked");

            holder.commit();
            assertEquals(before + 2, version());
        } finally {
            for (var session : sessions) {
                session.close();
            }
        }
    }

    @Test
    void shouldAnswerFromNewDataAfterWriteOfAnotherSession() throws SQLException {
        var bulk = BulkRound.insert(dataSource, 10, 2);
        var path = "/api/v1/targets/" + bulk.target() + "/progress";
        String first = given().accept("application/json").get(path).then().statusCode(200).extract().asString();
        assertEquals(first, given().accept("application/json").get(path).then().statusCode(200).extract().asString());

        try (Connection connection = dataSource.getConnection()) {
            try (var insert = connection.prepareStatement("""
                    insert into progress_report (id, target_id, as_of, value, status, evidence_urls, reported_by,
                                                 version, recorded_at, updated_at)
                    values (?, ?, ?, 999999, 'SUBMITTED', '[]'::jsonb, 'another-instance', 0, ?, ?)""")) {
                var now = OffsetDateTime.now(ZoneOffset.UTC);
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, bulk.target());
                insert.setObject(3, LocalDate.of(2021, 6, 1));
                insert.setObject(4, now);
                insert.setObject(5, now);
                insert.executeUpdate();
            }
        }

        String after = given().accept("application/json").get(path).then().statusCode(200).extract().asString();
        assertNotEquals(first, after, "a report written by another session is in the next answer");
    }

    private long version() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                var result = connection.createStatement().executeQuery("select sum(version) from progress_version")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** A pooled connection held open, so that each one is a backend of its own while the others are used. */
    private Connection open(List<Connection> sessions) throws SQLException {
        var connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        sessions.add(connection);
        return connection;
    }

    private static int slot(Connection connection) throws SQLException {
        try (var result = connection.createStatement().executeQuery("select pg_backend_pid() % 64")) {
            result.next();
            return result.getInt(1);
        }
    }

    private static void insertDepartment(Connection connection) throws SQLException {
        try (var insert = connection.prepareStatement("""
                insert into department (id, code, name, version, created_at, updated_at)
                values (?, ?, ?, 0, ?, ?)""")) {
            var id = UUID.randomUUID();
            var now = OffsetDateTime.now(ZoneOffset.UTC);
            insert.setObject(1, id);
            insert.setString(2, "pv" + id.toString().substring(0, 8));
            insert.setString(3, "版本局" + id.toString().substring(0, 4));
            insert.setObject(4, now);
            insert.setObject(5, now);
            insert.executeUpdate();
        }
    }
}
