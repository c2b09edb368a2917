package org.commitmenttracker.progress;

import static io.restassured.RestAssured.given;
import static org.commitmenttracker.progress.ProgressJson.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.commitmenttracker.common.Concurrently;
import org.commitmenttracker.progress.BulkRound.Bulk;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Shows that the progress answers and the overdue listing load their scope in a fixed number of statements: a round
 * with 1,000 targets costs as many prepared statements as one with 10; and that the first answer after a write settles
 * in the read model only what the write changed, whatever the size of the round.
 */
@QuarkusTest
class ProgressStatementCountTest {

    private static final int MAX_STATEMENTS = 6;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReadModel readModel;

    @Test
    void shouldRunSameStatementsForRoundRollupWhateverItsSize() throws SQLException {
        assertConstant("/api/v1/rounds/%s/progress", Bulk::round, true);
    }

    @Test
    void shouldRunSameStatementsForDepartmentRollupWhateverItsSize() throws SQLException {
        assertConstant("/api/v1/departments/%s/progress", b -> b.departments().get(0), false);
    }

    @Test
    void shouldRunSameStatementsForCommitmentRollupWhateverTheRoundSize() throws SQLException {
        assertConstant("/api/v1/commitments/%s/progress", Bulk::commitment, false);
    }

    @Test
    void shouldRunSameStatementsForTargetSeriesWhateverTheRoundSize() throws SQLException {
        assertConstant("/api/v1/targets/%s/progress", Bulk::target, false);
    }

    @Test
    void shouldRunSameStatementsForOverdueListingWhateverTheRoundSize() throws SQLException {
        assertConstant("/api/v1/milestones?overdue=true&asOf=2021-07-01&size=200&roundId=%s", Bulk::round, false);
    }

    @Test
    void shouldRunSameStatementsForGroupedTablesWhateverTheRoundSize() throws SQLException {
        for (var groupBy : List.of("round", "department", "commitment")) {
            assertConstant("/api/v1/progress?quarter=2021-Q3&groupBy=" + groupBy + "&roundId=%s", Bulk::round, false);
        }
    }

    @Test
    void shouldCountEveryTargetOnceInGroupedTableOfLargeRound() throws SQLException {
        var large = insertRound(1000);
        var rows = fetch("/api/v1/progress?quarter=2021-Q3&groupBy=department&roundId=" + large.round());

        assertEquals(large.departments().size(), rows.size(), "one row per department");
        int targets = 0;
        for (var row : rows) {
            targets += row.get("targets").asInt();
        }
        assertEquals(large.targets(), targets, "every target counted once");
    }

    /**
     * Right after a write, requests asking the same question at once share one computation: each reads the version,
     * and the scope is loaded once, not once per request.
     */
    @Test
    void shouldComputeOnceForSameQuestionAskedAtOnce() throws Exception {
        var large = insertRound(1000);
        readModel.refresh();
        var path = "/api/v1/rounds/" + large.round() + "/progress";
        sessionFactory.getStatistics().clear();
        fetch(path);
        long oneComputation = sessionFactory.getStatistics().getPrepareStatementCount() - 1;
        insertRound(10); // a write: the next answer is computed again
        readModel.refresh(); // settled here, so that the requests below differ only in the computation they share

        int threads = 8;
        sessionFactory.getStatistics().clear();
        var responses = Concurrently.send(threads, "GET", path, "", Map.of("Accept", "application/json"));

        var bodies = responses.stream().map(HttpResponse::body).distinct().toList();
        assertEquals(List.of(200), responses.stream().map(HttpResponse::statusCode).distinct().toList());
        assertEquals(1, bodies.size(), "every request got the same answer");
        assertEquals(threads + oneComputation, sessionFactory.getStatistics().getPrepareStatementCount(),
                threads + " version reads and one computation of " + oneComputation + " statements");
    }

