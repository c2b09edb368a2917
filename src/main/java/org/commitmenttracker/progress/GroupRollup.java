package org.commitmenttracker.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One row of GET /progress: a group (round, department or commitment) and its roll-up at the quarter. */
@Schema(name = "GroupRollup", description = "A group's roll-up at one quarter")
public record GroupRollup(
        @Schema(description = "round, department or commitment", examples = "department", enumeration = { "round", "department", "commitment" }) String groupBy,
        UUID id,
        @Schema(description = "Round title, department name, or commitment title", examples = "市住房城乡建设局", maxLength = 500) String name,
        @Schema(description = "Department code (for departments and commitments), else null", examples = "zjj", nullable = true, maxLength = 32) String code,
        @Schema(examples = "2021-Q3", maxLength = 7, pattern = "^\\d{4}-Q[1-4]$") String quarter,
        @Schema(examples = "2021-09-30") LocalDate periodEnd,
        @Schema(description = "Weighted mean of the targets' completion ratios, each clamped to [0, 1], unknown = 0; null without targets", examples = "0.6666666666666667", nullable = true) BigDecimal completionRatio,
        @Schema(examples = "12", minimum = "0", maximum = "2147483647") int targets,
        @Schema(description = "Number of targets per status, all six included") Map<ProgressStatus, Integer> statusCounts,
        @Schema(examples = "5", minimum = "0", maximum = "2147483647") int milestonesDue,
        @Schema(examples = "4", minimum = "0", maximum = "2147483647") int milestonesDone,
        @Schema(description = "milestonesDone / milestonesDue; null when none are due", examples = "0.8", nullable = true) BigDecimal onTimeRatio) {

    static GroupRollup of(String groupBy, UUID id, String name, String code, Rollup r) {
        return new GroupRollup(groupBy, id, name, code, r.quarter(), r.periodEnd(), r.completionRatio(), r.targets(),
                r.statusCounts(), r.milestonesDue(), r.milestonesDone(), r.onTimeRatio());
    }
}
