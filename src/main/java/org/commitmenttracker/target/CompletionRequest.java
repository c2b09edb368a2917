package org.commitmenttracker.target;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Marks a qualitative milestone completed on a date, or not completed (null). */
@Schema(name = "CompletionRequest", description = "When a qualitative milestone was completed; null clears it")
public record CompletionRequest(@Schema(examples = "2021-03-25", nullable = true) LocalDate completedOn) {
}
