package org.commitmenttracker.progress;

import static org.commitmenttracker.progress.ProgressJson.decimal;
import static org.commitmenttracker.progress.ProgressJson.get;
import static org.commitmenttracker.progress.ProgressJson.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.commitmenttracker.Fixtures;
import org.commitmenttracker.seed.LargeCase;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Builds a random round through the API (fixed seed, printed; override with -Dprogress.seed=N) and checks every
 * progress answer against a plain implementation of domain.md's "How completion is computed", written here from the
 * text and sharing no code with {@link QuarterCalculator}.
 */
@QuarkusTest
class ProgressRandomizedTest {

    private static final String API = "/api/v1";
    private static final long SEED = Long.getLong("progress.seed", 20210401L);
    private static final MathContext EXACT_ENOUGH = MathContext.DECIMAL128;
    /** The API divides with 16 significant digits; the oracle with 34. */
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-13");
    private static final String[] STATUSES = ProgressJson.STATUSES;

    // --- the model the oracle works on ---------------------------------------------------------------------------

    private record Dept(String id, String name, String code) {
    }

    private record Commit(String id, String title, Dept department) {
    }

    private record Tgt(String id, Commit commitment, String measure, boolean increase, BigDecimal baseline,
            BigDecimal targetValue, LocalDate startDate, LocalDate dueDate, BigDecimal weight) {
    }

    private record Mile(String id, Commit commitment, Tgt target, LocalDate dueDate, BigDecimal plannedValue,
            LocalDate completedOn) {
    }

    /** {@code order}: the order in which the service recorded it. */
    private record Rep(Tgt target, LocalDate asOf, BigDecimal value, String status, int order) {
    }

    @Inject
    LargeCase largeCase;

    @Inject
    AgroalDataSource dataSource;

    private final Random random = new Random(SEED);
    private String roundId;
    private String roundTitle;
    private LocalDate publishedOn;
    private final List<Dept> departments = new ArrayList<>();
    private final List<Commit> commitments = new ArrayList<>();
    private final List<Tgt> targets = new ArrayList<>();
    private final List<Mile> milestones = new ArrayList<>();
    private final List<Rep> reports = new ArrayList<>();
    private int comparisons;

    @Test
    void shouldMatchIndependentImplementationOfDomainRulesOnRandomRound() {
        System.out.println("ProgressRandomizedTest seed = " + SEED + " (rerun with -Dprogress.seed=" + SEED + ")");
        build();
        System.out.printf("ProgressRandomizedTest data: %d targets, %d milestones (%d planned), %d reports%n",
                targets.size(), milestones.size(), milestones.stream().filter(m -> m.plannedValue() != null).count(),
                reports.size());

        for (boolean verifiedOnly : new boolean[] { false, true }) {
            var vo = String.valueOf(verifiedOnly);
            compareRollups("round", get(API + "/rounds/" + roundId + "/progress", "verifiedOnly", vo),
                    targets, milestones, verifiedOnly);
            for (var d : departments) {
                compareRollups("department " + d.code(),
                        get(API + "/departments/" + d.id() + "/progress", "verifiedOnly", vo),
                        targets.stream().filter(t -> t.commitment().department() == d).toList(),
                        milestones.stream().filter(m -> m.commitment().department() == d).toList(), verifiedOnly);
            }
            for (var c : commitments) {
                compareRollups("commitment " + c.title(),
                        get(API + "/commitments/" + c.id() + "/progress", "verifiedOnly", vo),
                        targets.stream().filter(t -> t.commitment() == c).toList(),
                        milestones.stream().filter(m -> m.commitment() == c).toList(), verifiedOnly);
            }
            for (var quarter : rollupSpan(targets, milestones)) {
                for (var groupBy : List.of("round", "department", "commitment")) {
                    compareGrouped(groupBy, quarter, get(API + "/progress", "quarter", quarter, "groupBy", groupBy,
                            "roundId", roundId, "verifiedOnly", vo), verifiedOnly);
                }
            }
            for (var t : targets) {
                compareTargetSeries(t, get(API + "/targets/" + t.id() + "/progress", "verifiedOnly", vo), verifiedOnly);
            }
            compareOverdue(verifiedOnly, 12);
        }
        System.out.println("ProgressRandomizedTest compared " + comparisons + " rows");
    }

