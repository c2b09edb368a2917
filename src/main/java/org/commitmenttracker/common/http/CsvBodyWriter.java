package org.commitmenttracker.common.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes any list or page of records as CSV (UTF-8, a header row, one row per record), so every list and progress
 * table can be had with {@code Accept: text/csv}. Nested records become dotted columns (responsibility.cityLeader),
 * lists of values are joined with "; ", enum-keyed maps become one column per constant, and lists of records are
 * written as JSON. Text that a spreadsheet would run as a formula is prefixed with an apostrophe.
 */
@Provider
@Produces(CsvBodyWriter.TEXT_CSV)
public class CsvBodyWriter implements MessageBodyWriter<Object> {

    public static final String TEXT_CSV = "text/csv";

    private final ObjectMapper mapper;

    public CsvBodyWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return elementType(type, genericType) != null;
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        headers.putSingle("Content-Type", TEXT_CSV + ";charset=UTF-8");
        var columns = columns(elementType(type, genericType), "");
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writeLine(writer, columns.stream().map(Column::name).toList());
        for (var row : rows(value)) {
            var cells = new ArrayList<String>(columns.size());
            for (var column : columns) {
                cells.add(format(column.read(row)));
            }
            writeLine(writer, cells);
        }
        writer.flush();
    }

    /** The record type of the rows: of a Page or a List, or of the items of a page record of its own (MilestonePage). */
    private static Class<?> elementType(Class<?> type, Type genericType) {
        if (Page.class.isAssignableFrom(type) || List.class.isAssignableFrom(type)) {
            if (genericType instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                    && p.getActualTypeArguments()[0] instanceof Class<?> c && c.isRecord()) {
                return c;
            }
            return null;
        }
        var items = items(type);
        return items == null ? null : elementType(List.class, items.getGenericType());
    }

    private static RecordComponent items(Class<?> type) {
        if (!type.isRecord()) {
            return null;
        }
        for (var component : type.getRecordComponents()) {
            if (component.getName().equals("items") && List.class.isAssignableFrom(component.getType())) {
                return component;
            }
        }
        return null;
    }

    private static List<?> rows(Object value) {
        if (value instanceof Page<?> page) {
            return page.items();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        try {
            return (List<?>) items(value.getClass()).getAccessor().invoke(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the items of " + value.getClass().getSimpleName(), e);
        }
    }

    /** One CSV column: its header and how to read it from a row. */
    private record Column(String name, java.util.function.Function<Object, Object> reader) {
        Object read(Object row) {
            return row == null ? null : reader.apply(row);
        }
    }

    private List<Column> columns(Class<?> recordType, String prefix) {
        var columns = new ArrayList<Column>();
        for (RecordComponent component : recordType.getRecordComponents()) {
            var name = prefix + component.getName();
            var accessor = component.getAccessor();
            java.util.function.Function<Object, Object> read = row -> {
                try {
                    return accessor.invoke(row);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
            var type = component.getType();
            if (type.isRecord()) {
                for (var nested : columns(type, name + ".")) {
                    columns.add(new Column(nested.name(), row -> nested.read(read.apply(row))));
                }
            } else if (Map.class.isAssignableFrom(type) && component.getGenericType() instanceof ParameterizedType p
                    && p.getActualTypeArguments()[0] instanceof Class<?> key && key.isEnum()) {
                for (var constant : key.getEnumConstants()) {
                    columns.add(new Column(name + "." + constant,
                            row -> read.apply(row) instanceof Map<?, ?> map ? map.get(constant) : null));
                }
            } else {
                columns.add(new Column(name, read));
            }
        }
        return columns;
    }

    private String format(Object value) throws IOException {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Collection<?> collection) {
            if (collection.stream().anyMatch(item -> item != null && item.getClass().isRecord())) {
                return guard(mapper.writeValueAsString(collection));
            }
            var parts = new ArrayList<String>();
            for (var item : collection) {
                parts.add(item == null ? "" : item.toString());
            }
            return guard(String.join("; ", parts));
        }
        return guard(value.toString());
    }

    /** Keeps spreadsheets from evaluating text as a formula (CSV injection). */
    private static String guard(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static void writeLine(Writer writer, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            var cell = cells.get(i);
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                writer.write('"');
                writer.write(cell.replace("\"", "\"\""));
                writer.write('"');
            } else {
                writer.write(cell);
            }
        }
        writer.write("\r\n");
    }
}
