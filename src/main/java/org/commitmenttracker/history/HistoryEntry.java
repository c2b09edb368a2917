package org.commitmenttracker.history;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One change to a resource: what it was, who made it, when, why, and each field before and after. */
@Schema(name = "HistoryEntry")
public record HistoryEntry(
        @Schema(description = "Number of the revision (one per transaction) that made the change", minimum = "1", maximum = "9223372036854775807") long revision,
        @Schema(description = "CREATE, UPDATE, DELETE, REVIEW (a progress report) or COMPLETE (a milestone)") Action action,
        @Schema(description = "When the change was committed") Instant at,
        @Schema(description = "Who made it: the caller's token subject; null for an anonymous caller or seed data", maxLength = 200, nullable = true) String by,
        @Schema(description = "Why, as the caller said it (required for a target's targetValue, baseline, direction or dueDate)", maxLength = 1000, nullable = true) String reason,
        @Schema(description = "The fields that changed; on CREATE every field set, on DELETE every field the resource had", maxItems = 100) List<FieldChange> changes) {
}
