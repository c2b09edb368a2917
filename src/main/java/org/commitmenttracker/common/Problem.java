package org.commitmenttracker.common;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of every error response: RFC 9457 problem details, with field-level violations for invalid input. */
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(description = "URI identifying the kind of problem", examples = "urn:commitment-tracker:problem:validation-failed") String type,
        @Schema(examples = "Invalid request") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "dueDate: must not be before startDate") String detail,
        @Schema(description = "The request path", examples = "/api/v1/targets") String instance,
        @Schema(description = "Present for validation failures: each invalid field and why") List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:commitment-tracker:problem:";
}
