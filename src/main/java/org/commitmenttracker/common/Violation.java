package org.commitmenttracker.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One broken rule of a request: the field (a JSON path such as measures[2].title, or a query parameter) and why. */
@Schema(description = "One invalid field of a request")
public record Violation(
        @Schema(examples = "dueDate") String field,
        @Schema(examples = "must not be before startDate") String message) {
}
