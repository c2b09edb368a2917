package org.commitmenttracker.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** What the calculator needs of a milestone: {@code targetId} and {@code plannedValue} are null for a qualitative step. */
record MilestoneFacts(UUID id, UUID targetId, LocalDate dueDate, BigDecimal plannedValue, LocalDate completedOn) {
}
