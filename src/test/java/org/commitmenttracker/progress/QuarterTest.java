package org.commitmenttracker.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class QuarterTest {

    @Test
    void shouldParseWellFormedQuarter() {
        Quarter q = Quarter.parse("2021-Q3");

        assertEquals(2021, q.year());
        assertEquals(3, q.quarter());
        assertEquals(new Quarter(2021, 3), q);
    }

    @Test
    void shouldPrintInTheFormItParses() {
        assertEquals("2021-Q3", new Quarter(2021, 3).toString());
        assertEquals("2022-Q1", Quarter.parse("2022-Q1").toString());
        assertEquals("0999-Q4", new Quarter(999, 4).toString());
        assertEquals(new Quarter(999, 4), Quarter.parse("0999-Q4"));
    }

    @Test
    void shouldNotParseQuarterOutsideOneToFour() {
        assertRejected("2021-Q5");
        assertRejected("2021-Q0");
    }

    @Test
    void shouldNotParseShortYearOrMissingSeparator() {
        assertRejected("21-Q1");
        assertRejected("2021Q3");
        assertRejected("02021-Q3");
    }

    @Test
    void shouldNotParseEmptyOrNull() {
        assertRejected("");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quarter.parse(null));
        assertTrue(e.getMessage().contains("2021-Q3"), e.getMessage());
    }

    @Test
    void shouldNotParseLowerCasePaddedOrTrailingText() {
        assertRejected("2021-q3");
        assertRejected(" 2021-Q3");
        assertRejected("2021-Q3 ");
        assertRejected("2021-Q3\n");
        assertRejected("2021-Q34");
        assertRejected("２０２１-Q3");
    }

    @Test
    void shouldNotConstructInvalidQuarter() {
        assertThrows(IllegalArgumentException.class, () -> new Quarter(2021, 0));
        assertThrows(IllegalArgumentException.class, () -> new Quarter(2021, 5));
        assertThrows(IllegalArgumentException.class, () -> new Quarter(10000, 1));
        assertThrows(IllegalArgumentException.class, () -> new Quarter(-1, 1));
    }

    @Test
    void shouldEndOnLastDayOfEachQuarter() {
        assertEquals(LocalDate.of(2021, 3, 31), new Quarter(2021, 1).end());
        assertEquals(LocalDate.of(2021, 6, 30), new Quarter(2021, 2).end());
        assertEquals(LocalDate.of(2021, 9, 30), new Quarter(2021, 3).end());
        assertEquals(LocalDate.of(2021, 12, 31), new Quarter(2021, 4).end());
    }

    @Test
    void shouldStartOnFirstDayOfEachQuarter() {
        assertEquals(LocalDate.of(2021, 1, 1), new Quarter(2021, 1).start());
        assertEquals(LocalDate.of(2021, 4, 1), new Quarter(2021, 2).start());
        assertEquals(LocalDate.of(2021, 7, 1), new Quarter(2021, 3).start());
        assertEquals(LocalDate.of(2021, 10, 1), new Quarter(2021, 4).start());
    }

    @Test
    void shouldFindQuarterOfDateAtItsEdges() {
        assertEquals(new Quarter(2021, 1), Quarter.of(LocalDate.of(2021, 1, 1)));
        assertEquals(new Quarter(2021, 1), Quarter.of(LocalDate.of(2021, 3, 31)));
        assertEquals(new Quarter(2021, 2), Quarter.of(LocalDate.of(2021, 4, 1)));
        assertEquals(new Quarter(2021, 2), Quarter.of(LocalDate.of(2021, 6, 30)));
        assertEquals(new Quarter(2021, 3), Quarter.of(LocalDate.of(2021, 8, 31)));
        assertEquals(new Quarter(2021, 4), Quarter.of(LocalDate.of(2021, 10, 1)));
        assertEquals(new Quarter(2021, 4), Quarter.of(LocalDate.of(2021, 12, 31)));
    }

    @Test
    void shouldMoveToNextQuarterAcrossYearEnd() {
        assertEquals(new Quarter(2021, 4), new Quarter(2021, 3).next());
        assertEquals(new Quarter(2022, 1), new Quarter(2021, 4).next());
    }

    @Test
    void shouldOrderByYearThenQuarter() {
        assertTrue(new Quarter(2020, 4).compareTo(new Quarter(2021, 1)) < 0);
        assertTrue(new Quarter(2021, 2).compareTo(new Quarter(2021, 1)) > 0);
        assertEquals(0, new Quarter(2021, 2).compareTo(Quarter.parse("2021-Q2")));
    }

    @Test
    void shouldListRangeInclusiveAcrossYearEnd() {
        assertEquals(
                List.of(new Quarter(2021, 3), new Quarter(2021, 4), new Quarter(2022, 1), new Quarter(2022, 2)),
                Quarter.range(new Quarter(2021, 3), new Quarter(2022, 2)));
    }

    @Test
    void shouldListSingleQuarterRange() {
        assertEquals(List.of(new Quarter(2021, 3)), Quarter.range(new Quarter(2021, 3), new Quarter(2021, 3)));
    }

    @Test
    void shouldNotListAnythingWhenRangeIsBackwards() {
        assertEquals(List.of(), Quarter.range(new Quarter(2022, 1), new Quarter(2021, 4)));
    }

    private static void assertRejected(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quarter.parse(text),
                () -> "expected '" + text + "' to be rejected");
        assertTrue(e.getMessage().contains("2021-Q3"), () -> "message should show the expected form: " + e.getMessage());
        assertTrue(e.getMessage().contains("'" + text + "'"), () -> "message should show the input: " + e.getMessage());
    }
}
