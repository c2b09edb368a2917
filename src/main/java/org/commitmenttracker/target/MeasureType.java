package org.commitmenttracker.target;

import java.math.BigDecimal;

/** How a target is measured: a count or amount, a percentage (0–100), or a yes/no step (target 1, actual 0 or 1). */
public enum MeasureType {
    NUMBER,
    PERCENT,
    BOOLEAN;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Why {@code value} cannot be a level of a target measured this way, or null when it can. */
    public String misfit(BigDecimal value) {
        if (value == null) {
            return null;
        }
        return switch (this) {
            case NUMBER -> null;
            case PERCENT -> value.signum() < 0 || value.compareTo(HUNDRED) > 0
                    ? "must be between 0 and 100 for a PERCENT target" : null;
            case BOOLEAN -> value.compareTo(BigDecimal.ZERO) != 0 && value.compareTo(BigDecimal.ONE) != 0
                    ? "must be 0 or 1 for a BOOLEAN target" : null;
        };
    }
}
