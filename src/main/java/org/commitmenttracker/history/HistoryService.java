package org.commitmenttracker.history;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;

import org.commitmenttracker.common.http.ApiProblem;
import org.commitmenttracker.common.http.Page;
import org.commitmenttracker.common.http.PageParams;

/**
 * The audit trail of any audited resource, read from what Envers recorded: each revision compared with the one
 * before it. The one place where history entries and their before/after values are made.
 */
@ApplicationScoped
public class HistoryService {

    /**
     * Columns that are not fields a client writes: the text search helper, and the timestamps that every change
     * moves (an entry's {@code at} already says when).
     */
    private static final Set<String> NOT_SHOWN = Set.of("search_text", "created_at", "updated_at");

    private final HistoryRepository repository;

    HistoryService(HistoryRepository repository) {
        this.repository = repository;
    }

    /**
     * One page of the changes to the resource {@code id} of {@code entity}'s type, newest first. A deleted resource
     * still has its history; an id that never existed is a 404.
     */
    @Transactional
    public Page<HistoryEntry> of(Class<?> entity, UUID id, PageParams paging) {
        if (paging.sort != null && !paging.sort.isBlank()) {
            throw ApiProblem.invalid("sort", "a history is always newest first; it cannot be sorted");
        }
        var table = entity.getAnnotation(Table.class).name();
        long total = repository.countRevisions(table, id);
        if (total == 0) {
            throw ApiProblem.notFound(table.replace('_', ' '), id);
        }
        int page = paging.pageNumber();
        int size = paging.pageSize();
        // one row more than the page: the state before the page's oldest change
        var rows = repository.newestFirst(table, id, page * size, size + 1);
        var entries = new ArrayList<HistoryEntry>();
        for (int i = 0; i < Math.min(size, rows.size()); i++) {
            entries.add(entry(rows.get(i), i + 1 < rows.size() ? rows.get(i + 1) : null));
        }
        return new Page<>(entries, page, size, total);
    }

    private static HistoryEntry entry(HistoryRepository.AuditRow row, HistoryRepository.AuditRow previous) {
        var action = switch (row.revisionType()) {
            case 0 -> Action.CREATE;
            case 2 -> Action.DELETE;
            default -> row.action() == null ? Action.UPDATE : row.action();
        };
        Map<String, Object> before = switch (action) {
            case CREATE -> Map.of();
            // Envers stores the deleted row's last values with the deletion (store-data-at-delete)
            case DELETE -> row.columns();
            default -> previous == null ? Map.of() : previous.columns();
        };
        Map<String, Object> after = action == Action.DELETE ? Map.of() : row.columns();
        return new HistoryEntry(row.revision(), action, Instant.ofEpochMilli(row.timestamp()), row.who(), row.reason(),
                changes(before, after));
    }

    private static List<FieldChange> changes(Map<String, Object> before, Map<String, Object> after) {
        var columns = new LinkedHashSet<String>(after.keySet());
        columns.addAll(before.keySet());
        var changes = new ArrayList<FieldChange>();
        for (var column : columns) {
            var old = before.get(column);
            var now = after.get(column);
            if (!NOT_SHOWN.contains(column) && !same(old, now)) {
                changes.add(new FieldChange(fieldName(column), old, now));
            }
        }
        return changes;
    }

    /** Equal values; decimals by value (10500 and 10500.0 are the same target value). */
    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    /** The API's name of a column: target_value is targetValue. */
    private static String fieldName(String column) {
        var name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