    /** A failed computation is not kept: those who waited for it get its problem, and the next request tries anew. */
    @Test
    void shouldGiveEveryRequestAskingAtOnceTheSame404() throws Exception {
        var path = "/api/v1/rounds/" + UUID.randomUUID() + "/progress";

        var responses = Concurrently.send(8, "GET", path, "", Map.of("Accept", "application/json"));

        assertEquals(List.of(404), responses.stream().map(HttpResponse::statusCode).distinct().toList());
        assertTrue(responses.stream().allMatch(r -> r.body().contains("no round with id")), responses.get(0)::body);
        given().accept("application/json").when().get(path).then().statusCode(404);
    }

    /**
     * The first roll-up after a report is changed settles that report's target alone: as many statements and as many
     * reports loaded for a round of 1,000 targets as for one of 10.
     */
    @Test
    void shouldSettleOnlyWhatWriteChangedWhateverTheRoundSize() throws SQLException {
        for (var path : List.of("/api/v1/rounds/%s/progress", "/api/v1/progress?quarter=2021-Q3&groupBy=commitment"
                + "&roundId=%s")) {
            var small = insertRound(10);
            var large = insertRound(1000);
            readModel.refresh();

            var smallCost = costAfterReportChange(small, path);
            var largeCost = costAfterReportChange(large, path);

            assertEquals(smallCost, largeCost, "statements and reports loaded after one write, small vs large: " + path);
            assertEquals(2, largeCost.get(1), "the changed target's two reports, and no other: " + path);
        }
    }

    /** Changes one report of the round's first target, then asks; gives the statements and the reports loaded. */
    private List<Long> costAfterReportChange(Bulk round, String path) throws SQLException {
        fetch(path.formatted(round.round()));
        try (var connection = dataSource.getConnection(); var update = connection.prepareStatement(
                "update progress_report set value = value + 1, version = version + 1 where target_id = ? "
                        + "and status = 'SUBMITTED'")) {
            update.setObject(1, round.target());
            assertEquals(1, update.executeUpdate());
        }
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        var rows = fetch(path.formatted(round.round()));
        assertTrue(rows.size() > 0, path);
        long reports = 0;
        for (var query : statistics.getQueries()) {
            if (query.contains("ProgressReport") || query.contains("progress_report")) {
                reports += statistics.getQueryStatistics(query).getExecutionRowCount();
            }
        }
        return List.of(statistics.getPrepareStatementCount(), reports);
    }

    /**
     * The first answer about a subject of a small round and of a large one costs the same few statements, and asking
     * again before any write costs one: the read of the data's version.
     */
    private void assertConstant(String path, Function<Bulk, UUID> subject, boolean everyRowCountsAllTargets)
            throws SQLException {
        var small = insertRound(10);
        var large = insertRound(1000);
        readModel.refresh(); // what inserting them changed, settled before the answers are counted
        var smallPath = path.formatted(subject.apply(small));
        var largePath = path.formatted(subject.apply(large));

        var smallCount = countStatements(smallPath, everyRowCountsAllTargets ? small.targets() : -1);
        var largeCount = countStatements(largePath, everyRowCountsAllTargets ? large.targets() : -1);
        var againCount = countStatements(largePath, everyRowCountsAllTargets ? large.targets() : -1);

        assertEquals(smallCount, largeCount, "statements for a small round vs one of 1,000 targets: " + path);
        assertTrue(largeCount <= MAX_STATEMENTS, () -> largeCount + " statements for " + path);
        assertEquals(1, againCount, "statements for the same question again, before any write: " + path);
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

    /** The rows of a GET: the array itself, or the items of a page. */
    private static JsonNode fetch(String path) {
        var body = parse(given().accept("application/json").when().get(path).then().statusCode(200).extract()
                .asString());
        return body.isArray() ? body : body.get("items");
    }

    private Bulk insertRound(int targets) throws SQLException {
        return BulkRound.insert(dataSource, targets, Math.max(1, Math.min(10, targets / 5)));
    }
}