    /**
     * The same comparison over a sample of a case written by {@link LargeCase} (the benchmark's generator, at a tenth of
     * a department's size per department): its mix of measures, directions, missing baselines and start dates,
     * corrections of the same date, VERIFIED and RETURNED reports.
     */
    @Test
    void shouldMatchIndependentImplementationOnSampleOfLargeCase() throws SQLException {
        var written = largeCase.write(SEED, new LargeCase.Size(4, 5, 5, 10));
        readBack(written.roundId());
        System.out.printf("ProgressRandomizedTest large-case sample: %d targets, %d milestones, %d reports%n",
                targets.size(), milestones.size(), reports.size());

        for (boolean verifiedOnly : new boolean[] { false, true }) {
            var vo = String.valueOf(verifiedOnly);
            compareRollups("round", get(API + "/rounds/" + roundId + "/progress", "verifiedOnly", vo),
                    targets, milestones, verifiedOnly);
            for (var d : departments) {
                compareRollups("department " + d.code(),
                        get(API + "/departments/" + d.id() + "/progress", "verifiedOnly", vo),
                        targets.stream().filter(t -> t.commitment().department() == d).toList(),
                        milestones.stream().filter(m -> m.commitment().department() == d).toList(), verifiedOnly);
            }
            for (int i = 0; i < 5; i++) {
                var c = pick(commitments);
                compareRollups("commitment " + c.title(),
                        get(API + "/commitments/" + c.id() + "/progress", "verifiedOnly", vo),
                        targets.stream().filter(t -> t.commitment() == c).toList(),
                        milestones.stream().filter(m -> m.commitment() == c).toList(), verifiedOnly);
            }
            var quarters = rollupSpan(targets, milestones);
            for (int i = 0; i < 3; i++) {
                var quarter = pick(quarters);
                for (var groupBy : List.of("round", "department", "commitment")) {
                    compareGrouped(groupBy, quarter, get(API + "/progress", "quarter", quarter, "groupBy", groupBy,
                            "roundId", roundId, "verifiedOnly", vo), verifiedOnly);
                }
            }
            for (int i = 0; i < 25; i++) {
                var t = pick(targets);
                compareTargetSeries(t, get(API + "/targets/" + t.id() + "/progress", "verifiedOnly", vo), verifiedOnly);
            }
            compareOverdue(verifiedOnly, 6);
        }
        System.out.println("ProgressRandomizedTest compared " + comparisons + " rows of the large-case sample");
    }

