package org.commitmenttracker.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads CSV (RFC 4180: quoted cells, doubled quotes, CRLF) so tests can check cells rather than raw text. */
public record Csv(List<String> header, List<List<String>> rows) {

    public static Csv parse(String text) {
        var lines = new ArrayList<List<String>>();
        var row = new ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                lines.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted cell");
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            row.add(cell.toString());
            lines.add(row);
        }
        for (var line : lines) {
            if (line.size() != lines.get(0).size()) {
                throw new IllegalArgumentException("row has " + line.size() + " cells, header has " + lines.get(0).size());
            }
        }
        return new Csv(lines.get(0), lines.subList(1, lines.size()));
    }

    /** The row whose {@code column} holds {@code value}, as column name to cell. */
    public Optional<Map<String, String>> row(String column, String value) {
        int index = header.indexOf(column);
        return rows.stream().filter(r -> r.get(index).equals(value)).findFirst().map(r -> {
            var map = new java.util.LinkedHashMap<String, String>();
            for (int i = 0; i < header.size(); i++) {
                map.put(header.get(i), r.get(i));
            }
            return map;
        });
    }
}
