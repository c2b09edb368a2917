package org.commitmenttracker.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.commitmenttracker.importing.ImportDocument.CommitmentDraft;
import org.commitmenttracker.importing.ImportDocument.MilestoneDraft;
import org.commitmenttracker.importing.ImportDocument.TargetDraft;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The seed letter read by the parser, against the curated demo data made from it by hand: the structure must be
 * exactly the demo data's (6 departments, 14 problems, every measure, the whole responsibility chain), and its
 * targets and milestones are scored: recall (the demo data's targets found with the right value, unit, baseline and
 * due date; its milestones found with the right date and planned value) must be at least 90%; precision is printed.
 */
class SeedLetterTest {

    static final String LETTER = "seed/zibo-2021-round1-commitments.txt";
    private static LetterParser.Letter letter;
    private static JsonNode seed;

    @BeforeAll
    static void read() {
        letter = LetterParser.parse(resource(LETTER), 2021);
        try {
            seed = YAMLMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build()
                    .readTree(resource("seed/zibo-2021-round1.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (var in = SeedLetterTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shouldReadSixDepartmentsAndFourteenProblemsAsTheDemoDataHasThem() {
        var departments = seed.get("departments");
        assertEquals(6, letter.departments().size());
        int commitments = 0;
        for (int d = 0; d < departments.size(); d++) {
            var expected = departments.get(d);
            var actual = letter.departments().get(d);
            assertEquals(expected.get("name").asText(), actual.name());
            assertEquals(expected.get("commitments").size(), actual.commitments().size(), actual.name());
            for (int c = 0; c < actual.commitments().size(); c++) {
                assertCommitment(expected.get("commitments").get(c), actual.commitments().get(c));
                commitments++;
            }
        }
        assertEquals(14, commitments);
    }

    private static void assertCommitment(JsonNode expected, CommitmentDraft actual) {
        var where = actual.title();
        assertEquals(expected.get("seq").asInt(), actual.seq(), where);
        assertEquals(expected.get("title").asText(), actual.title());
        assertEquals(expected.get("problem").asText(), actual.problem(), where);
        assertEquals(expected.get("goal").asText(), actual.goal(), where);
        assertEquals(expected.get("deadlineText").asText(), actual.deadlineText(), where);
        var measures = expected.get("measures");
        assertEquals(measures.size(), actual.measures().size(), where);
        for (int m = 0; m < measures.size(); m++) {
            var e = measures.get(m);
            var a = actual.measures().get(m);
            assertEquals(e.get("seq").asInt(), a.seq(), where);
            assertEquals(text(e.get("title")), a.title(), where + " measure " + a.seq());
            assertEquals(e.get("text").asText(), a.text(), where + " measure " + a.seq());
            assertEquals(text(e.get("deadline")), a.deadline() == null ? null : a.deadline().toString(),
                    where + " measure " + a.seq());
        }
        var r = expected.get("responsibility");
        var chain = actual.responsibility();
        assertEquals(r.get("cityLeader").asText(), chain.cityLeader(), where);
        assertEquals(r.get("departmentHead").asText(), chain.departmentHead(), where);
        assertEquals(texts(r.get("leadsInCharge")), chain.leadsInCharge(), where);
        assertEquals(texts(r.get("offices")), chain.offices(), where);
        assertEquals(texts(r.get("persons")), chain.persons(), where);
    }

    @Test
    void shouldFindNineTenthsOfTheDemoDataTargetsAndDatedMilestones() {
        int targets = 0;
        int targetsFound = 0;
        int targetsRead = 0;
        int milestones = 0;
        int milestonesFound = 0;
        int milestonesRead = 0;
        var misses = new ArrayList<String>();
        var departments = seed.get("departments");
        for (int d = 0; d < departments.size(); d++) {
            var commitments = departments.get(d).get("commitments");
            for (int c = 0; c < commitments.size(); c++) {
                var actual = letter.departments().get(d).commitments().get(c);
                var readTargets = new ArrayList<>(actual.targets());
                targetsRead += readTargets.size();
                for (var t : commitments.get(c).get("targets")) {
                    targets++;
                    var match = readTargets.stream().filter(a -> sameTarget(t, a)).findFirst();
                    if (match.isPresent()) {
                        targetsFound++;
                        readTargets.remove(match.get());
                    } else {
                        misses.add("target " + actual.title() + " / " + t.get("name").asText());
                    }
                }
                var readMilestones = new ArrayList<>(actual.milestones());
                milestonesRead += readMilestones.size();
                for (var m : commitments.get(c).get("milestones")) {
                    milestones++;
                    var match = readMilestones.stream().filter(a -> sameMilestone(m, a)).findFirst();
                    if (match.isPresent()) {
                        milestonesFound++;
                        readMilestones.remove(match.get());
                    } else {
                        misses.add("milestone " + actual.title() + " / " + m.get("dueDate").asText() + " "
                                + m.get("description").asText());
                    }
                }
            }
        }
        double targetRecall = (double) targetsFound / targets;
        double milestoneRecall = (double) milestonesFound / milestones;
        System.out.printf("Seed letter vs demo data: targets recall %d/%d = %.1f%%, precision %d/%d = %.1f%%; "
                + "milestones recall %d/%d = %.1f%%, precision %d/%d = %.1f%%%n", targetsFound, targets,
                100 * targetRecall, targetsFound, targetsRead, 100.0 * targetsFound / targetsRead, milestonesFound,
                milestones, 100 * milestoneRecall, milestonesFound, milestonesRead,
                100.0 * milestonesFound / milestonesRead);
        misses.forEach(miss -> System.out.println("  not found: " + miss));
        assertTrue(targetRecall >= 0.9, () -> "target recall " + targetRecall);
        assertTrue(milestoneRecall >= 0.9, () -> "milestone recall " + milestoneRecall);
    }

    private static boolean sameTarget(JsonNode expected, TargetDraft actual) {
        return equal(expected.get("targetValue"), actual.targetValue())
                && expected.get("unit").asText().equals(actual.unit())
                && equal(expected.get("baseline"), actual.baseline())
                && expected.get("dueDate").asText().equals(String.valueOf(actual.dueDate()));
    }

    private static boolean sameMilestone(JsonNode expected, MilestoneDraft actual) {
        return expected.get("dueDate").asText().equals(String.valueOf(actual.dueDate()))
                && equal(expected.get("plannedValue"), actual.plannedValue());
    }

    private static boolean equal(JsonNode expected, BigDecimal actual) {
        if (expected == null || expected.isNull()) {
            return actual == null;
        }
        return actual != null && expected.decimalValue().compareTo(actual) == 0;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static List<String> texts(JsonNode array) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(Objects.requireNonNull(n.asText())));
        return out;
    }
}
