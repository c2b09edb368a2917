package org.commitmenttracker.common.http;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: the items, where the page starts, and how many items match in all. */
public record Page<T>(
        @Schema(maxItems = PageParams.MAX_SIZE) List<T> items,
        @Schema(description = "Zero-based page number", examples = "0", minimum = "0", maximum = "1000000") int page,
        @Schema(description = "Page size (1–200)", examples = "20", minimum = "1", maximum = "200") int size,
        @Schema(description = "Number of items matching the filters, over all pages", examples = "14", minimum = "0", maximum = "9223372036854775807") long total) {
}
