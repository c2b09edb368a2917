package org.commitmenttracker.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.commitmenttracker.common.http.SetElsewhere;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What a client sends to create or replace a milestone; completedOn is set through POST /milestones/{id}/completion. */
@Schema(name = "MilestoneRequest", description = "A dated step (完成时限) as written by a client")
@JsonIgnoreProperties({ "id", "version", "createdAt", "updatedAt" })
@SetElsewhere(field = "completedOn", by = "POST /api/v1/milestones/{id}/completion")
public record MilestoneRequest(
        @NotNull @Schema(description = "The commitment it belongs to") UUID commitmentId,
        @Schema(description = "The target whose level it plans; required with plannedValue, and of the same commitment") UUID targetId,
        @NotNull @Schema(examples = "2021-06-30") LocalDate dueDate,
        @NotBlank @Size(max = 5000) @Schema(examples = "二季度开工率达到40%、4200套", maxLength = 5000) String description,
        @DecimalMin(value = "-1E15", inclusive = false) @DecimalMax(value = "1E15", inclusive = false) @Digits(integer = 15, fraction = 6) @Schema(description = "The planned level of the target at dueDate (cumulative, in the target's unit)", examples = "4200") BigDecimal plannedValue) {

    static MilestoneRequest from(Milestone m) {
        return new MilestoneRequest(m.commitment.id, m.target == null ? null : m.target.id, m.dueDate, m.description,
                m.plannedValue);
    }
}