    /** Reads a written round back into the oracle's model; reports in the order the service recorded them. */
    private void readBack(UUID round) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (var q = connection.prepareStatement("select title, published_on from round where id = ?")) {
                q.setObject(1, round);
                try (var rs = q.executeQuery()) {
                    rs.next();
                    roundId = round.toString();
                    roundTitle = rs.getString(1);
                    publishedOn = rs.getObject(2, LocalDate.class);
                }
            }
            var departmentsById = new LinkedHashMap<String, Dept>();
            var commitmentsById = new HashMap<String, Commit>();
            try (var q = connection.prepareStatement("""
                    select c.id, c.title, d.id, d.name, d.code from commitment c join department d on d.id = c.department_id
                    where c.round_id = ? order by d.code, c.seq""")) {
                q.setObject(1, round);
                try (var rs = q.executeQuery()) {
                    while (rs.next()) {
                        var read = new Dept(rs.getString(3), rs.getString(4), rs.getString(5));
                        var department = departmentsById.computeIfAbsent(read.id(), id -> read);
                        var commitment = new Commit(rs.getString(1), rs.getString(2), department);
                        commitmentsById.put(commitment.id(), commitment);
                        commitments.add(commitment);
                    }
                }
            }
            departments.addAll(departmentsById.values());
            var targetsById = new HashMap<String, Tgt>();
            try (var q = connection.prepareStatement("""
                    select t.id, t.commitment_id, t.measure, t.direction, t.baseline, t.target_value, t.start_date,
                        t.due_date, t.weight
                    from target t join commitment c on c.id = t.commitment_id where c.round_id = ? order by t.id""")) {
                q.setObject(1, round);
                try (var rs = q.executeQuery()) {
                    while (rs.next()) {
                        var t = new Tgt(rs.getString(1), commitmentsById.get(rs.getString(2)), rs.getString(3),
                                rs.getString(4).equals("INCREASE"), rs.getBigDecimal(5), rs.getBigDecimal(6),
                                rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                                rs.getBigDecimal(9));
                        targetsById.put(t.id(), t);
                        targets.add(t);
                    }
                }
            }
            try (var q = connection.prepareStatement("""
                    select m.id, m.commitment_id, m.target_id, m.due_date, m.planned_value, m.completed_on
                    from milestone m join commitment c on c.id = m.commitment_id where c.round_id = ? order by m.id""")) {
                q.setObject(1, round);
                try (var rs = q.executeQuery()) {
                    while (rs.next()) {
                        milestones.add(new Mile(rs.getString(1), commitmentsById.get(rs.getString(2)),
                                rs.getString(3) == null ? null : targetsById.get(rs.getString(3)),
                                rs.getObject(4, LocalDate.class), rs.getBigDecimal(5),
                                rs.getObject(6, LocalDate.class)));
                    }
                }
            }
            try (var q = connection.prepareStatement("""
                    select p.target_id, p.as_of, p.value, p.status from progress_report p
                    join target t on t.id = p.target_id join commitment c on c.id = t.commitment_id
                    where c.round_id = ? order by p.recorded_at, p.id""")) {
                q.setObject(1, round);
                try (var rs = q.executeQuery()) {
                    while (rs.next()) {
                        reports.add(new Rep(targetsById.get(rs.getString(1)), rs.getObject(2, LocalDate.class),
                                rs.getBigDecimal(3), rs.getString(4), reports.size()));
                    }
                }
            }
        }
    }

    // --- building the round through the API --------------------------------------------------------------------

    private void build() {
        publishedOn = pick(List.of(LocalDate.of(2021, 1, 10), LocalDate.of(2021, 4, 1), LocalDate.of(2021, 5, 20)));
        roundId = Fixtures.round(publishedOn.toString());
        roundTitle = text(get(API + "/rounds/" + roundId), "title");
        for (int i = 0; i < 3; i++) {
            var id = Fixtures.department();
            var view = get(API + "/departments/" + id);
            departments.add(new Dept(id, text(view, "name"), text(view, "code")));
        }
        for (int i = 0; i < 6; i++) {
            var department = departments.get(i % 3);
            var title = "随机问题" + "一二三四五六".charAt(i) + "(" + department.name() + ")";
            commitments.add(new Commit(Fixtures.commitment(roundId, department.id(), title), title, department));
        }
        for (int i = 0; i < 30; i++) {
            targets.add(createTarget(i < commitments.size() ? commitments.get(i) : pick(commitments)));
        }
        createPlannedMilestones(26);
        createQualitativeMilestones(14);
        createReports(320);
    }

    private Tgt createTarget(Commit commitment) {
        double m = random.nextDouble();
        String measure = m < 0.6 ? "NUMBER" : m < 0.85 ? "PERCENT" : "BOOLEAN";
        boolean increase = measure.equals("BOOLEAN") || random.nextDouble() < 0.7;
        BigDecimal ceiling = measure.equals("PERCENT") ? BigDecimal.valueOf(100) : BigDecimal.valueOf(600);
        BigDecimal baseline = null;
        BigDecimal targetValue;
        if (measure.equals("BOOLEAN")) {
            baseline = random.nextBoolean() ? BigDecimal.ZERO : null;
            targetValue = BigDecimal.ONE;
        } else if (increase) {
            if (random.nextDouble() < 0.5) {
                baseline = amount(BigDecimal.ZERO, ceiling.divide(BigDecimal.valueOf(3), 0, RoundingMode.DOWN));
            }
            var from = baseline == null ? BigDecimal.ZERO : baseline;
            targetValue = baseline != null && random.nextDouble() < 0.12 ? baseline : amount(from.add(BigDecimal.ONE), ceiling);
        } else {
            if (random.nextDouble() < 0.6) {
                baseline = amount(ceiling.divide(BigDecimal.valueOf(4), 0, RoundingMode.DOWN), ceiling);
                targetValue = random.nextDouble() < 0.12 ? baseline : amount(BigDecimal.ZERO, baseline.subtract(BigDecimal.ONE));
            } else {
                targetValue = random.nextDouble() < 0.1 ? BigDecimal.ZERO : amount(BigDecimal.ONE, ceiling.divide(BigDecimal.valueOf(5), 0, RoundingMode.DOWN));
            }
        }
        LocalDate start = random.nextDouble() < 0.2 ? null : date(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 9, 30));
        var earliestDue = start == null ? publishedOn : start;
        LocalDate due = random.nextDouble() < 0.3
                ? quarterEnd(date(earliestDue, LocalDate.of(2021, 12, 31)))
                : date(earliestDue.plusDays(20), LocalDate.of(2021, 12, 31));
        if (due.isBefore(earliestDue)) {
            due = earliestDue;
        }
        var weight = pick(List.of("0.25", "0.5", "1", "1", "1", "1.5", "2", "3"));

        var body = new HashMap<String, Object>();
        body.put("name", "随机指标" + (targets.size() + 1));
        body.put("unit", switch (measure) {
            case "PERCENT" -> "%";
            case "BOOLEAN" -> "项";
            default -> "处";
        });
        body.put("measure", measure);
        body.put("direction", increase ? "INCREASE" : "DECREASE");
        body.put("baseline", baseline);
        body.put("targetValue", targetValue);
        body.put("startDate", start == null ? null : start.toString());
        body.put("dueDate", due.toString());
        body.put("weight", new BigDecimal(weight));
        var id = Fixtures.target(commitment.id(), body);
        return new Tgt(id, commitment, measure, increase, baseline, targetValue, start, due, new BigDecimal(weight));
    }

    private void createPlannedMilestones(int count) {
        var planable = targets.stream().filter(t -> !t.measure().equals("BOOLEAN")
                && t.targetValue().compareTo(base(t)) != 0).toList();
        var taken = new HashSet<String>();
        for (int i = 0; i < count; i++) {
            var t = pick(planable);
            var from = t.startDate() == null ? LocalDate.of(2021, 1, 1) : t.startDate();
            var until = t.dueDate().minusDays(1);
            if (until.isBefore(from)) {
                continue;
            }
            var due = random.nextDouble() < 0.4 ? quarterEnd(date(from, until)) : date(from, until);
            if (!due.isBefore(t.dueDate())) {
                due = until;
            }
            // Same-day plans for one target and a plan on the target's own due date are left out: domain.md
            // does not say which wins.
            if (!taken.add(t.id() + due)) {
                continue;
            }
            var share = BigDecimal.valueOf(20 + random.nextInt(71)).movePointLeft(2);
            var planned = base(t).add(t.targetValue().subtract(base(t)).multiply(share)).setScale(2, RoundingMode.HALF_UP);
            var id = Fixtures.milestone(t.commitment().id(), t.id(), due.toString(), planned);
            milestones.add(new Mile(id, t.commitment(), t, due, planned, null));
        }
    }

    private void createQualitativeMilestones(int count) {
        for (int i = 0; i < count; i++) {
            var commitment = pick(commitments);
            var booleans = targets.stream().filter(t -> t.commitment() == commitment && t.measure().equals("BOOLEAN"))
                    .toList();
            Tgt target = !booleans.isEmpty() && random.nextBoolean() ? pick(booleans) : null;
            var due = random.nextDouble() < 0.15 ? date(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 6, 30))
                    : random.nextDouble() < 0.4 ? quarterEnd(date(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31)))
                            : date(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31));
            var id = Fixtures.milestone(commitment.id(), target == null ? null : target.id(), due.toString(), null);
            double c = random.nextDouble();
            LocalDate completedOn = c < 0.35 ? null
                    : c < 0.7 ? due.minusDays(random.nextInt(31))
                            : due.plusDays(1 + random.nextInt(60));
            if (completedOn != null) {
                Fixtures.complete(id, completedOn.toString());
            }
            milestones.add(new Mile(id, commitment, target, due, null, completedOn));
        }
    }

    private void createReports(int count) {
        for (int i = 0; i < count; i++) {
            var t = pick(targets);
            var earlier = reports.stream().filter(r -> r.target() == t).toList();
            var asOf = !earlier.isEmpty() && random.nextDouble() < 0.12 ? pick(earlier).asOf()
                    : random.nextDouble() < 0.2 ? quarterEnd(date(LocalDate.of(2020, 12, 1), LocalDate.of(2021, 12, 31)))
                            : date(LocalDate.of(2020, 12, 1), LocalDate.of(2022, 1, 31));
            var value = reportValue(t);
            var id = Fixtures.report(t.id(), asOf.toString(), value);
            double r = random.nextDouble();
            var status = r < 0.25 ? "VERIFIED" : r < 0.37 ? "RETURNED" : "SUBMITTED";
            if (!status.equals("SUBMITTED")) {
                Fixtures.review(id, status);
            }
            reports.add(new Rep(t, asOf, value, status, i));
        }
    }

    private BigDecimal reportValue(Tgt t) {
        if (t.measure().equals("BOOLEAN")) {
            return random.nextDouble() < 0.6 ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        // From somewhat below the baseline (regression) to beyond the target (over-achievement).
        var u = BigDecimal.valueOf(-30 + random.nextInt(161)).movePointLeft(2);
        BigDecimal value;
        if (t.increase() || t.baseline() != null) {
            var distance = t.targetValue().subtract(base(t));
            if (distance.signum() == 0) {
                distance = BigDecimal.TEN.negate().multiply(BigDecimal.valueOf(t.increase() ? -1 : 1));
            }
            value = base(t).add(distance.multiply(u));
        } else {
            value = t.targetValue().add(BigDecimal.TEN).multiply(u.add(BigDecimal.ONE));
        }
        value = value.setScale(2, RoundingMode.HALF_UP).max(BigDecimal.ZERO);
        return t.measure().equals("PERCENT") ? value.min(BigDecimal.valueOf(100)) : value;
    }

    // --- domain.md, "How completion is computed", written out plainly --------------------------------------------

    private static BigDecimal base(Tgt t) {
        return t.baseline() == null ? BigDecimal.ZERO : t.baseline();
    }

    /** A(d): the report with the latest asOf ≤ d; on a tie the one recorded last; RETURNED never; VERIFIED only if asked. */
    private BigDecimal actual(Tgt t, LocalDate d, boolean verifiedOnly) {
        Rep best = null;
        for (var r : reports) {
            boolean counts = !r.status().equals("RETURNED") && (!verifiedOnly || r.status().equals("VERIFIED"));
            if (r.target() == t && counts && !r.asOf().isAfter(d)) {
                if (best == null || r.asOf().isAfter(best.asOf())
                        || (r.asOf().equals(best.asOf()) && r.order() > best.order())) {
                    best = r;
                }
            }
        }
        return best == null ? null : best.value();
    }

    /**
     * The overdue listing of the round at {@code days} days: some picked at random, the others where it changes (the
     * day after a due date, a report's asOf, a completion). A milestone is overdue at x when due before x and not
     * completed at x; a planned one shows its target's A(x).
     */
    private void compareOverdue(boolean verifiedOnly, int days) {
        var asOfs = new ArrayList<LocalDate>();
        for (int i = 0; i < days; i++) {
            asOfs.add(switch (i % 3) {
                case 0 -> date(LocalDate.of(2021, 1, 1), LocalDate.of(2023, 6, 30));
                case 1 -> pick(milestones).dueDate().plusDays(1);
                default -> reports.isEmpty() ? pick(milestones).dueDate() : pick(reports).asOf();
            });
        }
        for (var asOf : asOfs) {
            var expected = new HashMap<String, BigDecimal>();
            var planned = new HashSet<String>();
            for (var m : milestones) {
                if (m.dueDate().isBefore(asOf) && !completedAt(m, asOf, verifiedOnly)) {
                    expected.put(m.id(), m.plannedValue() == null ? null : actual(m.target(), asOf, verifiedOnly));
                    if (m.plannedValue() != null) {
                        planned.add(m.id());
                    }
                }
            }
            var listed = new HashMap<String, BigDecimal>();
            for (int page = 0; ; page++) {
                var body = get(API + "/milestones", "overdue", "true", "asOf", asOf.toString(), "roundId", roundId,
                        "verifiedOnly", String.valueOf(verifiedOnly), "size", "200", "page", String.valueOf(page));
                for (var row : body.get("items")) {
                    listed.put(text(row, "id"), decimal(row, "actual"));
                    assertEquals(ChronoUnit.DAYS.between(LocalDate.parse(text(row, "dueDate")), asOf),
                            row.get("daysOverdue").asLong(), "daysOverdue of " + row);
                }
                if ((page + 1) * 200L >= body.get("total").asLong()) {
                    break;
                }
            }
            var where = "overdue at " + asOf + (verifiedOnly ? ", verified only" : "");
            assertEquals(expected.keySet(), listed.keySet(), where);
            for (var id : expected.keySet()) {
                assertExact(expected.get(id), listed.get(id), "actual of milestone " + id + (planned.contains(id)
                        ? " (planned)" : ""), where);
                comparisons++;
            }
        }
    }

    /** P(d): the plannedValue of the target's milestone with the latest dueDate ≤ d; the target is the last one. */
    private BigDecimal planned(Tgt t, LocalDate d) {
        LocalDate latest = null;
        BigDecimal value = null;
        for (var m : milestones) {
            if (m.target() == t && m.plannedValue() != null && !m.dueDate().isAfter(d)
                    && (latest == null || m.dueDate().isAfter(latest))) {
                latest = m.dueDate();
                value = m.plannedValue();
            }
        }
        if (!t.dueDate().isAfter(d)) {
            value = t.targetValue();
        }
        return value;
    }

    private static BigDecimal ratio(Tgt t, BigDecimal a) {
        if (a == null) {
            return null;
        }
        var b = base(t);
        var target = t.targetValue();
        if (!t.increase() && t.baseline() == null) {
            return a.compareTo(target) <= 0 ? BigDecimal.ONE : target.divide(a, EXACT_ENOUGH);
        }
        if (target.compareTo(b) == 0) {
            return meets(t, a, target) ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return t.increase() ? a.subtract(b).divide(target.subtract(b), EXACT_ENOUGH)
                : b.subtract(a).divide(b.subtract(target), EXACT_ENOUGH);
    }

    /**
     * (A − B) / (P − B), or (B − A) / (B − P) for DECREASE, when defined. A DECREASE target without a baseline is
     * judged against its plan as its ratio is against the target (1 if A ≤ P, else P / A): the service's reading of
     * "when defined" there, since (0 − A) / (0 − P) would grow as the level gets worse.
     */
    private static BigDecimal planAttainment(Tgt t, BigDecimal a, BigDecimal p) {
        if (a == null || p == null) {
            return null;
        }
        if (!t.increase() && t.baseline() == null) {
            return a.compareTo(p) <= 0 ? BigDecimal.ONE : p.divide(a, EXACT_ENOUGH);
        }
        var b = base(t);
        var divisor = t.increase() ? p.subtract(b) : b.subtract(p);
        if (divisor.signum() == 0) {
            return null;
        }
        return (t.increase() ? a.subtract(b) : b.subtract(a)).divide(divisor, EXACT_ENOUGH);
    }

    private static boolean meets(Tgt t, BigDecimal a, BigDecimal goal) {
        return t.increase() ? a.compareTo(goal) >= 0 : a.compareTo(goal) <= 0;
    }

    private static String status(Tgt t, LocalDate d, BigDecimal a, BigDecimal p, BigDecimal ratio) {
        if (a != null && ratio.compareTo(BigDecimal.ONE) >= 0) {
            return "MET";
        }
        if (!d.isBefore(t.dueDate())) {
            return "MISSED";
        }
        if (p == null) {
            return "NOT_DUE";
        }
        if (a == null) {
            return "NO_DATA";
        }
        return meets(t, a, p) ? "ON_TRACK" : "BEHIND";
    }

    private boolean completedAt(Mile m, LocalDate x, boolean verifiedOnly) {
        if (m.plannedValue() == null) {
            return m.completedOn() != null && !m.completedOn().isAfter(x);
        }
        var a = actual(m.target(), x, verifiedOnly);
        return a != null && meets(m.target(), a, m.plannedValue());
    }

    private record Expected(BigDecimal actual, BigDecimal planned, BigDecimal ratio, BigDecimal planAttainment,
            String status) {
    }

    private Expected at(Tgt t, LocalDate d, boolean verifiedOnly) {
        var a = actual(t, d, verifiedOnly);
        var p = planned(t, d);
        var r = ratio(t, a);
        return new Expected(a, p, r, planAttainment(t, a, p), status(t, d, a, p, r));
    }

    private record ExpectedRollup(BigDecimal ratio, int targets, Map<String, Integer> counts, int due, int done,
            BigDecimal onTime) {
    }

    private ExpectedRollup rollup(LocalDate d, List<Tgt> scopeTargets, List<Mile> scopeMilestones,
            boolean verifiedOnly) {
        var counts = new LinkedHashMap<String, Integer>();
        for (var s : STATUSES) {
            counts.put(s, 0);
        }
        var weighted = BigDecimal.ZERO;
        var weights = BigDecimal.ZERO;
        for (var t : scopeTargets) {
            var e = at(t, d, verifiedOnly);
            counts.merge(e.status(), 1, Integer::sum);
            var clamped = e.ratio() == null ? BigDecimal.ZERO : e.ratio().max(BigDecimal.ZERO).min(BigDecimal.ONE);
            weighted = weighted.add(t.weight().multiply(clamped));
            weights = weights.add(t.weight());
        }
        int due = 0;
        int done = 0;
        for (var m : scopeMilestones) {
            if (!m.dueDate().isAfter(d)) {
                due++;
                // Done on time (completed at its own due date) is also done by d, as the due date is not after d.
                if (completedAt(m, m.dueDate(), verifiedOnly)) {
                    done++;
                }
            }
        }
        return new ExpectedRollup(scopeTargets.isEmpty() ? null : weighted.divide(weights, EXACT_ENOUGH),
                scopeTargets.size(), counts, due, done,
                due == 0 ? null : BigDecimal.valueOf(done).divide(BigDecimal.valueOf(due), EXACT_ENOUGH));
    }

    // --- quarters --------------------------------------------------------------------------------------------

    private static String quarterOf(LocalDate date) {
        return date.getYear() + "-Q" + ((date.getMonthValue() + 2) / 3);
    }

    private static LocalDate endOf(String quarter) {
        int year = Integer.parseInt(quarter.substring(0, 4));
        int q = quarter.charAt(6) - '0';
        return LocalDate.of(year, q * 3, 1).with(TemporalAdjusters.lastDayOfMonth());
    }

    private static LocalDate quarterEnd(LocalDate date) {
        return endOf(quarterOf(date));
    }

    private static List<String> quarters(LocalDate from, LocalDate to) {
        var list = new ArrayList<String>();
        for (var end = quarterEnd(from); !end.isAfter(quarterEnd(to)); end = quarterEnd(end.plusDays(1))) {
            list.add(quarterOf(end));
        }
        return list;
    }

    private List<String> span(Tgt t) {
        return quarters(t.startDate() == null ? publishedOn : t.startDate(), t.dueDate());
    }

    private List<String> rollupSpan(List<Tgt> scopeTargets, List<Mile> scopeMilestones) {
        var ends = new ArrayList<LocalDate>();
        for (var t : scopeTargets) {
            var s = span(t);
            ends.add(endOf(s.get(0)));
            ends.add(endOf(s.get(s.size() - 1)));
        }
        scopeMilestones.forEach(m -> ends.add(quarterEnd(m.dueDate())));
        if (ends.isEmpty()) {
            return List.of();
        }
        return quarters(ends.stream().min(LocalDate::compareTo).orElseThrow(),
                ends.stream().max(LocalDate::compareTo).orElseThrow());
    }

    // --- comparison ------------------------------------------------------------------------------------------

    private void compareTargetSeries(Tgt t, JsonNode rows, boolean verifiedOnly) {
        var where = "target " + t + " (verifiedOnly=" + verifiedOnly + ", seed " + SEED + ")";
        var expectedQuarters = span(t);
        assertEquals(expectedQuarters, quartersOf(rows), where);
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            var d = endOf(expectedQuarters.get(i));
            var e = at(t, d, verifiedOnly);
            var at = where + " at " + expectedQuarters.get(i) + ": " + row;
            assertEquals(d.toString(), text(row, "periodEnd"), at);
            assertExact(e.actual(), decimal(row, "actual"), "actual", at);
            assertExact(e.planned(), decimal(row, "planned"), "planned", at);
            assertClose(e.ratio(), decimal(row, "completionRatio"), "completionRatio", at);
            assertClose(e.planAttainment(), decimal(row, "planAttainment"), "planAttainment", at);
            assertEquals(e.status(), text(row, "status"), "status of " + at);
            comparisons++;
        }
    }

    private void compareRollups(String what, JsonNode rows, List<Tgt> scopeTargets, List<Mile> scopeMilestones,
            boolean verifiedOnly) {
        var where = what + " (verifiedOnly=" + verifiedOnly + ", seed " + SEED + ")";
        var expectedQuarters = rollupSpan(scopeTargets, scopeMilestones);
        assertEquals(expectedQuarters, quartersOf(rows), where);
        for (int i = 0; i < rows.size(); i++) {
            var d = endOf(expectedQuarters.get(i));
            assertEquals(d.toString(), text(rows.get(i), "periodEnd"), where);
            compareRollupRow(rollup(d, scopeTargets, scopeMilestones, verifiedOnly), rows.get(i),
                    where + " at " + expectedQuarters.get(i));
        }
    }

    private void compareRollupRow(ExpectedRollup e, JsonNode row, String where) {
        var at = where + ": " + row;
        assertClose(e.ratio(), decimal(row, "completionRatio"), "completionRatio", at);
        assertEquals(e.targets(), row.get("targets").asInt(), "targets of " + at);
        var counts = row.get("statusCounts");
        assertEquals(STATUSES.length, counts.size(), "statusCounts of " + at);
        for (var s : STATUSES) {
            assertNotNull(counts.get(s), s + " in " + at);
            assertEquals(e.counts().get(s), counts.get(s).asInt(), "statusCounts." + s + " of " + at);
        }
        assertEquals(e.due(), row.get("milestonesDue").asInt(), "milestonesDue of " + at);
        assertEquals(e.done(), row.get("milestonesDone").asInt(), "milestonesDone of " + at);
        assertClose(e.onTime(), decimal(row, "onTimeRatio"), "onTimeRatio", at);
        comparisons++;
    }

    private void compareGrouped(String groupBy, String quarter, JsonNode rows, boolean verifiedOnly) {
        var where = "groupBy=" + groupBy + " at " + quarter + " (verifiedOnly=" + verifiedOnly + ", seed " + SEED + ")";
        var d = endOf(quarter);
        var expected = new LinkedHashMap<String, String[]>();
        Map<String, Predicate<Tgt>> targetScopes = new HashMap<>();
        Map<String, Predicate<Mile>> milestoneScopes = new HashMap<>();
        switch (groupBy) {
            case "round" -> {
                expected.put(roundId, new String[] { roundTitle, null });
                targetScopes.put(roundId, t -> true);
                milestoneScopes.put(roundId, m -> true);
            }
            case "department" -> departments.forEach(dep -> {
                expected.put(dep.id(), new String[] { dep.name(), dep.code() });
                targetScopes.put(dep.id(), t -> t.commitment().department() == dep);
                milestoneScopes.put(dep.id(), m -> m.commitment().department() == dep);
            });
            default -> commitments.forEach(c -> {
                expected.put(c.id(), new String[] { c.title(), c.department().code() });
                targetScopes.put(c.id(), t -> t.commitment() == c);
                milestoneScopes.put(c.id(), m -> m.commitment() == c);
            });
        }
        // Only groups with targets or milestones in scope have a row.
        expected.keySet().removeIf(id -> targets.stream().noneMatch(targetScopes.get(id))
                && milestones.stream().noneMatch(milestoneScopes.get(id)));
        Set<String> seen = new HashSet<>();
        for (var row : rows) {
            var id = text(row, "id");
            assertTrue(expected.containsKey(id), () -> where + ": unexpected group " + row);
            assertTrue(seen.add(id), () -> where + ": group twice " + row);
            assertEquals(groupBy, text(row, "groupBy"), where);
            assertEquals(expected.get(id)[0], text(row, "name"), where);
            assertEquals(expected.get(id)[1], text(row, "code"), where);
            assertEquals(quarter, text(row, "quarter"), where);
            assertEquals(d.toString(), text(row, "periodEnd"), where);
            compareRollupRow(rollup(d, targets.stream().filter(targetScopes.get(id)).toList(),
                    milestones.stream().filter(milestoneScopes.get(id)).toList(), verifiedOnly), row,
                    where + " group " + expected.get(id)[0]);
        }
        assertEquals(expected.keySet(), seen, where);
    }

    private static List<String> quartersOf(JsonNode rows) {
        var list = new ArrayList<String>();
        rows.forEach(r -> list.add(text(r, "quarter")));
        return list;
    }

    private static void assertExact(BigDecimal expected, BigDecimal actual, String field, String where) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, field + " of " + where);
        } else if (expected.compareTo(actual) != 0) {
            fail(field + " of " + where + ": expected " + expected.toPlainString() + ", got " + actual.toPlainString());
        }
    }

    private static void assertClose(BigDecimal expected, BigDecimal actual, String field, String where) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, field + " of " + where);
            return;
        }
        var allowed = TOLERANCE.multiply(expected.abs().max(BigDecimal.ONE));
        if (expected.subtract(actual).abs().compareTo(allowed) > 0) {
            fail(field + " of " + where + ": expected " + expected.toPlainString() + ", got " + actual.toPlainString());
        }
    }

    // --- random values -----------------------------------------------------------------------------------------

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private LocalDate date(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return days <= 0 ? from : from.plusDays(random.nextLong(days + 1));
    }

    /** A value with two decimals in [from, to]. */
    private BigDecimal amount(BigDecimal from, BigDecimal to) {
        if (to.compareTo(from) <= 0) {
            return from;
        }
        long cents = to.subtract(from).movePointRight(2).longValue();
        return from.add(BigDecimal.valueOf(random.nextLong(cents + 1)).movePointLeft(2)).setScale(2, RoundingMode.DOWN);
    }
}
