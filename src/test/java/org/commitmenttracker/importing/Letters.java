package org.commitmenttracker.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commitmenttracker.importing.ImportDocument.CommitmentDraft;
import org.commitmenttracker.importing.ImportDocument.DepartmentDraft;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The test letters of src/test/resources/letters and their expected results, and one comparable form of a letter's
 * departments (name → problems with measures, responsibility, targets and milestones as lines of text), so that a
 * preview, the expected file and what the API serves after a commit can be compared exactly.
 */
final class Letters {

    /** name of the letter (file without .txt) */
    static final List<String> OWN = List.of("jinan-2022-culture-health", "lixia-2023-education",
            "qingdao-2021-city-services");

    private static final YAMLMapper YAML = YAMLMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Letters() {
    }

    static String text(String name) {
        return SeedLetterTest.resource("letters/" + name + ".txt");
    }

    static JsonNode expected(String name) {
        try {
            return YAML.readTree(SeedLetterTest.resource("letters/" + name + ".expected.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The expected departments, without the targets that have no value (the analyst drops them) when asked. */
    static Map<String, List<Map<String, Object>>> expectedForm(JsonNode expected, boolean committed) {
        var form = new LinkedHashMap<String, List<Map<String, Object>>>();
        for (var d : expected.get("departments")) {
            var commitments = new ArrayList<Map<String, Object>>();
            for (var c : d.get("commitments")) {
                var measures = new ArrayList<String>();
                if (c.hasNonNull("measures")) {
                    c.get("measures").forEach(m -> measures.add(m.get("seq").asText() + "|" + text(m.get("title")) + "|"
                            + text(m.get("deadline"))));
                }
                var r = c.get("responsibility");
                var targets = new ArrayList<String>();
                for (var t : c.get("targets")) {
                    if (!committed || t.hasNonNull("targetValue")) {
                        targets.add(target(t.get("name").asText(), t.get("unit").asText(), t.get("measure").asText(),
                                t.get("direction").asText(), decimal(t.get("baseline")), decimal(t.get("targetValue")),
                                t.get("dueDate").asText()));
                    }
                }
                var milestones = new ArrayList<String>();
                for (var m : c.get("milestones")) {
                    milestones.add(milestone(m.get("dueDate").asText(), decimal(m.get("plannedValue")),
                            text(m.get("target"))));
                }
                commitments.add(commitment(c.get("seq").asInt(), c.get("title").asText(), measures,
                        responsibility(text(r.get("cityLeader")), text(r.get("departmentHead")), texts(r.get("leadsInCharge")),
                                texts(r.get("offices")), texts(r.get("persons"))), targets, milestones));
            }
            form.put(d.get("name").asText(), commitments);
        }
        return form;
    }

    /** The same form of a preview. */
    static Map<String, List<Map<String, Object>>> form(List<DepartmentDraft> departments) {
        var form = new LinkedHashMap<String, List<Map<String, Object>>>();
        for (var d : departments) {
            var commitments = new ArrayList<Map<String, Object>>();
            for (CommitmentDraft c : d.commitments()) {
                var measures = c.measures().stream().map(m -> m.seq() + "|" + m.title() + "|" + m.deadline()).toList();
                var names = new HashMap<String, String>();
                var targets = new ArrayList<String>();
                for (var t : c.targets()) {
                    names.put(t.key(), t.name());
                    targets.add(target(t.name(), t.unit(), t.measure().name(), t.direction().name(), t.baseline(),
                            t.targetValue(), t.dueDate().toString()));
                }
                var milestones = c.milestones().stream()
                        .map(m -> milestone(m.dueDate().toString(), m.plannedValue(), names.get(m.targetKey()))).toList();
                var r = c.responsibility();
                commitments.add(commitment(c.seq(), c.title(), measures, responsibility(r.cityLeader(), r.departmentHead(),
                        r.leadsInCharge(), r.offices(), r.persons()), targets, milestones));
            }
            form.put(d.name(), commitments);
        }
        return form;
    }

    static Map<String, Object> commitment(int seq, String title, List<String> measures, Map<String, Object> responsibility,
            List<String> targets, List<String> milestones) {
        var form = new LinkedHashMap<String, Object>();
        form.put("seq", seq);
        form.put("title", title);
        form.put("measures", measures);
        form.put("responsibility", responsibility);
        form.put("targets", targets.stream().sorted().toList());
        form.put("milestones", milestones.stream().sorted().toList());
        return form;
    }

    static Map<String, Object> responsibility(String cityLeader, String head, List<String> leads, List<String> offices,
            List<String> persons) {
        var form = new LinkedHashMap<String, Object>();
        form.put("cityLeader", cityLeader);
        form.put("departmentHead", head);
        form.put("leadsInCharge", leads);
        form.put("offices", offices);
        form.put("persons", persons);
        return form;
    }

    static String target(String name, String unit, String measure, String direction, BigDecimal baseline,
            BigDecimal value, String dueDate) {
        return name + "|" + unit + "|" + measure + "|" + direction + "|" + plain(baseline) + "|" + plain(value) + "|"
                + dueDate;
    }

    static String milestone(String dueDate, BigDecimal planned, String targetName) {
        return dueDate + "|" + plain(planned) + "|" + targetName;
    }

    static String plain(BigDecimal value) {
        return value == null ? "null" : value.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? null : node.decimalValue();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static List<String> texts(JsonNode node) {
        var out = new ArrayList<String>();
        if (node != null) {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
