package org.commitmenttracker.progress;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.commitmenttracker.seed.LargeCase;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The read model kept up to date write by write must hold what it would hold rebuilt from scratch, and the roll-ups
 * summed from it must be, byte for byte, those computed from the reports ({@code knownAt} at the last day the API
 * accepts asks for the latter: every report was recorded before it). Every kind of write that can change a roll-up or
 * the overdue listing is made in turn, straight to the database (the triggers that note what is stale see every path
 * alike), and after each both rounds are compared, by both bases. That the rebuilt model itself is right is
 * {@link ProgressRandomizedTest}'s part.
 */
@QuarkusTest
class ReadModelTest {

    private static final String API = "/api/v1";
    private static final String FROM_REPORTS = "2100-12-31";
    private static final long SEED = Long.getLong("readmodel.seed", 32003L);

    @Inject
    LargeCase largeCase;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReadModel readModel;

    private Random random;
    private List<UUID> rounds;
    private int compared;

    /** One write of the kind its name says, to rows picked at random from the two rounds. */
    private interface Write {
        String apply(Connection c) throws SQLException;
    }

    @Test
    void shouldAnswerAsComputedFromReportsAfterEveryKindOfWrite() throws SQLException {
        System.out.println("ReadModelTest seed " + SEED + " (override with -Dreadmodel.seed=N)");
        random = new Random(SEED);
        rounds = List.of(largeCase.write(SEED, new LargeCase.Size(2, 3, 3, 6)).roundId(),
                largeCase.write(SEED + 1, new LargeCase.Size(2, 2, 3, 6)).roundId());
        compareAll("as written");

        List<Write> writes = List.of(
                c -> update(c, "update progress_report set value = value + ?, version = version + 1 where id = ?",
                        random.nextInt(40) - 10, pick(c, "progress_report")),
                c -> update(c, "update progress_report set status = ?, version = version + 1 where id = ?",
                        List.of("SUBMITTED", "VERIFIED", "RETURNED").get(random.nextInt(3)), pick(c,
                                "progress_report")),
                c -> update(c, "update progress_report set as_of = as_of + ?, version = version + 1 where id = ?",
                        random.nextInt(200) - 100, pick(c, "progress_report")),
                c -> update(c, "delete from progress_report where id = ?", pick(c, "progress_report")),
                c -> update(c, """
                        insert into progress_report (id, target_id, as_of, value, evidence_urls, status, recorded_at,
                            version, updated_at)
                        select gen_random_uuid(), t.id, date '2021-06-30' + ?, t.target_value, '[]', 'SUBMITTED', now(),
                            0, now() from target t where t.id = ?""", random.nextInt(300), pick(c, "target")),
                c -> update(c, "update target set target_value = target_value * 2, version = version + 1 where id = ?",
                        pick(c, "target")),
                c -> update(c, "update target set weight = ?, version = version + 1 where id = ?",
                        1 + random.nextInt(5), pick(c, "target")),
                c -> update(c, "update target set due_date = due_date + ?, version = version + 1 where id = ?",
                        random.nextInt(240) - 120, pick(c, "target")),
                c -> update(c, "update target set start_date = null, baseline = null, version = version + 1 "
                        + "where id = ?", pick(c, "target")),
                c -> update(c, "update target set direction = case direction when 'INCREASE' then 'DECREASE' "
                        + "else 'INCREASE' end, version = version + 1 where id = ?", pick(c, "target")),
                c -> update(c, "update milestone set planned_value = planned_value + ?, due_date = due_date + ?, "
                        + "version = version + 1 where id = ?", random.nextInt(20) - 5, random.nextInt(120) - 60,
                        pick(c, "milestone")),
                c -> update(c, """
                        update milestone m set target_id = (select t.id from target t
                            where t.commitment_id = m.commitment_id and t.id <> m.target_id limit 1),
                            version = version + 1
                        where m.id = ? and m.planned_value is not null""", pick(c, "milestone")),
                c -> update(c, "update milestone set completed_on = due_date + ?, version = version + 1 "
                        + "where id = ? and planned_value is null", random.nextInt(60) - 30, pick(c, "milestone")),
                c -> update(c, "delete from milestone where id = ?", pick(c, "milestone")),
                // a round's date is the start of its targets without one: moved well before, it starts the series
                c -> update(c, "update round set published_on = published_on - 400, version = version + 1 "
                        + "where id = (select c.round_id from commitment c where c.id = ?)",
                        pick(c, "commitment with a target without start date")),
                c -> update(c, """
                        update commitment set round_id = case when round_id = ? then ? else ? end,
                            seq = seq + 1000 + ?, version = version + 1
                        where id = ?""", rounds.get(0), rounds.get(1), rounds.get(0), random.nextInt(100_000),
                        pick(c, "commitment with a target without start date")),
                // as the API moves them: a target with its milestones, a milestone only when it has no target
                this::moveTarget,
                c -> update(c, "update milestone set commitment_id = ?, version = version + 1 where id = ? "
                        + "and target_id is null", pick(c, "commitment"), pick(c, "milestone without target")),
                c -> update(c, """
                        update commitment set department_id = (select o.department_id from commitment o where o.id = ?),
                            seq = seq + 1000 + ?, version = version + 1
                        where id = ?""", pick(c, "commitment"), random.nextInt(100_000), pick(c, "commitment")),
                this::deleteTarget);
        for (int pass = 0; pass < 2; pass++) {
            for (int kind = 0; kind < writes.size(); kind++) {
                String what;
                try (var connection = dataSource.getConnection()) {
                    what = "write " + kind + " (" + writes.get(kind).apply(connection) + ")";
                }
                compareAll(what);
                compareWithRebuilt(what);
            }
        }
        System.out.println("ReadModelTest compared " + compared + " answers");
    }

