package org.commitmenttracker.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.commitmenttracker.common.persistence.Where;
import org.commitmenttracker.report.ReviewStatus;
import org.commitmenttracker.target.Direction;

/**
 * Fetches what a progress answer needs, in a fixed number of statements whatever the number of targets: the scope's
 * targets, its milestones and the reports that count. Every rule is then applied by {@link QuarterCalculator}.
 */
@ApplicationScoped
class ProgressRepository {

    /** Which targets and milestones an answer covers; null fields do not restrict. */
    record Scope(UUID roundId, UUID departmentId, UUID commitmentId, Collection<UUID> targetIds) {

        static Scope round(UUID roundId) {
            return new Scope(roundId, null, null, null);
        }

        static Scope department(UUID departmentId, UUID roundId) {
            return new Scope(roundId, departmentId, null, null);
        }

        static Scope commitment(UUID commitmentId) {
            return new Scope(null, null, commitmentId, null);
        }

        static Scope targets(Collection<UUID> targetIds) {
            return new Scope(null, null, null, targetIds);
        }
    }

    /** The commitment, department and round a target or milestone belongs to: what the grouped table groups by. */
    record Groups(UUID commitmentId, int commitmentSeq, String commitmentTitle, UUID departmentId,
            String departmentCode, String departmentName, UUID roundId, String roundTitle, LocalDate roundPublishedOn) {
    }

    /** A target with the round's publication date as start when it has none, and the groups it belongs to. */
    record ScopedTarget(TargetFacts facts, Groups groups) {

        /** The shape of the query's constructor expression. */
        ScopedTarget(UUID id, Direction direction, BigDecimal baseline, BigDecimal targetValue, LocalDate startDate,
                LocalDate dueDate, BigDecimal weight, UUID commitmentId, int commitmentSeq, String commitmentTitle,
                UUID departmentId, String departmentCode, String departmentName, UUID roundId, String roundTitle,
                LocalDate roundPublishedOn) {
            this(new TargetFacts(id, direction, baseline, targetValue, startDate, dueDate, weight),
                    new Groups(commitmentId, commitmentSeq, commitmentTitle, departmentId, departmentCode,
                            departmentName, roundId, roundTitle, roundPublishedOn));
        }

        UUID id() {
            return facts.id();
        }
    }

    /** A milestone and the groups it belongs to. */
    record ScopedMilestone(MilestoneFacts facts, Groups groups) {

        /** The shape of the query's constructor expression. */
        ScopedMilestone(UUID id, UUID targetId, LocalDate dueDate, BigDecimal plannedValue, LocalDate completedOn,
                UUID commitmentId, int commitmentSeq, String commitmentTitle, UUID departmentId,
                String departmentCode, String departmentName, UUID roundId, String roundTitle,
                LocalDate roundPublishedOn) {
            this(new MilestoneFacts(id, targetId, dueDate, plannedValue, completedOn),
                    new Groups(commitmentId, commitmentSeq, commitmentTitle, departmentId, departmentCode,
                            departmentName, roundId, roundTitle, roundPublishedOn));
        }

        UUID id() {
            return facts.id();
        }
    }

    private static final String GROUP_COLUMNS = """
            c.id, c.seq, c.title, d.id, d.code, d.name, r.id, r.title, r.publishedOn""";

    private final EntityManager em;

    ProgressRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * The version of the data progress answers read: the sum of progress_version's slots, one of which every committed
     * write moves on (V31).
     */
    long version() {
        return ((Number) em.createNativeQuery("select sum(version) from progress_version").getSingleResult())
                .longValue();
    }

    /** Whether a round, department or commitment ({@code entity} is its entity name) with this id exists. */
    boolean exists(String entity, UUID id) {
        return !em.createQuery("select e.id from " + entity + " e where e.id = :id").setParameter("id", id)
                .getResultList().isEmpty();
    }

    List<ScopedTarget> targets(Scope scope) {
        return targets(where(scope, "t.id"));
    }

    private List<ScopedTarget> targets(Where where) {
        var query = em.createQuery("select new " + ScopedTarget.class.getName() + """
                (t.id, t.direction, t.baseline, t.targetValue, coalesce(t.startDate, r.publishedOn), t.dueDate,
                 t.weight, """ + GROUP_COLUMNS + """
                ) from Target t join t.commitment c join c.department d join c.round r""" + " where " + where.query(),
                ScopedTarget.class);
        where.parameters().forEach(query::setParameter);
        return query.getResultList();
    }

    List<ScopedMilestone> milestones(Scope scope) {
        return milestones(where(scope, "m.target.id"));
    }

    /**
     * The milestones of these targets, and these milestones themselves: what the read model settles again when they
     * or their targets have changed.
     */
    List<ScopedMilestone> milestonesOf(Collection<UUID> targetIds, Collection<UUID> milestoneIds) {
        var where = new Where().and("(m.target.id in :targetIds or m.id in :milestoneIds)", "targetIds",
                orNone(targetIds));
        where.parameters().put("milestoneIds", orNone(milestoneIds));
        return milestones(where);
    }

    /** An IN list that matches nothing when there is nothing to match, rather than an empty one. */
    private static Collection<UUID> orNone(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of(new UUID(0, 0)) : ids;
    }

    private List<ScopedMilestone> milestones(Where where) {
        var query = em.createQuery("select new " + ScopedMilestone.class.getName() + """
                (m.id, m.target.id, m.dueDate, m.plannedValue, m.completedOn, """ + GROUP_COLUMNS + """
                ) from Milestone m join m.commitment c join c.department d join c.round r""" + " where " + where.query(),
                ScopedMilestone.class);
        where.parameters().forEach(query::setParameter);
        return query.getResultList();
    }

    /** The reports of the scope's targets that count under {@code basis}; ties on asOf are the calculator's rule. */
    List<ReportFacts> reports(Scope scope, Basis basis) {
        return reports(where(scope, "t.id"), basis);
    }

    private List<ReportFacts> reports(Where scope, Basis basis) {
        var where = new Where()
                .and("p.status in :statuses", "statuses", basis.verifiedOnly()
                        ? List.of(ReviewStatus.VERIFIED) : List.of(ReviewStatus.SUBMITTED, ReviewStatus.VERIFIED))
                .and("p.createdAt < :knownBefore", "knownBefore", basis.knownBefore());
        var query = em.createQuery("select new " + ReportFacts.class.getName() + """
                (t.id, p.asOf, p.value, p.status, p.createdAt)
                from ProgressReport p join p.target t join t.commitment c join c.department d join c.round r
                """ + " where " + scope.query() + " and " + where.query(), ReportFacts.class);
        scope.parameters().forEach(query::setParameter);
        where.parameters().forEach(query::setParameter);
        return query.getResultList();
    }

    private static Where where(Scope scope, String targetPath) {
        return new Where()
                .and("r.id = :roundId", "roundId", scope.roundId())
                .and("d.id = :departmentId", "departmentId", scope.departmentId())
                .and("c.id = :commitmentId", "commitmentId", scope.commitmentId())
                .and(targetPath + " in :targetIds", "targetIds", scope.targetIds());
    }
}
