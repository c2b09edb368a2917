package org.commitmenttracker.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commitmenttracker.common.persistence.Where;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ProgressReportRepository implements PanacheRepositoryBase<ProgressReport, UUID> {

    /** The filters of GET /progress-reports. */
    record Filter(UUID targetId, UUID commitmentId, UUID departmentId, UUID roundId, LocalDate from, LocalDate to,
            ReviewStatus status) {
    }

    PanacheQuery<ProgressReport> search(Filter f, Sort sort) {
        var where = new Where()
                .and("target.id = :targetId", "targetId", f.targetId())
                .and("target.commitment.id = :commitmentId", "commitmentId", f.commitmentId())
                .and("target.commitment.department.id = :departmentId", "departmentId", f.departmentId())
                .and("target.commitment.round.id = :roundId", "roundId", f.roundId())
                .and("asOf >= :from", "from", f.from())
                .and("asOf <= :to", "to", f.to())
                .and("status = :status", "status", f.status());
        return find(where.query(), sort, where.parameters());
    }

    public long countByTarget(UUID targetId) {
        return count("target.id", targetId);
    }

    public List<BigDecimal> valuesOfTarget(UUID targetId) {
        return getEntityManager()
                .createQuery("select p.value from ProgressReport p where p.target.id = :id", BigDecimal.class)
                .setParameter("id", targetId).getResultList();
    }
}
