package org.commitmenttracker.progress;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One target at one quarter end, as sent to clients: {@code actual} and {@code planned} are the levels as reported and
 * planned, the ratios are unrounded fractions, and any value that domain.md leaves undefined is null.
 */
public record TargetQuarter(String quarter, LocalDate periodEnd, BigDecimal actual, BigDecimal planned,
        BigDecimal completionRatio, BigDecimal planAttainment, ProgressStatus status) {
}
