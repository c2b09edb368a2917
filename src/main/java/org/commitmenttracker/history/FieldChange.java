package org.commitmenttracker.history;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One field's value before and after a change, as the resource shows it (null: absent). */
@Schema(name = "FieldChange")
public record FieldChange(
        @Schema(examples = "targetValue", maxLength = 100) String field,
        @Schema(description = "The value before the change; null when absent or on CREATE", examples = "10500") Object before,
        @Schema(description = "The value after the change; null when absent or on DELETE", examples = "11000") Object after) {
}
