package org.commitmenttracker.progress;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;

/**
 * Writes a round with plain JDBC, for the tests where only its size matters (statement counts, query plans): a thousand
 * API calls would only slow them down.
 */
final class BulkRound {

    /** What was inserted: the round, its departments, its first commitment and target, and how many targets. */
    record Bulk(UUID round, List<UUID> departments, UUID commitment, UUID target, int targets) {
    }

    private BulkRound() {
    }

    /**
     * A round of three departments and {@code targets} targets spread over {@code commitmentCount} commitments; each
     * target has a planned milestone and two reports (one verified), each commitment a completed qualitative milestone.
     */
    static Bulk insert(AgroalDataSource dataSource, int targets, int commitmentCount) throws SQLException {
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        var round = UUID.randomUUID();
        var departments = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        var commitments = new ArrayList<UUID>();
        UUID firstTarget = null;
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
                    if (firstTarget == null) {
                        firstTarget = id;
                    }
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
        return new Bulk(round, departments, commitments.get(0), firstTarget, targets);
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
