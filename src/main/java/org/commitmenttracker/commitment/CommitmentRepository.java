package org.commitmenttracker.commitment;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commitmenttracker.common.persistence.Where;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CommitmentRepository implements PanacheRepositoryBase<Commitment, UUID> {

    PanacheQuery<Commitment> search(UUID roundId, UUID departmentId, Integer year, String q, Sort sort) {
        var where = new Where()
                .and("round.id = :roundId", "roundId", roundId)
                .and("department.id = :departmentId", "departmentId", departmentId)
                .and("round.year = :year", "year", year)
                .contains("q", q, "searchText");
        return find(where.query(), sort, where.parameters());
    }

    public long countByRound(UUID roundId) {
        return count("round.id", roundId);
    }

    public long countByDepartment(UUID departmentId) {
        return count("department.id", departmentId);
    }

    /** Whether the round already has this department's commitment with this seq. */
    public boolean exists(UUID roundId, UUID departmentId, int seq) {
        return existsSeq(roundId, departmentId, seq, null);
    }

    boolean existsSeq(UUID roundId, UUID departmentId, int seq, UUID exceptId) {
        return count("round.id = ?1 and department.id = ?2 and seq = ?3 and id <> ?4", roundId, departmentId, seq,
                exceptId == null ? new UUID(0, 0) : exceptId) > 0;
    }
}
