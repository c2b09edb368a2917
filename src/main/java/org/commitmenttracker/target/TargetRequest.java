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

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What a client sends to create or replace a target. */
@Schema(name = "TargetRequest", description = "A quantitative target (指标) as written by a client")
@JsonIgnoreProperties({ "id", "version", "createdAt", "updatedAt" })
public record TargetRequest(
        @NotNull @Schema(description = "The commitment it belongs to") UUID commitmentId,
        @NotBlank @Size(max = 200) @Schema(examples = "棚户区改造开工", maxLength = 200) String name,
        @NotBlank @Size(max = 20) @Schema(examples = "套", maxLength = 20) String unit,
        @NotNull @Schema(description = "NUMBER, PERCENT (values 0–100) or BOOLEAN (targetValue 1, values 0 or 1)", examples = "NUMBER") MeasureType measure,
        @Schema(description = "INCREASE (met when actual ≥ target, the default) or DECREASE (met when actual ≤ target)", examples = "INCREASE") Direction direction,
        @DecimalMin(value = "-1E15", inclusive = false) @DecimalMax(value = "1E15", inclusive = false) @Digits(integer = 15, fraction = 6) @Schema(description = "The level before the round, when known (59 长者食堂)", examples = "59") BigDecimal baseline,
        @NotNull(message = "targetValue is required") @DecimalMin(value = "-1E15", inclusive = false) @DecimalMax(value = "1E15", inclusive = false) @Digits(integer = 15, fraction = 6) @Schema(examples = "10500") BigDecimal targetValue,
        @Schema(description = "When work on it starts; defaults to the round's publication date for the quarter series", examples = "2021-01-01") LocalDate startDate,
        @NotNull @Schema(examples = "2021-12-31") LocalDate dueDate,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("999999.999999") @Digits(integer = 6, fraction = 6) @Schema(description = "Weight in roll-ups (default 1)", examples = "1") BigDecimal weight,
        @Size(max = 5000) @Schema(description = "Where the figure comes from", examples = "四季度开工率达到100%、10500套", maxLength = 5000) String note,
        @Size(max = 1000) @Schema(description = "Why the target changes: required when targetValue, baseline, direction or dueDate change; kept in the target's history, not in the target", examples = "市政府调整年度计划", maxLength = 1000) String reason) {

    public TargetRequest {
        direction = direction == null ? Direction.INCREASE : direction;
        weight = weight == null ? BigDecimal.ONE : weight;
    }

    static TargetRequest from(Target t) {
        return new TargetRequest(t.commitment.id, t.name, t.unit, t.measure, t.direction, t.baseline, t.targetValue,
                t.startDate, t.dueDate, t.weight, t.note, null);
    }
}
