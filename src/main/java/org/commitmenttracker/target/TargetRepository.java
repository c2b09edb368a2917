package org.commitmenttracker.target;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commitmenttracker.common.Where;

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

    public long countByCommitment(UUID commitmentId) {
        return count("commitment.id", commitmentId);
    }
}
