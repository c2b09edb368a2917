package org.commitmenttracker.progress;

import static io.restassured.RestAssured.given;
import static org.commitmenttracker.progress.ProgressJson.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Shows that the progress answers load their scope in a fixed number of statements: a round with 1,000 targets costs
 * as many prepared statements as one with 10. The large round is written with plain JDBC, since only its size
 * matters here and a thousand API calls would only slow the test down.
 */
@QuarkusTest
class ProgressStatementCountTest {

    private static final int MAX_STATEMENTS = 6;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    AgroalDataSource dataSource;

    /** What was inserted: the round, its departments, and how many targets. */
    private record Bulk(UUID round, List<UUID> departments, int targets) {
    }

    @Test
    void shouldRunSameStatementsForRoundRollupWhateverItsSize() throws SQLException {
        var small = insertRound(10);
        var large = insertRound(1000);
        var path = "/api/v1/rounds/%s/progress";
        fetch(path.formatted(small.round()));

        var smallCount = countStatements(path.formatted(small.round()), small.targets());
        var largeCount = countStatements(path.formatted(large.round()), large.targets());

        assertEquals(smallCount, largeCount, "statements for 10 targets vs 1,000");
        assertTrue(largeCount <= MAX_STATEMENTS, () -> largeCount + " statements");
    }

    @Test
    void shouldRunSameStatementsForDepartmentRollupWhateverItsSize() throws SQLException {
        var small = insertRound(10);
        var large = insertRound(1000);
        var path = "/api/v1/departments/%s/progress";
        fetch(path.formatted(small.departments().get(0)));

        var smallCount = countStatements(path.formatted(small.departments().get(0)), -1);
        var largeCount = countStatements(path.formatted(large.departments().get(0)), -1);

        assertEquals(smallCount, largeCount, "statements for a department of a small round vs a large one");
        assertTrue(largeCount <= MAX_STATEMENTS, () -> largeCount + " statements");
    }

    @Test
    void shouldRunSameStatementsForGroupedTableWhateverTheRoundSize() throws SQLException {
        var small = insertRound(10);
        var large = insertRound(1000);
        var path = "/api/v1/progress?quarter=2021-Q3&groupBy=department&roundId=%s";
        fetch(path.formatted(small.round()));

        var smallCount = countStatements(path.formatted(small.round()), -1);
        var largeRows = fetch(path.formatted(large.round()));
        var largeCount = countStatements(path.formatted(large.round()), -1);

        assertEquals(large.departments().size(), largeRows.size(), "one row per department");
        int targets = 0;
        for (var row : largeRows) {
            targets += row.get("targets").asInt();
        }
        assertEquals(large.targets(), targets, "every target counted once");
        assertEquals(smallCount, largeCount, "statements for 10 targets vs 1,000");
        assertTrue(largeCount <= MAX_STATEMENTS, () -> largeCount + " statements");
    }

    /** Prepared statements for one GET; when {@code targets} ≥ 0 every row must count that many targets. */
    private long countStatements(String path, int targets) {
        Statistics statistics = sessionFactory.getStatistics();
        assertTrue(statistics.isStatisticsEnabled(), "quarkus.hibernate-orm.statistics=true in the test profile");
        statistics.clear();
        var rows = fetch(path);
        long count = statistics.getPrepareStatementCount();
        assertTrue(rows.size() > 0, path);
        if (targets >= 0) {
            for (var row : rows) {
                assertEquals(targets, row.get("targets").asInt(), () -> "targets in " + row);
            }
        }
        System.out.printf("%s: %d prepared statements%n", path, count);
        return count;
    }

    private static JsonNode fetch(String path) {
        return parse(given().accept("application/json").when().get(path).then().statusCode(200).extract().asString());
    }

