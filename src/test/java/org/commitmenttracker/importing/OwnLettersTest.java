package org.commitmenttracker.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Letters written for the tests (other cities and departments, a district, other years, full-width punctuation, site
 * headers and footers, sections out of order or missing, per-measure deadlines, every date phrase and number form of
 * the genre) read into exactly their expected results; recall and precision against them are printed.
 */
class OwnLettersTest {

    static final List<String> LETTERS = Letters.OWN;

    @ParameterizedTest
    @FieldSource("LETTERS")
    void shouldReadLetterIntoItsExpectedResult(String name) {
        var expected = Letters.expected(name);
        var letter = LetterParser.parse(Letters.text(name), expected.get("round").get("year").asInt());

        var want = Letters.expectedForm(expected, false);
        var got = Letters.form(letter.departments());
        printScore(name, want, got);
        assertEquals(want, got);
        var lines = new ArrayList<Integer>();
        expected.get("warnings").forEach(w -> lines.add(w.asInt()));
        assertEquals(lines, letter.warnings().stream().map(ImportDocument.Warning::line).toList(),
                () -> "warnings: " + letter.warnings());
    }

    @SuppressWarnings("unchecked")
    private static void printScore(String name, Map<String, List<Map<String, Object>>> want,
            Map<String, List<Map<String, Object>>> got) {
        for (var kind : List.of("targets", "milestones")) {
            var expected = new ArrayList<String>();
            var read = new ArrayList<String>();
            want.forEach((d, cs) -> cs.forEach(c -> ((List<String>) c.get(kind)).forEach(x -> expected.add(d + c.get("seq") + x))));
            got.forEach((d, cs) -> cs.forEach(c -> ((List<String>) c.get(kind)).forEach(x -> read.add(d + c.get("seq") + x))));
            int total = read.size();
            int found = 0;
            for (var e : expected) {
                if (read.remove(e)) {
                    found++;
                }
            }
            System.out.printf("%s %s: recall %d/%d, precision %d/%d%n", name, kind, found, expected.size(), found, total);
        }
    }
}
