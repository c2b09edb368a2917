package org.commitmenttracker.progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.commitmenttracker.report.ReviewStatus;

/** What the calculator needs of a progress report: the level of a target as of a date, and when it was recorded. */
record ReportFacts(UUID targetId, LocalDate asOf, BigDecimal value, ReviewStatus status, Instant recordedAt) {
}