    /**
     * A round of three departments and {@code targets} targets spread over up to ten commitments; each target has a
     * planned milestone and two reports (one verified), each commitment a completed qualitative milestone.
     */
    private Bulk insertRound(int targets) throws SQLException {
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        var round = UUID.randomUUID();
        var departments = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        int commitmentCount = Math.max(1, Math.min(10, targets / 5));
        var commitments = new ArrayList<UUID>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var insert = connection.prepareStatement("""
                    insert into round (id, title, year, issuer, published_on, version, created_at, updated_at)
                    values (?, ?, 2021, '淄博市人大常委会', ?, 0, ?, ?)""")) {
                insert.setObject(1, round);
                insert.setString(2, "语句计数批次 " + round);
                insert.setObject(3, LocalDate.of(2021, 4, 1));
                insert.setObject(4, now);
                insert.setObject(5, now);
                insert.executeUpdate();
            }
            try (var insert = connection.prepareStatement("""
                    insert into department (id, code, name, version, created_at, updated_at)
                    values (?, ?, ?, 0, ?, ?)""")) {
                for (var department : departments) {
                    insert.setObject(1, department);
                    insert.setString(2, "sc" + department.toString().substring(0, 8));
                    insert.setString(3, "计数局" + department.toString().substring(0, 4));
                    insert.setObject(4, now);
                    insert.setObject(5, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (var insert = connection.prepareStatement("""
                    insert into commitment (id, round_id, department_id, seq, title, measures, responsibility,
                        search_text, version, created_at, updated_at)
                    values (?, ?, ?, ?, ?, '[]'::jsonb,
                        '{"cityLeader":null,"departmentHead":null,"leadsInCharge":[],"offices":[],"persons":[]}'::jsonb,
                        ?, 0, ?, ?)""")) {
                for (int i = 0; i < commitmentCount; i++) {
                    var commitment = UUID.randomUUID();
                    commitments.add(commitment);
                    insert.setObject(1, commitment);
                    insert.setObject(2, round);
                    insert.setObject(3, departments.get(i % departments.size()));
                    insert.setInt(4, i + 1);
                    insert.setString(5, "计数问题" + (i + 1));
                    insert.setString(6, "计数问题" + (i + 1));
                    insert.setObject(7, now);
                    insert.setObject(8, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (var target = connection.prepareStatement("""
                    insert into target (id, commitment_id, name, unit, measure, direction, baseline, target_value,
                        start_date, due_date, weight, note, version, created_at, updated_at)
                    values (?, ?, ?, '套', 'NUMBER', 'INCREASE', null, ?, ?, ?, ?, null, 0, ?, ?)""");
                    var milestone = connection.prepareStatement("""
                            insert into milestone (id, commitment_id, target_id, due_date, description, planned_value,
                                completed_on, version, created_at, updated_at)
                            values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""");
                    var report = connection.prepareStatement("""
                            insert into progress_report (id, target_id, as_of, value, note, evidence_urls, reported_by,
                                status, recorded_at, review_comment, reviewed_at, version, updated_at)
                            values (?, ?, ?, ?, null, '[]'::jsonb, null, ?, ?, null, ?, 0, ?)""")) {
                for (int i = 0; i < targets; i++) {
                    var id = UUID.randomUUID();
                    var commitment = commitments.get(i % commitmentCount);
                    int value = 100 + i % 50;
                    target.setObject(1, id);
                    target.setObject(2, commitment);
                    target.setString(3, "计数指标" + i);
                    target.setInt(4, value);
                    target.setObject(5, LocalDate.of(2021, 1, 1));
                    target.setObject(6, LocalDate.of(2021, 12, 31));
                    target.setInt(7, 1 + i % 3);
                    target.setObject(8, now);
                    target.setObject(9, now);
                    target.addBatch();

                    addMilestone(milestone, commitment, id, LocalDate.of(2021, 6, 30), value / 2, null, now);
                    addReport(report, id, LocalDate.of(2021, 5, 15), value / 3, "VERIFIED", now);
                    addReport(report, id, LocalDate.of(2021, 9, 20), value * 3 / 4, "SUBMITTED", now);
                }
                for (var commitment : commitments) {
                    addMilestone(milestone, commitment, null, LocalDate.of(2021, 3, 31), null,
                            LocalDate.of(2021, 3, 25), now);
                }
                target.executeBatch();
                milestone.executeBatch();
                report.executeBatch();
            }
            connection.commit();
        }
        return new Bulk(round, departments, targets);
    }

    private static void addMilestone(PreparedStatement insert, UUID commitment, UUID target, LocalDate due,
            Integer planned, LocalDate completedOn, OffsetDateTime now) throws SQLException {
        insert.setObject(1, UUID.randomUUID());
        insert.setObject(2, commitment);
        insert.setObject(3, target);
        insert.setObject(4, due);
        insert.setString(5, "阶段目标 " + due);
        insert.setObject(6, planned);
        insert.setObject(7, completedOn);
        insert.setObject(8, now);
        insert.setObject(9, now);
        insert.addBatch();
    }

    private static void addReport(PreparedStatement insert, UUID target, LocalDate asOf, int value,
            String status, OffsetDateTime now) throws SQLException {
        insert.setObject(1, UUID.randomUUID());
        insert.setObject(2, target);
        insert.setObject(3, asOf);
        insert.setInt(4, value);
        insert.setString(5, status);
        insert.setObject(6, now);
        insert.setObject(7, status.equals("SUBMITTED") ? null : now);
        insert.setObject(8, now);
        insert.addBatch();
    }
}
