package org.commitmenttracker.commitment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A commitment as the API shows it. */
@Schema(name = "Commitment", description = "One problem (突出问题) a department committed to fix in a round")
public record CommitmentView(
        UUID id,
        UUID roundId,
        UUID departmentId,
        @Schema(examples = "1", minimum = "1", maximum = "999") int seq,
        @Schema(examples = "优质教育资源供给不足的问题", maxLength = 500) String title,
        @Schema(nullable = true, maxLength = 50000) String problem,
        @Schema(examples = "实施教育资源提质扩容工程,年内计划新改扩建幼儿园53处、中小学20所。", nullable = true, maxLength = 50000) String goal,
        @Schema(maxItems = 200) List<Measure> measures,
        @Schema(nullable = true, maxLength = 50000) String deadlineText,
        Responsibility responsibility,
        @Schema(description = "Changes with every update; also the ETag", examples = "0", minimum = "0", maximum = "9223372036854775807") long version,
        Instant createdAt,
        Instant updatedAt) {

    static CommitmentView from(Commitment c) {
        return new CommitmentView(c.id, c.round.id, c.department.id, c.seq, c.title, c.problem, c.goal,
                List.copyOf(c.measures), c.deadlineText, c.responsibility, c.version, c.createdAt, c.updatedAt);
    }
}
