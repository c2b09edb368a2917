package org.commitmenttracker.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.commitmenttracker.importing.DeadlineReader.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The deadline phrases of the genre, and the demo data's milestones dated by the same reader. */
class DeadlineReaderTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "3月份, 2021-03-31",
            "8月底前, 2021-08-31",
            "12底前, 2021-12-31",
            "3月上旬, 2021-03-10",
            "5月中旬, 2021-05-20",
            "2月下旬, 2021-02-28",
            "一季度, 2021-03-31",
            "二季度末, 2021-06-30",
            "三季度, 2021-09-30",
            "第四季度, 2021-12-31",
            "上半年, 2021-06-30",
            "下半年, 2021-12-31",
            "年底前, 2021-12-31",
            "年内, 2021-12-31",
            "全年, 2021-12-31",
            "4-6月份, 2021-06-30",
            "7-8月份, 2021-08-31",
            "从4月份至11月份, 2021-11-30",
            "2022年6月底前, 2022-06-30",
            "2022年底前, 2022-12-31",
            "2023年, 2023-12-31",
            "十二月底前, 2021-12-31",
            "6月30日前, 2021-06-30",
            "２０２２年６月底前, 2022-06-30",
    })
    void shouldReadPhrase(String phrase, LocalDate expected) {
        assertEquals(expected, DeadlineReader.deadline(LetterText.halfWidth(phrase), 2021).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({ "长期坚持, ONGOING", "每月23日调度工作进展, ROUTINE", "每季度与发改部门对接重大项目清单, ROUTINE" })
    void shouldRecogniseUndatedDuties(String text, Kind kind) {
        var readings = DeadlineReader.readAll(text, 2021);
        assertEquals(kind, readings.get(0).kind());
        assertTrue(DeadlineReader.deadline(text, 2021).isEmpty(), text);
    }

    @Test
    void shouldReadQuarterlyAsFourQuarterEnds() {
        var reading = DeadlineReader.readAll("督促各区县,按季度将补贴发放到位", 2021).get(0);

        assertEquals(Kind.QUARTERLY, reading.kind());
        assertEquals(List.of(LocalDate.of(2021, 3, 31), LocalDate.of(2021, 6, 30), LocalDate.of(2021, 9, 30),
                LocalDate.of(2021, 12, 31)), reading.dates());
    }

    @Test
    void shouldNotReadNumbersThatAreNoDates() {
        for (var text : List.of("12345热线", "2019年以来", "一周一调度,一月一通报", "争取2年内全面实现", "下年度省级计划",
                "24小时回应率")) {
            assertTrue(DeadlineReader.deadline(text, 2021).isEmpty(), text);
        }
    }

    @Test
    void shouldReadEveryPhraseOfAStepInOrder() {
        var readings = DeadlineReader.readAll("7月份,召开现场观摩会,总结上半年工作进展,安排下半年工作打算", 2021);

        assertEquals(List.of("7月份", "上半年", "下半年"), readings.stream().map(DeadlineReader.Reading::phrase).toList());
    }

    /**
     * One implementation for both: every milestone of the demo data is due on the date the reader gives for its
     * description (for a step split by quarter, the quarter named in its part marker).
     */
    @Test
    void shouldDateEveryDemoMilestoneAsTheReaderDoes() throws IOException {
        var seed = new YAMLMapper().readTree(SeedLetterTest.resource("seed/zibo-2021-round1.yaml"));
        int year = seed.get("round").get("year").asInt();
        var wrong = new ArrayList<String>();
        int checked = 0;
        for (var department : seed.get("departments")) {
            for (var commitment : department.get("commitments")) {
                for (var milestone : commitment.get("milestones")) {
                    var description = milestone.get("description").asText();
                    var marker = description.replaceAll("^.*\\((.季度)\\)$", "$1");
                    var read = DeadlineReader.deadline(marker.equals(description) ? description : marker, year);
                    checked++;
                    if (read.isEmpty() || !read.get().toString().equals(milestone.get("dueDate").asText())) {
                        wrong.add(milestone.get("dueDate").asText() + " but read " + read.orElse(null) + ": "
                                + description);
                    }
                }
            }
        }
        assertEquals(80, checked);
        assertEquals(List.of(), wrong);
    }

}
