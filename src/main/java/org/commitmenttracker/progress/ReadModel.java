package org.commitmenttracker.progress;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.commitmenttracker.common.persistence.Where;
import org.commitmenttracker.progress.GroupedQuery.GroupBy;
import org.commitmenttracker.progress.ProgressRepository.Scope;
import org.commitmenttracker.progress.ProgressRepository.ScopedTarget;
import org.commitmenttracker.target.OverdueMilestoneView;
import org.hibernate.Session;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The read model behind the roll-ups (V32), for the default basis and for {@code verifiedOnly}: per target the runs of
 * quarters in which its status and weighted ratio stay the same ({@link QuarterCalculator.Segment}) and the span of
 * its series, and per milestone its due quarter and whether it was done on time. A roll-up is then a sum of rows per
 * quarter in SQL, whatever the number of reports stored; {@code knownAt} (any past day) is still computed from the
 * reports.
 * <p>
 * Every write that can change these rows (a report, a target, a milestone, a round's publication date, a commitment's
 * round) notes the targets and milestones it touched in {@code progress_stale}, by trigger, in its own transaction:
 * no write path can forget to. Before an answer reads the rows, {@link #refresh} settles what is noted with
 * {@link QuarterCalculator}, the one place of the rules, so the first answer after a write costs what the write
 * changed. The rows live in PostgreSQL, so every replica sees them at once.
 */
@ApplicationScoped
class ReadModel {

    /** Stale entries settled per round trip: bounds the memory of a refresh after a large import. */
    static final int CHUNK = 2_000;
    /** The advisory lock that lets one refresh at a time settle the stale entries (an arbitrary key of this model). */
    private static final long REFRESH_LOCK = 0x7072_6f67_7265_7373L;
    private static final int UNBOUNDED_FROM = Integer.MIN_VALUE;
    private static final int UNBOUNDED_TO = Integer.MAX_VALUE;

    private final EntityManager em;
    private final ProgressRepository repository;

    ReadModel(EntityManager em, ProgressRepository repository) {
        this.em = em;
        this.repository = repository;
    }

    /**
     * Settles every write committed before it was called (the caller has read the data's version): a no-op of one
     * statement when nothing is stale. Each chunk is its own transaction under an advisory lock, so two answers
     * computed at once do not settle the same rows twice, a large backlog (a bulk load) commits as it goes, and writes
     * noted meanwhile, which belong to a later version, do not keep it running.
     */
    void refresh() {
        var last = (Number) em.createNativeQuery("select max(id) from progress_stale").getSingleResult();
        if (last == null) {
            return;
        }
        while (QuarkusTransaction.requiringNew().call(() -> settleChunk(last.longValue()))) {
            // until nothing up to the last entry is stale
        }
    }

    /** Settles up to {@link #CHUNK} stale entries noted up to {@code last}; false when there were none. */
    @SuppressWarnings("unchecked")
    private boolean settleChunk(long last) {
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(:key)) l")
                .setParameter("key", REFRESH_LOCK).getSingleResult();
        List<Object[]> stale = em.createNativeQuery("select id, target_id, milestone_id from progress_stale "
                + "where id <= :last order by id limit " + CHUNK).setParameter("last", last).getResultList();
        if (stale.isEmpty()) {
            return false;
        }
        var entries = new ArrayList<Long>();
        var targetIds = new HashSet<UUID>();
        var milestoneIds = new HashSet<UUID>();
        for (var row : stale) {
            entries.add(((Number) row[0]).longValue());
            if (row[1] != null) {
                targetIds.add((UUID) row[1]);
            }
            if (row[2] != null) {
                milestoneIds.add((UUID) row[2]);
            }
        }
        var targets = targetIds.isEmpty() ? List.<ScopedTarget>of() : repository.targets(Scope.targets(targetIds));
        var found = new HashSet<UUID>();
        targets.forEach(t -> found.add(t.id()));
        // A milestone moved since it was noted to a target not settled here is settled with that target, later: its
        // target's move noted it again. Its plan needs its target's facts, which this chunk does not hold.
        var milestones = new ArrayList<MilestoneFacts>();
        var commitmentOf = new HashMap<UUID, UUID>();
        targets.forEach(t -> commitmentOf.put(t.id(), t.groups().commitmentId()));
        var dropped = new HashSet<UUID>();
        for (var m : repository.milestonesOf(targetIds, milestoneIds)) {
            var f = m.facts();
            if (f.plannedValue() != null && !found.contains(f.targetId())) {
                dropped.add(f.id());
            } else {
                milestones.add(f);
                milestoneIds.add(f.id());
                commitmentOf.put(f.id(), m.groups().commitmentId());
            }
        }
        milestoneIds.removeAll(dropped);
        var reports = found.isEmpty() ? List.<ReportFacts>of() : repository.reports(Scope.targets(found), Basis.ALL);
        var facts = targets.stream().map(ScopedTarget::facts).toList();
        var rows = new Rows();
        for (boolean verifiedOnly : new boolean[] { false, true }) {
            var calculator = new QuarterCalculator(new Basis(verifiedOnly, null), facts, milestones, reports);
            for (var t : facts) {
                rows.target(t.id(), commitmentOf.get(t.id()), verifiedOnly, calculator.targetSegments(t.id()));
                if (!verifiedOnly) {
                    var span = calculator.targetSpan(t.id());
                    rows.span(t.id(), commitmentOf.get(t.id()), span.get(0), span.get(span.size() - 1));
                }
            }
            for (var m : milestones) {
                rows.milestone(m.id(), commitmentOf.get(m.id()), verifiedOnly, Quarter.of(m.dueDate()),
                        calculator.doneOnTime(m.id()));
                rows.overdue(m.id(), verifiedOnly, calculator.overdueRuns(m.id()));
            }
        }
        em.unwrap(Session.class).doWork(connection -> rows.write(connection, targetIds, milestoneIds, entries));
        return true;
    }

    /** The rows of one refresh, column by column, written with one statement per table. */
    private static final class Rows {
        private final List<UUID> stateTarget = new ArrayList<>();
        private final List<UUID> stateCommitment = new ArrayList<>();
        private final List<Boolean> stateVerifiedOnly = new ArrayList<>();
        private final List<Integer> stateFrom = new ArrayList<>();
        private final List<Integer> stateTo = new ArrayList<>();
        private final List<String> stateStatus = new ArrayList<>();
        private final List<BigDecimal> stateWeight = new ArrayList<>();
        private final List<BigDecimal> stateWeighted = new ArrayList<>();
        private final List<UUID> spanTarget = new ArrayList<>();
        private final List<UUID> spanCommitment = new ArrayList<>();
        private final List<Integer> spanFirst = new ArrayList<>();
        private final List<Integer> spanLast = new ArrayList<>();
        private final List<UUID> milestone = new ArrayList<>();
        private final List<UUID> milestoneCommitment = new ArrayList<>();
        private final List<Boolean> milestoneVerifiedOnly = new ArrayList<>();
        private final List<Integer> milestoneDue = new ArrayList<>();
        private final List<Boolean> milestoneDone = new ArrayList<>();
        private final List<UUID> overdue = new ArrayList<>();
        private final List<Boolean> overdueVerifiedOnly = new ArrayList<>();
        private final List<String> overdueFrom = new ArrayList<>();
        private final List<String> overdueTo = new ArrayList<>();
        private final List<BigDecimal> overdueActual = new ArrayList<>();

        void target(UUID id, UUID commitment, boolean verifiedOnly, List<QuarterCalculator.Segment> segments) {
            for (int i = 0; i < segments.size(); i++) {
                var s = segments.get(i);
                stateTarget.add(id);
                stateCommitment.add(commitment);
                stateVerifiedOnly.add(verifiedOnly);
                stateFrom.add(s.from() == null ? UNBOUNDED_FROM : s.from().index());
                stateTo.add(i + 1 < segments.size() ? segments.get(i + 1).from().index() : UNBOUNDED_TO);
                stateStatus.add(s.status().name());
                stateWeight.add(s.weight());
                stateWeighted.add(s.weightedRatio());
            }
        }

        void span(UUID id, UUID commitment, Quarter first, Quarter last) {
            spanTarget.add(id);
            spanCommitment.add(commitment);
            spanFirst.add(first.index());
            spanLast.add(last.index());
        }

        void milestone(UUID id, UUID commitment, boolean verifiedOnly, Quarter due, boolean doneOnTime) {
            milestone.add(id);
            milestoneCommitment.add(commitment);
            milestoneVerifiedOnly.add(verifiedOnly);
            milestoneDue.add(due.index());
            milestoneDone.add(doneOnTime);
        }

        void overdue(UUID id, boolean verifiedOnly, List<QuarterCalculator.OverdueRun> runs) {
            for (var run : runs) {
                overdue.add(id);
                overdueVerifiedOnly.add(verifiedOnly);
                overdueFrom.add(run.from().toString());
                overdueTo.add(run.to() == null ? null : run.to().toString());
                overdueActual.add(run.actual());
            }
        }

        void write(Connection c, Set<UUID> targetIds, Set<UUID> milestoneIds, List<Long> entries)
                throws SQLException {
            var targets = c.createArrayOf("uuid", targetIds.toArray());
            var milestones = c.createArrayOf("uuid", milestoneIds.toArray());
            execute(c, "delete from progress_target_state where target_id = any(?)", targets);
            execute(c, "delete from progress_target_span where target_id = any(?)", targets);
            execute(c, "delete from progress_milestone_state where milestone_id = any(?)", milestones);
            execute(c, "delete from progress_milestone_overdue where milestone_id = any(?)", milestones);
            execute(c, """
                    insert into progress_target_state
                        (target_id, commitment_id, verified_only, from_q, to_q, status, weight, weighted_ratio)
                    select * from unnest(?::uuid[], ?::uuid[], ?::boolean[], ?::integer[], ?::integer[], ?::text[],
                        ?::numeric[], ?::numeric[])""",
                    c.createArrayOf("uuid", stateTarget.toArray()), c.createArrayOf("uuid",
                            stateCommitment.toArray()), c.createArrayOf("bool",
                            stateVerifiedOnly.toArray()), c.createArrayOf("int4", stateFrom.toArray()),
                    c.createArrayOf("int4", stateTo.toArray()), c.createArrayOf("text", stateStatus.toArray()),
                    c.createArrayOf("numeric", stateWeight.toArray()),
                    c.createArrayOf("numeric", stateWeighted.toArray()));
            execute(c, """
                    insert into progress_target_span (target_id, commitment_id, first_q, last_q)
                    select * from unnest(?::uuid[], ?::uuid[], ?::integer[], ?::integer[])""",
                    c.createArrayOf("uuid", spanTarget.toArray()), c.createArrayOf("uuid", spanCommitment.toArray()),
                    c.createArrayOf("int4", spanFirst.toArray()),
                    c.createArrayOf("int4", spanLast.toArray()));
            execute(c, """
                    insert into progress_milestone_state
                        (milestone_id, commitment_id, verified_only, due_q, done_on_time)
                    select * from unnest(?::uuid[], ?::uuid[], ?::boolean[], ?::integer[], ?::boolean[])""",
                    c.createArrayOf("uuid", milestone.toArray()), c.createArrayOf("uuid",
                            milestoneCommitment.toArray()), c.createArrayOf("bool",
                            milestoneVerifiedOnly.toArray()), c.createArrayOf("int4", milestoneDue.toArray()),
                    c.createArrayOf("bool", milestoneDone.toArray()));
            execute(c, """
                    insert into progress_milestone_overdue (milestone_id, verified_only, from_date, to_date, actual)
                    select * from unnest(?::uuid[], ?::boolean[], ?::date[], ?::date[], ?::numeric[])""",
                    c.createArrayOf("uuid", overdue.toArray()), c.createArrayOf("bool", overdueVerifiedOnly.toArray()),
                    c.createArrayOf("text", overdueFrom.toArray()), c.createArrayOf("text", overdueTo.toArray()),
                    c.createArrayOf("numeric", overdueActual.toArray()));
            execute(c, "delete from progress_stale where id = any(?)", c.createArrayOf("int8", entries.toArray()));
        }

        private static void execute(Connection c, String sql, java.sql.Array... arrays) throws SQLException {
            try (var statement = c.prepareStatement(sql)) {
                for (int i = 0; i < arrays.length; i++) {
                    statement.setArray(i + 1, arrays[i]);
                }
                statement.executeUpdate();
            }
        }
    }

    // --- answers -------------------------------------------------------------------------------------------------

    /** A round's, a department's or a commitment's scope as a condition on commitment {@code c}. */
    private static Where within(Scope scope) {
        if (scope.targetIds() != null) {
            throw new IllegalArgumentException("The read model answers for rounds, departments and commitments");
        }
        return new Where()
                .and("c.round_id = :roundId", "roundId", scope.roundId())
                .and("c.department_id = :departmentId", "departmentId", scope.departmentId())
                .and("c.id = :commitmentId", "commitmentId", scope.commitmentId());
    }

    /** {@code query} with the parameters of {@code where} bound. */
    private static Query bound(Query query, Where where) {
        where.parameters().forEach(query::setParameter);
        return query;
    }

    /**
     * The quarters of the scope's roll-up series: from the earliest to the latest of its targets' series and its
     * milestones' due quarters, gaps filled; empty when the scope has neither.
     */
    List<Quarter> span(Scope scope) {
        var where = within(scope);
        var bounds = (Object[]) bound(em.createNativeQuery("""
                select min(f), max(l) from (
                    select s.first_q as f, s.last_q as l
                    from progress_target_span s join commitment c on c.id = s.commitment_id
                    where %1$s
                    union all
                    select ms.due_q, ms.due_q
                    from progress_milestone_state ms join commitment c on c.id = ms.commitment_id
                    where ms.verified_only = false and %1$s
                ) bounds""".formatted(where.query())), where).getSingleResult();
        if (bounds[0] == null) {
            return List.of();
        }
        return Quarter.range(Quarter.ofIndex(((Number) bounds[0]).intValue()),
                Quarter.ofIndex(((Number) bounds[1]).intValue()));
    }

    /** The sums a roll-up is made of, added up group by group. */
    static final class Totals {
        private final Map<ProgressStatus, Integer> statusCounts = new EnumMap<>(ProgressStatus.class);
        private BigDecimal weightedRatios = BigDecimal.ZERO;
        private BigDecimal weights = BigDecimal.ZERO;
        private int due;
        private int done;

        private void targets(Object status, Object count, Object weight, Object weighted) {
            statusCounts.merge(ProgressStatus.valueOf((String) status), ((Number) count).intValue(), Integer::sum);
            weights = weights.add((BigDecimal) weight);
            weightedRatios = weightedRatios.add((BigDecimal) weighted);
        }

        private void milestones(Object dueCount, Object doneCount) {
            due += ((Number) dueCount).intValue();
            done += ((Number) doneCount).intValue();
        }

        Rollup at(Quarter q) {
            return QuarterCalculator.rollup(q, statusCounts, weightedRatios, weights, due, done);
        }
    }

    /** The roll-up of the scope at each of {@code quarters} (consecutive), by {@code verifiedOnly}'s basis. */
    @SuppressWarnings("unchecked")
    List<Rollup> series(Scope scope, boolean verifiedOnly, List<Quarter> quarters) {
        var where = within(scope);
        int first = quarters.get(0).index();
        int last = quarters.get(quarters.size() - 1).index();
        var totals = new LinkedHashMap<Integer, Totals>();
        for (var q : quarters) {
            totals.put(q.index(), new Totals());
        }
        // Targets in the same run of the span's quarters and the same status are added up first, then each run is
        // counted in every quarter it covers: the sums of a quarter are those of the targets it holds, scale included.
        List<Object[]> targetRows = bound(em.createNativeQuery("""
                with runs as (
                    select greatest(st.from_q, :first) as f, least(st.to_q, :last + 1) as t, st.status,
                           count(*) as n, sum(st.weight) as w, sum(st.weighted_ratio) as wr
                    from progress_target_state st join commitment c on c.id = st.commitment_id
                    where st.verified_only = :verifiedOnly and st.from_q <= :last and st.to_q > :first and %s
                    group by 1, 2, 3)
                select q.q, runs.status, sum(runs.n), sum(runs.w), sum(runs.wr)
                from runs cross join lateral generate_series(runs.f, runs.t - 1) q(q)
                group by q.q, runs.status""".formatted(where.query())), where)
                .setParameter("first", first).setParameter("last", last).setParameter("verifiedOnly", verifiedOnly)
                .getResultList();
        for (var row : targetRows) {
            totals.get(((Number) row[0]).intValue()).targets(row[1], row[2], row[3], row[4]);
        }
        // due and done by a quarter's end are every milestone due in or before that quarter: a running sum
        List<Object[]> milestoneRows = bound(em.createNativeQuery("""
                select ms.due_q, count(*), count(*) filter (where ms.done_on_time)
                from progress_milestone_state ms join commitment c on c.id = ms.commitment_id
                where ms.verified_only = :verifiedOnly and ms.due_q <= :last and %s
                group by ms.due_q""".formatted(where.query())), where)
                .setParameter("last", last).setParameter("verifiedOnly", verifiedOnly).getResultList();
        for (var row : milestoneRows) {
            int due = Math.max(((Number) row[0]).intValue(), first);
            for (int q = due; q <= last; q++) {
                totals.get(q).milestones(row[1], row[2]);
            }
        }
        var rollups = new ArrayList<Rollup>();
        totals.forEach((q, t) -> rollups.add(t.at(Quarter.ofIndex(q))));
        return rollups;
    }

    /** The columns a group is known by, per grouping: id, name, code, publication date, seq; and its key. */
    private record GroupColumns(String select, String key) {

        static GroupColumns of(GroupBy groupBy) {
            return switch (groupBy) {
                case round -> new GroupColumns("r.id, r.title, null::text, r.published_on, 0", "r.id");
                case department -> new GroupColumns("d.id, d.name, d.code, null::date, 0", "d.id, d.name, d.code");
                case commitment -> new GroupColumns("c.id, c.title, d.code, null::date, c.seq",
                        "c.id, c.title, d.code, c.seq");
            };
        }
    }

    /** Per group of the scope (every group with a target or a milestone), its sums at quarter {@code q}. */
    @SuppressWarnings("unchecked")
    Map<ProgressService.Group, Totals> grouped(Scope scope, GroupBy groupBy, boolean verifiedOnly, Quarter q) {
        var where = within(scope);
        var columns = GroupColumns.of(groupBy);
        var groups = new LinkedHashMap<ProgressService.Group, Totals>();
        List<Object[]> targetRows = bound(em.createNativeQuery("""
                select %1$s, st.status, count(*), sum(st.weight), sum(st.weighted_ratio)
                from progress_target_state st
                join commitment c on c.id = st.commitment_id
                join department d on d.id = c.department_id
                join round r on r.id = c.round_id
                where st.verified_only = :verifiedOnly and st.from_q <= :q and :q < st.to_q and %2$s
                group by %3$s, st.status""".formatted(columns.select(), where.query(), columns.key())), where)
                .setParameter("q", q.index()).setParameter("verifiedOnly", verifiedOnly).getResultList();
        for (var row : targetRows) {
            groups.computeIfAbsent(group(row), g -> new Totals()).targets(row[5], row[6], row[7], row[8]);
        }
        List<Object[]> milestoneRows = bound(em.createNativeQuery("""
                select %1$s, count(*) filter (where ms.due_q <= :q),
                       count(*) filter (where ms.due_q <= :q and ms.done_on_time)
                from progress_milestone_state ms
                join commitment c on c.id = ms.commitment_id
                join department d on d.id = c.department_id
                join round r on r.id = c.round_id
                where ms.verified_only = :verifiedOnly and %2$s
                group by %3$s""".formatted(columns.select(), where.query(), columns.key())), where)
                .setParameter("q", q.index()).setParameter("verifiedOnly", verifiedOnly).getResultList();
        for (var row : milestoneRows) {
            groups.computeIfAbsent(group(row), g -> new Totals()).milestones(row[5], row[6]);
        }
        return groups;
    }

    /**
     * The overdue listing at {@code q.asOf()}: every milestone the filters select whose overdue runs hold that day,
     * with what the listing shows of it, in no particular order.
     */
    @SuppressWarnings("unchecked")
    List<OverdueMilestoneView> overdue(OverdueQuery q) {
        var filters = new Where()
                .and("c.id = :commitmentId", "commitmentId", q.commitmentId())
                .and("m.target_id = :targetId", "targetId", q.targetId())
                .and("d.id = :departmentId", "departmentId", q.departmentId())
                .and("r.id = :roundId", "roundId", q.roundId())
                .and("m.due_date < :dueBefore", "dueBefore", q.dueBefore())
                .and("m.due_date > :dueAfter", "dueAfter", q.dueAfter());
        var query = bound(em.createNativeQuery("""
                select m.id, m.due_date, m.description, m.planned_value, o.actual, m.target_id, c.id, c.seq, c.title,
                       d.id, d.code, d.name
                from progress_milestone_overdue o
                join milestone m on m.id = o.milestone_id
                join commitment c on c.id = m.commitment_id
                join department d on d.id = c.department_id
                join round r on r.id = c.round_id
                where o.verified_only = :verifiedOnly and o.from_date <= :asOf
                  and (o.to_date is null or :asOf < o.to_date) and %s""".formatted(filters.query())), filters)
                .setParameter("verifiedOnly", q.verifiedOnly()).setParameter("asOf", q.asOf());
        var rows = new ArrayList<OverdueMilestoneView>();
        for (var row : (List<Object[]>) query.getResultList()) {
            var due = toDate(row[1]);
            rows.add(new OverdueMilestoneView((UUID) row[0], due, (String) row[2], (BigDecimal) row[3],
                    (BigDecimal) row[4], (UUID) row[5], (UUID) row[6], ((Number) row[7]).intValue(), (String) row[8],
                    (UUID) row[9], (String) row[10], (String) row[11], ChronoUnit.DAYS.between(due, q.asOf())));
        }
        return rows;
    }

    private static ProgressService.Group group(Object[] row) {
        return new ProgressService.Group((UUID) row[0], (String) row[1], (String) row[2], toDate(row[3]),
                ((Number) row[4]).intValue());
    }

    private static LocalDate toDate(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
