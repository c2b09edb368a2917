package org.commitmenttracker.common.http;

import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

/**
 * The paging and sorting parameters every list takes. They arrive as text so that "page=abc" is a 400 naming the
 * parameter (JAX-RS would answer 404), and are checked here against their bounds.
 */
public class PageParams {

    public static final int MAX_SIZE = 200;
    public static final int MAX_PAGE = 1_000_000;

    @QueryParam("page")
    @Parameter(description = "Zero-based page number", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0",
            maximum = "1000000", defaultValue = "0"))
    public String page;

    @QueryParam("size")
    @Parameter(description = "Items per page", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
            maximum = "200", defaultValue = "20"))
    public String size;

    @QueryParam("sort")
    @Parameter(description = "field,asc or field,desc; the fields each list sorts by are listed in its description",
            schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z]+(,(asc|desc))?$", maxLength = 100))
    public String sort;

    public int pageNumber() {
        return Params.intInRange("page", page, 0, 0, MAX_PAGE);
    }

    public int pageSize() {
        return Params.intInRange("size", size, 20, 1, MAX_SIZE);
    }

    /** The sort to apply: {@code sortable} names the fields clients may sort by. */
    public Sort toSort(Sortable sortable) {
        return sortable.toSort(sort);
    }

    /** The requested page of {@code query}'s rows, each shown as {@code view} shows it, with the total over all pages. */
    public <E, V> Page<V> page(PanacheQuery<E> query, Function<E, V> view) {
        var paged = query.page(pageNumber(), pageSize());
        return new Page<>(paged.list().stream().map(view).toList(), pageNumber(), pageSize(), paged.count());
    }

    /** The requested page of rows computed and sorted in memory. */
    public <V> Page<V> page(List<V> rows) {
        int from = (int) Math.min((long) pageNumber() * pageSize(), rows.size());
        int to = Math.min(from + pageSize(), rows.size());
        return new Page<>(List.copyOf(rows.subList(from, to)), pageNumber(), pageSize(), rows.size());
    }
}
