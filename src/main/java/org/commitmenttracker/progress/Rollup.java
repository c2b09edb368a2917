package org.commitmenttracker.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Progress of a group of targets and milestones (a commitment, a department, a round) at one quarter end.
 * {@code statusCounts} holds all six statuses in their declared order, zeros included, so that every row of a table
 * has the same columns; {@code completionRatio} and {@code onTimeRatio} are null when there is nothing to average.
 */
@Schema(name = "Rollup", description = "A group's roll-up at one quarter end")
public record Rollup(
        @Schema(examples = "2021-Q3", maxLength = 7, pattern = "^\\d{4}-Q[1-4]$") String quarter,
        @Schema(examples = "2021-09-30") LocalDate periodEnd,
        @Schema(description = "Weighted mean of the targets' completion ratios, each clamped to [0, 1], unknown = 0; null without targets", nullable = true) BigDecimal completionRatio,
        @Schema(minimum = "0", maximum = "2147483647") int targets,
        @Schema(description = "Number of targets per status, all six included") Map<ProgressStatus, Integer> statusCounts,
        @Schema(minimum = "0", maximum = "2147483647") int milestonesDue,
        @Schema(minimum = "0", maximum = "2147483647") int milestonesDone,
        @Schema(description = "milestonesDone / milestonesDue; null when none are due", nullable = true) BigDecimal onTimeRatio) {
}
