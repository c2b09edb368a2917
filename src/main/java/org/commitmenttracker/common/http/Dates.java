package org.commitmenttracker.common.http;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * The API's one form and range of calendar dates, for bodies and query parameters alike: exactly YYYY-MM-DD, from
 * 1949-01-01 to 2100-12-31. ISO 8601 would also take "+10000-12-31" or "-0001-01-01"; no commitment lies there, and a
 * target spanning millennia would make every progress answer over it tens of thousands of quarters long.
 */
public final class Dates {

    public static final LocalDate EARLIEST = LocalDate.of(1949, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private static final DateTimeFormatter YYYY_MM_DD = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4).appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private Dates() {
    }

    /**
     * The date {@code text} names.
     *
     * @throws IllegalArgumentException with a message fit for the client when it is malformed or out of range
     */
    public static LocalDate parse(String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text, YYYY_MM_DD);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + Params.printable(text) + "' is not a valid date (YYYY-MM-DD)");
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new IllegalArgumentException("'" + text + "' is outside the dates the service accepts, " + EARLIEST
                    + " to " + LATEST);
        }
        return date;
    }
}
