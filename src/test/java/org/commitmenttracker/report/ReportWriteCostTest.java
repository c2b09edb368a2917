package org.commitmenttracker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.commitmenttracker.Fixtures;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Filing a report is on the path of every department's month-end batch: one read of what it needs of the target (its
 * measure and department, as a projection), the insert, and the audit's revision and row.
 */
@QuarkusTest
class ReportWriteCostTest {

    @Inject
    SessionFactory sessionFactory;

    @Test
    void shouldFileReportInFourStatementsWithoutLoadingItsTarget() {
        var target = Fixtures.target(Fixtures.commitment(), Map.of());
        var token = Fixtures.reporterOfTarget(target);
        var statistics = sessionFactory.getStatistics();
        statistics.clear();

        Fixtures.post(token, "/api/v1/progress-reports", Map.of("targetId", target, "asOf", "2021-06-30", "value", 3));

        // a fifth when the revision numbers' sequence hands out its next block of fifty
        long statements = statistics.getPrepareStatementCount();
        assertTrue(statements == 4 || statements == 5, () -> statements + " statements for one report");
        assertEquals(0, statistics.getEntityLoadCount(), "entities loaded for one report");
    }
}
