package org.commitmenttracker.common.http;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.panache.common.Sort;

/** The fields a list can be sorted by, mapped to the HQL paths they stand for; the first one is the default. */
public final class Sortable {

    /** A client's choice: the API field, the HQL path it stands for, and the direction. */
    public record Choice(String field, String path, boolean ascending) {
    }

    private final Map<String, String> fields;

    private Sortable(Map<String, String> fields) {
        this.fields = fields;
    }

    /** {@code pairs}: API field name, HQL path, API field name, HQL path, ... */
    public static Sortable of(String... pairs) {
        var fields = new LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return new Sortable(fields);
    }

    public String describe() {
        return String.join(", ", fields.keySet());
    }

    /** Parses {@code field,asc|desc} (direction optional, default asc); anything else is a 400 on sort. */
    public Choice choose(String sort) {
        if (sort == null || sort.isBlank()) {
            var first = fields.entrySet().iterator().next();
            return new Choice(first.getKey(), first.getValue(), true);
        }
        var parts = sort.split(",", -1);
        var field = parts[0].trim();
        if (!fields.containsKey(field) || parts.length > 2) {
            throw ApiProblem.invalid("sort", "sort by one of " + describe() + ", as field,asc or field,desc");
        }
        boolean ascending = true;
        if (parts.length == 2) {
            ascending = switch (parts[1].trim().toLowerCase()) {
                case "asc" -> true;
                case "desc" -> false;
                default -> throw ApiProblem.invalid("sort", "direction must be asc or desc");
            };
        }
        return new Choice(field, fields.get(field), ascending);
    }

    /**
     * The Panache sort for a choice; a path may list several comma-separated columns, all sorted the same way.
     * Ties are broken by id so that pages never overlap.
     */
    public Sort toSort(String sort) {
        var choice = choose(sort);
        var direction = choice.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending;
        var result = Sort.empty();
        for (var column : choice.path().split(",")) {
            result = result.and(column.trim(), direction);
        }
        return result.and("id", direction);
    }
}
