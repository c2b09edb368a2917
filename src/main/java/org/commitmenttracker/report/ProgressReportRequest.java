package org.commitmenttracker.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.commitmenttracker.common.http.SetElsewhere;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What a department sends to report a target's level. The fields the service keeps (id, version, recordedAt,
 * updatedAt) are ignored, so a report read can be sent back; status and review fields are refused, since only a
 * review sets them, and so is reportedBy, which is the caller's token subject.
 */
@Schema(name = "ProgressReportRequest", description = "A reported level of a target as of a date")
@JsonIgnoreProperties({ "id", "version", "recordedAt", "updatedAt" })
@SetElsewhere(field = "status", by = ProgressReportRequest.REVIEW)
@SetElsewhere(field = "reviewComment", by = ProgressReportRequest.REVIEW)
@SetElsewhere(field = "reviewedAt", by = ProgressReportRequest.REVIEW)
@SetElsewhere(field = "reportedBy", by = "the caller's token: its subject files or corrects the report")
public record ProgressReportRequest(
        @NotNull @Schema(description = "The target reported on") UUID targetId,
        @NotNull @Schema(description = "The date the value describes; not in the future", examples = "2021-06-28") LocalDate asOf,
        @NotNull @DecimalMin(value = "-1E15", inclusive = false) @DecimalMax(value = "1E15", inclusive = false) @Digits(integer = 15, fraction = 6) @Schema(description = "The level of the indicator as of asOf (a running total, not an increment)", examples = "4500") BigDecimal value,
        @Size(max = 5000) @Schema(examples = "全市棚户区改造项目开工4500套", maxLength = 5000) String note,
        @Size(max = 20) @Schema(description = "http(s) links to evidence", examples = "[\"https://www.zibo.gov.cn/\"]") List<@NotNull @Size(max = 2000) @Pattern(regexp = "^https?://[^\\s]+$", message = "must be an http or https URL") String> evidenceUrls) {

    static final String REVIEW = "a review: POST /api/v1/progress-reports/{id}/review";

    public ProgressReportRequest {
        evidenceUrls = evidenceUrls == null ? List.of() : evidenceUrls;
    }

    static ProgressReportRequest from(ProgressReport r) {
        return new ProgressReportRequest(r.target.id, r.asOf, r.value, r.note, List.copyOf(r.evidenceUrls));
    }
}
