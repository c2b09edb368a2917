package org.commitmenttracker.commitment;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One numbered rectification measure (整改措施) of a commitment; stored with the commitment, in order. */
@Schema(name = "Measure", description = "A numbered measure (整改措施)")
public record Measure(
        @NotNull @Min(1) @Max(999) @Schema(description = "Its number within the commitment", examples = "1") Integer seq,
        @Size(max = 500) @Schema(description = "Short title, when the letter gives one", examples = "确定建设任务", maxLength = 500) String title,
        @NotBlank @Size(max = 20000) @Schema(examples = "进一步优化中小学、幼儿园布局规划,确定2021年学校、幼儿园新改扩建清单。", maxLength = 20000) String text,
        @Schema(description = "The measure's own deadline, when the letter gives it one", examples = "2021-12-31") LocalDate deadline) {
}
