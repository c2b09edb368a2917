package org.commitmenttracker.target;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A target as the API shows it. */
@Schema(name = "Target", description = "A quantitative target (指标) of a commitment")
public record TargetView(
        UUID id,
        UUID commitmentId,
        @Schema(examples = "棚户区改造开工", maxLength = 200) String name,
        @Schema(examples = "套", maxLength = 20) String unit,
        MeasureType measure,
        Direction direction,
        @Schema(examples = "59", nullable = true) BigDecimal baseline,
        @Schema(examples = "10500") BigDecimal targetValue,
        @Schema(examples = "2021-01-01", nullable = true) LocalDate startDate,
        @Schema(examples = "2021-12-31") LocalDate dueDate,
        @Schema(examples = "1") BigDecimal weight,
        @Schema(nullable = true, maxLength = 5000) String note,
        @Schema(description = "Changes with every update; also the ETag", examples = "0", minimum = "0", maximum = "9223372036854775807") long version,
        Instant createdAt,
        Instant updatedAt) {

    static TargetView from(Target t) {
        return new TargetView(t.id, t.commitment.id, t.name, t.unit, t.measure, t.direction, t.baseline,
                t.targetValue, t.startDate, t.dueDate, t.weight, t.note, t.version, t.createdAt, t.updatedAt);
    }
}