    /** Compares every roll-up of both rounds, their departments and a grouped table by both bases. */
    private void compareAll(String after) {
        for (var round : rounds) {
            for (var verifiedOnly : List.of("false", "true")) {
                var series = compare(after, "/rounds/" + round + "/progress", "verifiedOnly", verifiedOnly);
                var quarters = json(series);
                if (quarters.isEmpty()) {
                    continue;
                }
                var quarter = quarters.get(random.nextInt(quarters.size())).get("quarter").asText();
                for (var groupBy : List.of("round", "department", "commitment")) {
                    compare(after, "/progress", "verifiedOnly", verifiedOnly, "roundId", round.toString(),
                            "groupBy", groupBy, "quarter", quarter);
                }
                var departments = json(compare(after, "/progress", "verifiedOnly", verifiedOnly,
                        "roundId", round.toString(), "groupBy", "department", "quarter", quarter));
                for (var department : departments) {
                    var id = department.get("id").asText();
                    compare(after, "/departments/" + id + "/progress", "verifiedOnly", verifiedOnly);
                    compare(after, "/departments/" + id + "/progress", "verifiedOnly", verifiedOnly, "roundId",
                            round.toString(), "quarter", quarter);
                }
            }
        }
        compare(after, "/progress", "groupBy", "commitment", "quarter", "2021-Q4");
    }

    /** Every row the read model holds for the two rounds, as kept write by write and as rebuilt from scratch. */
    private void compareWithRebuilt(String after) throws SQLException {
        readModel.refresh();
        var kept = rows();
        try (var c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            update(c, "delete from progress_target_state where target_id in (" + TARGETS + ")", roundIds(c));
            update(c, "delete from progress_target_span where target_id in (" + TARGETS + ")", roundIds(c));
            update(c, "delete from progress_milestone_state where milestone_id in (" + MILESTONES + ")", roundIds(c));
            update(c, "delete from progress_milestone_overdue where milestone_id in (" + MILESTONES + ")",
                    roundIds(c));
            update(c, "insert into progress_stale (target_id) " + TARGETS, roundIds(c));
            update(c, "insert into progress_stale (target_id, milestone_id) select m.target_id, m.id from milestone m "
                    + "where m.id in (" + MILESTONES + ")", roundIds(c));
            c.commit();
        }
        readModel.refresh();
        var rebuilt = rows();
        assertTrue(rebuilt.size() > 100, "rows of the rebuilt model: " + rebuilt.size());
        assertEquals(rebuilt, kept, "read model after " + after);
    }

    private static final String TARGETS = "select t.id from target t join commitment c on c.id = t.commitment_id "
            + "where c.round_id = any(?)";
    private static final String MILESTONES = "select m.id from milestone m join commitment c on c.id = "
            + "m.commitment_id where c.round_id = any(?)";

