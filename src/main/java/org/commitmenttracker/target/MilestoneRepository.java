package org.commitmenttracker.target;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commitmenttracker.common.persistence.Where;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class MilestoneRepository implements PanacheRepositoryBase<Milestone, UUID> {

    /** The filters of GET /milestones. */
    record Filter(UUID commitmentId, UUID targetId, UUID departmentId, UUID roundId, LocalDate dueBefore,
            LocalDate dueAfter) {
    }

    PanacheQuery<Milestone> search(Filter f, Sort sort) {
        var where = where(f, "");
        return find(where.query(), sort, where.parameters());
    }

    /** The filters as a where-clause; {@code alias} ("m." or "") prefixes every path. */
    private static Where where(Filter f, String alias) {
        return new Where()
                .and(alias + "commitment.id = :commitmentId", "commitmentId", f.commitmentId())
                .and(alias + "target.id = :targetId", "targetId", f.targetId())
                .and(alias + "commitment.department.id = :departmentId", "departmentId", f.departmentId())
                .and(alias + "commitment.round.id = :roundId", "roundId", f.roundId())
                .and(alias + "dueDate < :dueBefore", "dueBefore", f.dueBefore())
                .and(alias + "dueDate > :dueAfter", "dueAfter", f.dueAfter());
    }

    public long countByCommitment(UUID commitmentId) {
        return count("commitment.id", commitmentId);
    }

    public long countByTarget(UUID targetId) {
        return count("target.id", targetId);
    }

    /** Milestones that fix a planned level of this target: the ones a change of the target must stay consistent with. */
    List<Milestone> findPlannedForTarget(UUID targetId) {
        return list("target.id = ?1 and plannedValue is not null", targetId);
    }
}
