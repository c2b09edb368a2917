package org.commitmenttracker.report;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reviewer's decision on a submitted report. */
@Schema(name = "ReviewRequest", description = "VERIFIED, or RETURNED with a comment saying why")
public record ReviewRequest(
        @NotNull @Schema(enumeration = { "VERIFIED", "RETURNED" }, examples = "VERIFIED") ReviewStatus decision,
        @Size(max = 5000) @Schema(description = "Required when RETURNED", examples = "请补充开工项目清单", maxLength = 5000) String comment) {
}
