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

    /**
     * A target with its commitment and department, in one statement: filing a report checks the caller's department
     * and the value's measure, and would otherwise load the three one after the other.
     */
    public Optional<Target> findWithDepartment(UUID id) {
        return find("from Target t join fetch t.commitment c join fetch c.department where t.id = ?1", id)
                .firstResultOptional();
    }

    public long countByCommitment(UUID commitmentId) {
        return count("commitment.id", commitmentId);
    }
}
