package org.commitmenttracker.commitment;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What a client sends to create or replace a commitment. */
@Schema(name = "CommitmentRequest", description = "A commitment (one problem of a department in a round) as written by a client")
@JsonIgnoreProperties({ "id", "version", "createdAt", "updatedAt" })
public record CommitmentRequest(
        @NotNull @Schema(description = "The round it belongs to") UUID roundId,
        @NotNull @Schema(description = "The department that committed") UUID departmentId,
        @NotNull @Min(1) @Max(999) @Schema(description = "Its number within the department's letter (一 = 1)", examples = "1", minimum = "1", maximum = "999") Integer seq,
        @NotBlank @Size(max = 500) @Schema(examples = "优质教育资源供给不足的问题", maxLength = 500) String title,
        @Size(max = 50000) @Schema(description = "The problem as described in the letter", maxLength = 50000, examples = "随着城镇化进程的加快和全面“二孩”政策入园入学高峰的到来,城镇适龄入学人数增长迅速,配套学校建设相对滞后……") String problem,
        @Size(max = 50000) @Schema(description = "整改目标", maxLength = 50000, examples = "实施教育资源提质扩容工程,年内计划新改扩建幼儿园53处、中小学20所。") String goal,
        @Size(max = 200) @Schema(description = "整改措施, numbered; seq must be unique") List<@Valid @NotNull Measure> measures,
        @Size(max = 50000) @Schema(description = "完成时限 as written", maxLength = 50000, examples = "8月底前,力争53处幼儿园、20所中小学新改扩建项目全部开工……") String deadlineText,
        @Valid Responsibility responsibility) {

    public CommitmentRequest {
        measures = measures == null ? List.of() : measures;
        responsibility = responsibility == null ? Responsibility.NONE : responsibility;
    }

    static CommitmentRequest from(Commitment c) {
        return new CommitmentRequest(c.round.id, c.department.id, c.seq, c.title, c.problem, c.goal, c.measures,
                c.deadlineText, c.responsibility);
    }
}
