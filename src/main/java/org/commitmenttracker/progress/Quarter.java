package org.commitmenttracker.progress;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A calendar quarter such as 2021-Q3, the period in which progress is reported; Qn ends on 03-31, 06-30, 09-30, 12-31.
 * Its text form is the one clients send and receive, so {@link #parse} and {@link #toString} are exact inverses.
 */
public record Quarter(int year, int quarter) implements Comparable<Quarter> {

    private static final Pattern FORMAT = Pattern.compile("\\d{4}-Q[1-4]");

    private static final Comparator<Quarter> ORDER = Comparator.comparingInt(Quarter::year)
            .thenComparingInt(Quarter::quarter);

    public Quarter {
        // Four-digit years only, so that every quarter prints in a form parse() accepts back.
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("Quarter year must have four digits (0000-9999), got " + year);
        }
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("Quarter must be 1 to 4, got " + quarter);
        }
    }

    /** Reads a quarter written as YYYY-Qn, e.g. 2021-Q3; anything else is rejected rather than guessed at. */
    public static Quarter parse(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            throw new IllegalArgumentException(
                    "Quarter must look like 2021-Q3 (four-digit year, '-Q', quarter 1 to 4), got "
                            + (text == null ? "nothing" : "'" + text + "'"));
        }
        return new Quarter(Integer.parseInt(text.substring(0, 4)), text.charAt(6) - '0');
    }

    public static Quarter of(LocalDate date) {
        return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    /** Every quarter from {@code from} to {@code to}, both included; empty when {@code from} comes after {@code to}. */
    public static List<Quarter> range(Quarter from, Quarter to) {
        List<Quarter> quarters = new ArrayList<>();
        if (from.compareTo(to) > 0) {
            return quarters;
        }
        // Stops at 'to' without asking for the quarter after it, which does not exist after 9999-Q4.
        for (Quarter q = from; ; q = q.next()) {
            quarters.add(q);
            if (q.equals(to)) {
                return quarters;
            }
        }
    }

    public LocalDate start() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    public LocalDate end() {
        return LocalDate.of(year, quarter * 3, 1).with(TemporalAdjusters.lastDayOfMonth());
    }

    /** The quarter's place in the calendar, counted from 0000-Q1: consecutive quarters have consecutive indexes. */
    int index() {
        return year * 4 + quarter - 1;
    }

    static Quarter ofIndex(int index) {
        return new Quarter(index / 4, index % 4 + 1);
    }

    public Quarter next() {
        return quarter == 4 ? new Quarter(year + 1, 1) : new Quarter(year, quarter + 1);
    }

    @Override
    public int compareTo(Quarter other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return String.format("%04d-Q%d", year, quarter);
    }
}
