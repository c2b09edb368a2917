package org.commitmenttracker.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * Progress of a group of targets and milestones (a commitment, a department, a round) at one quarter end.
 * {@code statusCounts} holds all six statuses in their declared order, zeros included, so that every row of a table
 * has the same columns; {@code completionRatio} and {@code onTimeRatio} are null when there is nothing to average.
 */
public record Rollup(String quarter, LocalDate periodEnd, BigDecimal completionRatio, int targets,
        Map<ProgressStatus, Integer> statusCounts, int milestonesDue, int milestonesDone, BigDecimal onTimeRatio) {
}
