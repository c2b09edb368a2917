package org.commitmenttracker.progress;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.UUID;

import jakarta.inject.Inject;

import org.commitmenttracker.progress.BulkRound.Bulk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The indexes the progress answers lean on, read from the planner's own choice: on a case of 5,000 targets in 200
 * commitments (analysed, so the planner knows it), each statement of a small scope must use its index, so that a
 * dropped or unusable index fails the build instead of turning a roll-up into a scan of every report. The statements
 * are those ProgressRepository sends, written out in SQL.
 */
@QuarkusTest
class ProgressPlanTest {

    private static final String SCOPE_JOINS = """
            join commitment c on c.id = t.commitment_id join department d on d.id = c.department_id
            join round r on r.id = c.round_id""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReadModel readModel;

    private static Bulk bulk;

    @BeforeEach
    void insertLargeRound() throws SQLException {
        if (bulk == null) {
            bulk = BulkRound.insert(dataSource, 5000, 200);
            readModel.refresh();
            try (Connection connection = dataSource.getConnection(); var analyze = connection.createStatement()) {
                analyze.execute("analyze");
            }
        }
    }

    @Test
    void shouldReadOneTargetsReportsThroughTargetAndAsOfIndex() throws SQLException {
        assertUses("select t.id, p.as_of, p.value, p.status, p.recorded_at from progress_report p join target t on "
                + "t.id = p.target_id " + SCOPE_JOINS + " where t.id = '" + bulk.target() + "'",
                "progress_report_target_as_of_idx");
    }

    @Test
    void shouldReadCommitmentsTargetsAndReportsThroughCommitmentIndex() throws SQLException {
        var where = " where c.id = '" + bulk.commitment() + "'";
        assertUses("select t.id from target t " + SCOPE_JOINS + where, "target_commitment_idx");
        assertUses("select t.id, p.as_of, p.value from progress_report p join target t on t.id = p.target_id "
                + SCOPE_JOINS + where + " and p.status in ('SUBMITTED', 'VERIFIED')", "target_commitment_idx",
                "progress_report_target_as_of_idx");
    }

    @Test
    void shouldReadCommitmentsMilestonesThroughCommitmentIndex() throws SQLException {
        assertUses("select m.id from milestone m join commitment c on c.id = m.commitment_id join department d on "
                + "d.id = c.department_id join round r on r.id = c.round_id where c.id = '" + bulk.commitment() + "'",
                "milestone_commitment_idx");
    }

    @Test
    void shouldFindMilestonesOfStaleTargetsThroughTargetIndex() throws SQLException {
        // The read model's refresh: the milestones of the targets a write changed, and the milestones it changed.
        assertUses("select m.id from milestone m where m.target_id in ('" + bulk.target() + "') or m.id in ('"
                + UUID.randomUUID() + "')", "milestone_target_idx", "milestone_pkey");
    }

    @Test
    void shouldSumCommitmentsRollupFromReadModelThroughItsKeys() throws SQLException {
        var where = " and c.id = '" + bulk.commitment() + "'";
        assertUses("select q.q, st.status, count(*), sum(st.weighted_ratio) from generate_series(8084, 8087) q(q) "
                + "join progress_target_state st on st.from_q <= q.q and q.q < st.to_q "
                + "join commitment c on c.id = st.commitment_id "
                + "where st.verified_only = false" + where + " group by 1, 2",
                "progress_target_state_commitment_idx");
        assertUses("select ms.due_q, count(*) from progress_milestone_state ms join commitment c on c.id = "
                + "ms.commitment_id where ms.verified_only = false" + where + " group by 1",
                "progress_milestone_state_commitment_idx");
        assertUses("select m.id, o.actual from progress_milestone_overdue o join milestone m on m.id = o.milestone_id "
                + "join commitment c on c.id = m.commitment_id where o.verified_only = false "
                + "and o.from_date <= '2021-07-01' and (o.to_date is null or '2021-07-01' < o.to_date)" + where,
                "milestone_commitment_idx", "progress_milestone_overdue_pkey");
    }

    private void assertUses(String sql, String... indexes) throws SQLException {
        String plan;
        try (Connection connection = dataSource.getConnection(); var explain = connection.createStatement();
                var rs = explain.executeQuery("explain (format json) " + sql)) {
            rs.next();
            plan = rs.getString(1);
        }
        var missing = new ArrayList<String>();
        for (var index : indexes) {
            if (!plan.contains("\"Index Name\": \"" + index + "\"")) {
                missing.add(index);
            }
        }
        assertTrue(missing.isEmpty(), () -> "the plan does not use " + missing + ":\n" + plan);
    }

}
