package org.commitmenttracker.target;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A milestone as the API shows it. */
@Schema(name = "Milestone", description = "A dated step (完成时限) of a commitment")
public record MilestoneView(
        UUID id,
        UUID commitmentId,
        @Schema(description = "The target it plans, if any", nullable = true) UUID targetId,
        @Schema(examples = "2021-06-30") LocalDate dueDate,
        @Schema(examples = "二季度开工率达到40%、4200套", maxLength = 5000) String description,
        @Schema(description = "Planned level of the target at dueDate; completion then follows from reports", examples = "4200", nullable = true) BigDecimal plannedValue,
        @Schema(description = "When a qualitative milestone was completed (null: not yet)", examples = "2021-03-25", nullable = true) LocalDate completedOn,
        @Schema(description = "Changes with every update; also the ETag", examples = "0", minimum = "0", maximum = "9223372036854775807") long version,
        Instant createdAt,
        Instant updatedAt) {

    static MilestoneView from(Milestone m) {
        return new MilestoneView(m.id, m.commitment.id, m.target == null ? null : m.target.id, m.dueDate,
                m.description, m.plannedValue, m.completedOn, m.version, m.createdAt, m.updatedAt);
    }
}
