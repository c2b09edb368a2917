package org.commitmenttracker.progress;

import java.time.LocalDate;
import java.util.UUID;

/**
 * GET /milestones?overdue=true: the milestones due before {@code asOf} and not completed at {@code asOf}, among those
 * the filters select (null filters do not restrict); with {@code verifiedOnly} only VERIFIED reports complete them.
 */
public record OverdueQuery(UUID commitmentId, UUID targetId, UUID departmentId, UUID roundId, LocalDate dueBefore,
        LocalDate dueAfter, LocalDate asOf, boolean verifiedOnly) {
}
