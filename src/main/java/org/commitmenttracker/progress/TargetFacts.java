package org.commitmenttracker.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.commitmenttracker.target.Direction;

/**
 * What the calculator needs of a target. {@code startDate} is already resolved: the target's own start date,
 * or its round's publication date when it has none. {@code baseline} is null when the target has none.
 */
record TargetFacts(UUID id, Direction direction, BigDecimal baseline, BigDecimal targetValue,
        LocalDate startDate, LocalDate dueDate, BigDecimal weight) {
}
