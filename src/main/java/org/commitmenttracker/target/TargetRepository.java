package org.commitmenttracker.target;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commitmenttracker.common.persistence.Where;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class TargetRepository implements PanacheRepositoryBase<Target, UUID> {

    /** The filters of GET /targets. */
    record Filter(UUID commitmentId, UUID departmentId, UUID roundId, LocalDate dueBefore, LocalDate dueAfter,
            MeasureType measure, String q) {
    }

    PanacheQuery<Target> search(Filter f, Sort sort) {
        var where = new Where()
                .and("commitment.id = :commitmentId", "commitmentId", f.commitmentId())
                .and("commitment.department.id = :departmentId", "departmentId", f.departmentId())
                .and("commitment.round.id = :roundId", "roundId", f.roundId())
                .and("dueDate < :dueBefore", "dueBefore", f.dueBefore())
                .and("dueDate > :dueAfter", "dueAfter", f.dueAfter())
                .and("measure = :measure", "measure", f.measure())
                .contains("q", f.q(), "name", "unit", "coalesce(note, '')");
        return find(where.query(), sort, where.parameters());
    }

    /**
     * The target as the API shows it, read as a projection: a GET needs no managed entity, so nothing is kept for
     * dirty checking and nothing is flushed at the end of the transaction.
     */
    Optional<TargetView> findView(UUID id) {
        return getEntityManager().createQuery("select new " + TargetView.class.getName() + """
                (t.id, t.commitment.id, t.name, t.unit, t.measure, t.direction, t.baseline, t.targetValue, t.startDate,
                 t.dueDate, t.weight, t.note, t.version, t.createdAt, t.updatedAt) from Target t where t.id = :id""",
                TargetView.class).setParameter("id", id).getResultStream().findFirst();
    }

    /** What filing a report needs of its target. */
    public record ReportedTarget(MeasureType measure, String departmentCode) {
    }

    /**
     * A target's measure and its department's code, in one statement and as a projection: filing a report checks
     * the caller's department and the value's measure, and loading the target, its commitment and its department as
     * entities cost two more statements and, at every flush, a dirty check of the commitment's JSON columns.
     */
    public Optional<ReportedTarget> findReported(UUID id) {
        return getEntityManager().createQuery("select new " + ReportedTarget.class.getName() + """
                (t.measure, d.code) from Target t join t.commitment c join c.department d where t.id = :id""",
                ReportedTarget.class).setParameter("id", id).getResultStream().findFirst();
    }

    /** The target as a reference to point at, without reading it. */
    public Target reference(UUID id) {
        return getEntityManager().getReference(Target.class, id);
    }

    public long countByCommitment(UUID commitmentId) {
        return count("commitment.id", commitmentId);
    }
}
