package org.commitmenttracker.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a letter, line by line, in two forms of equal length: {@code raw} as published (kept in every stored
 * field, so Chinese text round-trips unchanged) and {@code text} with full-width digits, letters and punctuation
 * made half-width ("（一）" → "(一)", "１．" → "1.", "，" → ","), which the readers match. One character maps to one,
 * so an offset in one is the same offset in the other.
 */
final class LetterText {

    /** One line: its number in the letter (from 1), as published and half-width, both stripped of outer blanks. */
    record Line(int number, String raw, String text) {

        /** The rest of the line from {@code index} on, blanks stripped. */
        Line from(int index) {
            return of(number, raw.substring(index));
        }

        static Line of(int number, String raw) {
            var text = halfWidth(raw);
            int start = 0;
            int end = text.length();
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            return new Line(number, raw.substring(start, end), text.substring(start, end));
        }
    }

    private static final String NUMERALS = "零一二三四五六七八九十";

    private LetterText() {
    }

    static List<Line> lines(String text) {
        var lines = new ArrayList<Line>();
        int number = 0;
        for (var raw : text.split("\r\n|\r|\n", -1)) {
            lines.add(Line.of(++number, raw));
        }
        return lines;
    }

    /** Full-width ASCII forms (U+FF01–FF5E) and the ideographic space as their half-width twins; nothing else. */
    static String halfWidth(String s) {
        var out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                out.append((char) (c - 0xFEE0));
            } else if (c == '\u3000' || c == '\u00A0') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The published text of {@code line} between two offsets. */
    static String cut(Line line, int start, int end) {
        return line.raw().substring(start, end).strip();
    }

    /** 一 … 九十九 as a number. */
    static int numeral(String written) {
        if (written.length() == 1) {
            return NUMERALS.indexOf(written.charAt(0));
        }
        if (written.charAt(0) == '十') {
            return 10 + NUMERALS.indexOf(written.charAt(1));
        }
        int tens = NUMERALS.indexOf(written.charAt(0)) * 10;
        return written.length() == 2 ? tens : tens + NUMERALS.indexOf(written.charAt(2));
    }

    /**
     * The short heading a measure opens with ("确定建设任务。进一步优化…"): the text before its first "。" when that is
     * at most 30 characters with at most one comma and more text follows; null when the measure has none.
     */
    static String measureTitle(String text) {
        int stop = text.indexOf('。');
        if (stop <= 0 || stop > 30 || stop == text.length() - 1) {
            return null;
        }
        var head = text.substring(0, stop);
        long commas = halfWidth(head).chars().filter(c -> c == ',' || c == ';').count();
        return commas <= 1 && !head.contains("\n") ? head : null;
    }
}