    private List<String> rows() throws SQLException {
        var rows = new ArrayList<String>();
        try (var c = dataSource.getConnection()) {
            for (var sql : List.of(
                    "select s::text from progress_target_state s where target_id in (" + TARGETS + ")",
                    "select s::text from progress_target_span s where target_id in (" + TARGETS + ")",
                    "select s::text from progress_milestone_state s where milestone_id in (" + MILESTONES + ")",
                    "select s::text from progress_milestone_overdue s where milestone_id in (" + MILESTONES + ")")) {
                try (var select = c.prepareStatement(sql + " order by 1")) {
                    select.setArray(1, roundIds(c));
                    try (var result = select.executeQuery()) {
                        while (result.next()) {
                            rows.add(result.getString(1));
                        }
                    }
                }
            }
        }
        return rows;
    }

    private java.sql.Array roundIds(Connection c) throws SQLException {
        return c.createArrayOf("uuid", rounds.toArray());
    }

    /** The answer from the read model, checked equal to the one computed from the reports; gives the body. */
    private String compare(String after, String path, String... query) {
        var fromReadModel = body(path, query);
        var withKnownAt = new ArrayList<>(List.of(query));
        withKnownAt.add("knownAt");
        withKnownAt.add(FROM_REPORTS);
        var fromReports = body(path, withKnownAt.toArray(String[]::new));
        assertEquals(fromReports, fromReadModel, () -> "after " + after + ": " + path + " " + List.of(query));
        compared++;
        return fromReadModel;
    }

    /** The JSON of a body as {@link #body} gives it, after its status. */
    private static com.fasterxml.jackson.databind.JsonNode json(String body) {
        assertTrue(body.startsWith("200 "), body);
        return ProgressJson.parse(body.substring(4));
    }

    private static String body(String path, String... query) {
        var request = given().accept("application/json");
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        var response = request.when().get(API + path);
        // the same question of a quarter outside the series must fail alike; its problem names the request
        assertTrue(response.statusCode() == 200 || response.statusCode() == 400, response::asString);
        return response.statusCode() + " " + response.asString().replaceAll("\"instance\":\"[^\"]*\"", "");
    }

    /** A random row of {@code table} (report, target, milestone, or a commitment as named) in the two rounds. */
    private UUID pick(Connection c, String table) throws SQLException {
        var sql = switch (table) {
            case "progress_report" -> "select p.id from progress_report p join target t on t.id = p.target_id "
                    + "join commitment c on c.id = t.commitment_id where c.round_id = any(?) order by p.id";
            case "target" -> "select t.id from target t join commitment c on c.id = t.commitment_id "
                    + "where c.round_id = any(?) order by t.id";
            case "milestone" -> "select m.id from milestone m join commitment c on c.id = m.commitment_id "
                    + "where c.round_id = any(?) order by m.id";
            case "commitment" -> "select c.id from commitment c where c.round_id = any(?) order by c.id";
            case "milestone without target" -> "select m.id from milestone m join commitment c on c.id = "
                    + "m.commitment_id where c.round_id = any(?) and m.target_id is null order by m.id";
            case "commitment with a target without start date" -> "select distinct c.id from commitment c "
                    + "join target t on t.commitment_id = c.id where c.round_id = any(?) and t.start_date is null "
                    + "order by c.id";
            default -> throw new IllegalArgumentException(table);
        };
        try (var select = c.prepareStatement(sql)) {
            select.setArray(1, c.createArrayOf("uuid", rounds.toArray()));
            var ids = new ArrayList<UUID>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids.get(random.nextInt(ids.size()));
        }
    }

    private static String update(Connection c, String sql, Object... parameters) throws SQLException {
        try (var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return sql.lines().findFirst().orElseThrow().trim() + ": " + statement.executeUpdate() + " rows";
        }
    }

    /** A target and its milestones to another commitment, in one transaction. */
    private String moveTarget(Connection c) throws SQLException {
        var target = pick(c, "target");
        var commitment = pick(c, "commitment");
        c.setAutoCommit(false);
        update(c, "update target set commitment_id = ?, version = version + 1 where id = ?", commitment, target);
        update(c, "update milestone set commitment_id = ?, version = version + 1 where target_id = ?", commitment,
                target);
        c.commit();
        c.setAutoCommit(true);
        return "move target " + target + " to commitment " + commitment;
    }

    /** A target with its reports and milestones, in one transaction. */
    private String deleteTarget(Connection c) throws SQLException {
        var target = pick(c, "target");
        c.setAutoCommit(false);
        update(c, "delete from progress_report where target_id = ?", target);
        update(c, "delete from milestone where target_id = ?", target);
        update(c, "delete from target where id = ?", target);
        c.commit();
        c.setAutoCommit(true);
        return "delete target " + target;
    }
}
