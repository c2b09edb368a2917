package org.commitmenttracker.progress;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One target at one quarter end, as sent to clients: {@code actual} and {@code planned} are the levels as reported and
 * planned, the ratios are unrounded fractions, and any value that domain.md leaves undefined is null.
 */
@Schema(name = "TargetQuarter", description = "One target at one quarter end")
public record TargetQuarter(
        @Schema(examples = "2021-Q3", maxLength = 7, pattern = "^\\d{4}-Q[1-4]$") String quarter,
        @Schema(examples = "2021-09-30") LocalDate periodEnd,
        @Schema(description = "The reported level at periodEnd; null without a counted report", nullable = true) BigDecimal actual,
        @Schema(description = "The planned level at periodEnd; null without a plan", nullable = true) BigDecimal planned,
        @Schema(description = "Unclamped, unrounded; null without actual", nullable = true) BigDecimal completionRatio,
        @Schema(description = "null when actual or planned is unknown, or planned equals the baseline", nullable = true) BigDecimal planAttainment,
        ProgressStatus status) {
}
