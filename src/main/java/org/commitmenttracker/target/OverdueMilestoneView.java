package org.commitmenttracker.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A milestone that is overdue at a date, with who is behind on it and by how long. */
@Schema(name = "OverdueMilestone", description = "A milestone due before asOf and not completed at asOf")
public record OverdueMilestoneView(
        UUID id,
        @Schema(examples = "2021-08-31") LocalDate dueDate,
        @Schema(examples = "力争70所学校体育场馆设施面向社会开放", maxLength = 5000) String description,
        @Schema(examples = "70", nullable = true) BigDecimal plannedValue,
        @Schema(description = "The target's level at asOf, for a milestone with a plannedValue", examples = "52", nullable = true) BigDecimal actual,
        @Schema(nullable = true) UUID targetId,
        UUID commitmentId,
        @Schema(examples = "3", minimum = "1", maximum = "999") int commitmentSeq,
        @Schema(examples = "符合条件的中小学体育场馆设施尚未全部向社会开放的问题", maxLength = 500) String commitmentTitle,
        UUID departmentId,
        @Schema(examples = "jyj", maxLength = 32) String departmentCode,
        @Schema(examples = "市教育局", maxLength = 200) String departmentName,
        @Schema(description = "asOf − dueDate, in days", examples = "1", minimum = "1", maximum = "55152") long daysOverdue) {
}
