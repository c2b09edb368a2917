package org.commitmenttracker.history;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the audit tables that Envers writes ({@code <table>_aud}, one row per revision of a resource, the full row
 * even at deletion). Read with plain SQL so that one query gives a page of any resource's rows with their typed
 * column values, without loading each revision as an entity with its related entities.
 */
@ApplicationScoped
class HistoryRepository {

    /** A resource as it was after one revision: Envers' revision type (0 add, 1 modify, 2 delete) and its columns. */
    record AuditRow(int revision, int revisionType, long timestamp, String who, String reason, Action action,
            Map<String, Object> columns) {
    }

    private static final Set<String> BOOKKEEPING = Set.of("id", "rev", "revtype", "rev_timestamp", "rev_who",
            "rev_reason", "rev_action");

    private final EntityManager em;
    private final ObjectMapper mapper;

    HistoryRepository(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /** How many revisions {@code table} holds of the resource {@code id} (0: it never existed). */
    long countRevisions(String table, UUID id) {
        return ((Number) em.createNativeQuery("select count(*) from " + auditTable(table) + " where id = :id")
                .setParameter("id", id).getSingleResult()).longValue();
    }

    /** The resource's rows, newest first, skipping {@code offset}, at most {@code limit}. */
    List<AuditRow> newestFirst(String table, UUID id, int offset, int limit) {
        var sql = "select a.*, r.revtstmp as rev_timestamp, r.who as rev_who, r.reason as rev_reason,"
                + " r.action as rev_action from " + auditTable(table) + " a join revinfo r on r.rev = a.rev"
                + " where a.id = ? order by r.revtstmp desc, a.rev desc offset ? limit ?";
        return em.unwrap(Session.class).doReturningWork(connection -> query(connection, sql, id, offset, limit));
    }

    private List<AuditRow> query(Connection connection, String sql, UUID id, int offset, int limit) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            statement.setInt(2, offset);
            statement.setInt(3, limit);
            try (var rs = statement.executeQuery()) {
                var rows = new ArrayList<AuditRow>();
                var meta = rs.getMetaData();
                while (rs.next()) {
                    var columns = new LinkedHashMap<String, Object>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        var name = meta.getColumnName(i);
                        if (!BOOKKEEPING.contains(name)) {
                            columns.put(name, value(rs, i, meta.getColumnTypeName(i)));
                        }
                    }
                    var action = rs.getString("rev_action");
                    rows.add(new AuditRow(rs.getInt("rev"), rs.getInt("revtype"), rs.getLong("rev_timestamp"),
                            rs.getString("rev_who"), rs.getString("rev_reason"),
                            action == null ? null : Action.valueOf(action), columns));
                }
                return rows;
            }
        }
    }

    /** A column's value as the API shows such values: exact decimals, dates, instants, JSON documents. */
    private Object value(ResultSet rs, int column, String type) throws SQLException {
        return switch (type) {
            case "numeric" -> rs.getBigDecimal(column);
            case "date" -> rs.getObject(column, LocalDate.class);
            case "timestamptz" -> {
                var at = rs.getObject(column, OffsetDateTime.class);
                yield at == null ? null : at.toInstant();
            }
            case "uuid" -> rs.getObject(column, UUID.class);
            case "jsonb", "json" -> {
                var json = rs.getString(column);
                try {
                    yield json == null ? null : mapper.readTree(json);
                } catch (JsonProcessingException e) {
                    throw new SQLException("unreadable JSON in an audit row", e);
                }
            }
            default -> rs.getObject(column);
        };
    }

    /** Table names come from the entities' @Table, never from a request; checked anyway, as they go into SQL text. */
    private static String auditTable(String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        return table + "_aud";
    }
}
