package org.commitmenttracker.progress;

import java.util.UUID;

/** GET /progress: one row per round, department or commitment in scope (null filters do not restrict), sorted. */
public record GroupedQuery(GroupBy groupBy, UUID roundId, UUID departmentId, String sort) {

    /** How GET /progress groups its rows. */
    public enum GroupBy {
        round, department, commitment
    }
}
