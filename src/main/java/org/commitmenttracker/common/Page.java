package org.commitmenttracker.common;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: the items, where the page starts, and how many items match in all. */
public record Page<T>(
        List<T> items,
        @Schema(description = "Zero-based page number", examples = "0") int page,
        @Schema(description = "Page size (1–200)", examples = "20") int size,
        @Schema(description = "Number of items matching the filters, over all pages", examples = "14") long total) {
}
