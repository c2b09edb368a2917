package org.commitmenttracker.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A progress report as the API shows it. */
@Schema(name = "ProgressReport", description = "A reported level of a target as of a date (进展报告)")
public record ProgressReportView(
        UUID id,
        UUID targetId,
        @Schema(examples = "2021-06-28") LocalDate asOf,
        @Schema(examples = "4500") BigDecimal value,
        @Schema(nullable = true, maxLength = 5000) String note,
        // @Size on the items states their limit in the contract: @Schema cannot annotate a type argument
        @Schema(maxItems = 20) List<@Size(max = 2000) String> evidenceUrls,
        @Schema(nullable = true, maxLength = 200, description = "Who filed or last corrected it: the subject of their token") String reportedBy,
        @Schema(description = "SUBMITTED until reviewed; RETURNED reports never count") ReviewStatus status,
        @Schema(description = "When the service recorded it") Instant recordedAt,
        @Schema(nullable = true, maxLength = 5000) String reviewComment,
        @Schema(nullable = true) Instant reviewedAt,
        @Schema(description = "Changes with every update; also the ETag", examples = "0", minimum = "0", maximum = "9223372036854775807") long version,
        Instant updatedAt) {

    static ProgressReportView from(ProgressReport r) {
        return new ProgressReportView(r.id, r.target.id, r.asOf, r.value, r.note, List.copyOf(r.evidenceUrls),
                r.reportedBy, r.status, r.createdAt, r.reviewComment, r.reviewedAt, r.version, r.updatedAt);
    }
}
