package org.commitmenttracker.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.commitmenttracker.common.Where;
import org.commitmenttracker.target.Direction;

/**
 * Fetches what a progress answer needs, in three statements whatever the number of targets: the scope's targets,
 * its milestones and its targets' reports. Every rule is then applied by {@link QuarterCalculator}.
 */
@ApplicationScoped
public class ProgressRepository {

    /** Which targets and milestones an answer covers; null fields do not restrict. */
    public record Scope(UUID roundId, UUID departmentId, UUID commitmentId, Collection<UUID> targetIds) {

        public static Scope targets(Collection<UUID> targetIds) {
            return new Scope(null, null, null, targetIds);
        }
    }

    /** A target with the round's publication date as start when it has none, and the groups it belongs to. */
    public record ScopedTarget(UUID id, Direction direction, BigDecimal baseline, BigDecimal targetValue,
            LocalDate startDate, LocalDate dueDate, BigDecimal weight, UUID commitmentId, int commitmentSeq,
            String commitmentTitle, UUID departmentId, String departmentCode, String departmentName, UUID roundId,
            String roundTitle, LocalDate roundPublishedOn) {

        public TargetFacts facts() {
            return new TargetFacts(id, direction, baseline, targetValue, startDate, dueDate, weight);
        }
    }

    /** A milestone and the groups it belongs to. */
    public record ScopedMilestone(UUID id, UUID targetId, LocalDate dueDate, BigDecimal plannedValue,
            LocalDate completedOn, UUID commitmentId, int commitmentSeq, String commitmentTitle, UUID departmentId,
            String departmentCode, String departmentName, UUID roundId, String roundTitle, LocalDate roundPublishedOn) {

        public MilestoneFacts facts() {
            return new MilestoneFacts(id, targetId, dueDate, plannedValue, completedOn);
        }
    }

    private static final String GROUP_COLUMNS = """
            c.id, c.seq, c.title, d.id, d.code, d.name, r.id, r.title, r.publishedOn""";

    private final EntityManager em;

    ProgressRepository(EntityManager em) {
        this.em = em;
    }

    public List<ScopedTarget> targets(Scope scope) {
        var where = where(scope, "t.id");
        var query = em.createQuery("select new " + ScopedTarget.class.getName() + """
                (t.id, t.direction, t.baseline, t.targetValue, coalesce(t.startDate, r.publishedOn), t.dueDate,
                 t.weight, """ + GROUP_COLUMNS + """
                ) from Target t join t.commitment c join c.department d join c.round r""" + " where " + where.query(),
                ScopedTarget.class);
        where.parameters().forEach(query::setParameter);
        return query.getResultList();
    }

    public List<ScopedMilestone> milestones(Scope scope) {
        var where = where(scope, "m.target.id");
        var query = em.createQuery("select new " + ScopedMilestone.class.getName() + """
                (m.id, m.target.id, m.dueDate, m.plannedValue, m.completedOn, """ + GROUP_COLUMNS + """
                ) from Milestone m join m.commitment c join c.department d join c.round r""" + " where " + where.query(),
                ScopedMilestone.class);
        where.parameters().forEach(query::setParameter);
        return query.getResultList();
    }

    /** Every report of the scope's targets, whatever its status: which ones count is the calculator's rule. */
    public List<ReportFacts> reports(Scope scope) {
        var where = where(scope, "t.id");
        var query = em.createQuery("select new " + ReportFacts.class.getName() + """
                (t.id, p.asOf, p.value, p.status, p.createdAt)
                from ProgressReport p join p.target t join t.commitment c join c.department d join c.round r
                """ + " where " + where.query(), ReportFacts.class);
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
