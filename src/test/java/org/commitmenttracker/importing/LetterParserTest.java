package org.commitmenttracker.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

import org.commitmenttracker.importing.FigureReader.Figure;
import org.commitmenttracker.importing.ResponsibilityReader.Role;
import org.commitmenttracker.target.Direction;
import org.commitmenttracker.target.MeasureType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The readers of a letter without a database: numbers, the responsibility chain, structure and tolerance. */
class LetterParserTest {

    // --- numbers ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "计划新开工棚户区改造项目1.05万套 | 10500 | 套 | NUMBER | INCREASE",
            "实施老旧小区改造2.8万户 | 28000 | 户 | NUMBER | INCREASE",
            "政府补贴资金为3350.88万元 | 3350.88 | 万元 | NUMBER | INCREASE",
            "实施物业管理2389万平方米 | 2389 | 万平方米 | NUMBER | INCREASE",
            "网上办件量达到1.2亿件 | 120000000 | 件 | NUMBER | INCREASE",
            "总投资3.2亿元 | 3.2 | 亿元 | NUMBER | INCREASE",
            "面积147.7829公顷(合2216.7434亩) | 147.7829 | 公顷 | NUMBER | INCREASE",
            "选派不少于170名基层卫生人员 | 170 | 名 | NUMBER | INCREASE",
            "盘活不低于4000亩 | 4000 | 亩 | NUMBER | INCREASE",
            "培育示范单位5000家以上 | 5000 | 家 | NUMBER | INCREASE",
            "开工率达到40% | 40 | % | PERCENT | INCREASE",
            "抽查企业比例不高于5% | 5 | % | PERCENT | DECREASE",
            "事故起数不超过3起 | 3 | 起 | NUMBER | DECREASE",
            "投诉量控制在500件以下 | 500 | 件 | NUMBER | DECREASE",
            "故障率不高于0.5% | 0.5 | % | PERCENT | DECREASE",
            "建成城市书房１５处 | 15 | 处 | NUMBER | INCREASE",
    })
    void shouldReadFigure(String text, BigDecimal value, String unit, MeasureType measure, Direction direction) {
        var figures = FigureReader.read(LetterText.halfWidth(text));

        assertEquals(1, figures.size(), () -> figures.toString());
        var f = figures.get(0);
        assertEquals(0, value.compareTo(f.value()), f::toString);
        assertEquals(unit, f.unit());
        assertEquals(measure, f.measure());
        assertEquals(direction, f.direction());
        assertNull(f.review());
    }

    @Test
    void shouldReadATotalWithItsBaseline() {
        var f = only("对长者食堂进行布点规划,年内建设95处,即全市长者食堂总数达到154处");

        assertEquals(new BigDecimal("154"), f.value());
        assertEquals(new BigDecimal("59"), f.baseline());
        assertEquals(new BigDecimal("95"), f.increment());
    }

    @Test
    void shouldReadALevelToKeepAndAChangeAsBaselines() {
        assertEquals(new BigDecimal("100"), FigureReader.read("在保持24小时回应率100%基础上").get(0).baseline());
        var change = only("异地就医直接结算率由60%提高到85%");
        assertEquals(new BigDecimal("60"), change.baseline());
        assertEquals(new BigDecimal("85"), change.value());
        assertEquals(Direction.DECREASE, only("平均交易周期由20天压减到15天").direction());
    }

    @Test
    void shouldFlagRangesAndPerUnitFiguresForReviewInsteadOfGuessing() {
        var range = only("每年新增3-5个口袋公园");
        assertNull(range.value());
        assertNotNull(range.review());

        var perUnit = only("每个区县启动不少于2个城镇低效用地再开发项目");
        assertEquals(new BigDecimal("2"), perUnit.value());
        assertTrue(perUnit.review().contains("每个区县"), perUnit::review);
    }

    @Test
    void shouldMarkAspirationalFigures() {
        assertTrue(only("力争70所学校体育场馆设施面向社会开放").aspirational());
        assertTrue(!only("建设200处卫生室服务点").aspirational());
    }

    @Test
    void shouldNotTakeOrdinalsPhoneNumbersOrDurationsForFigures() {
        assertEquals(List.of(), FigureReader.read("排在所有转办件的第2位"));
        assertEquals(List.of(), FigureReader.read("12345热线转办"));
        assertEquals(List.of(), FigureReader.read("课后服务结束时间一般不早于17:30"));
    }

    private static Figure only(String text) {
        var figures = FigureReader.read(text);
        assertEquals(1, figures.size(), figures::toString);
        return figures.get(0);
    }

    // --- responsibility ----------------------------------------------------------------------------------------

    @Test
    void shouldReadSeveralRolesOnOneLine() {
        var entries = ResponsibilityReader.read("中小学建设分管负责人:高权,责任科室:发展规划科,责任人:高宁。");

        assertEquals(List.of(Role.LEAD_IN_CHARGE, Role.OFFICE, Role.PERSON),
                entries.stream().map(ResponsibilityReader.Entry::role).toList());
        assertEquals(List.of("高权"), entries.get(0).names());
        assertEquals(List.of("发展规划科"), entries.get(1).names());
        assertEquals(List.of("高宁"), entries.get(2).names());
    }

    @Test
    void shouldKeepCollectivesQuotesAndParenthesesWhole() {
        assertEquals(List.of("国土空间用途管制科", "开发利用科", "各区县局、分局"),
                ResponsibilityReader.read("责任科室(单位):国土空间用途管制科、开发利用科,各区县局、分局").get(0).names());
        assertEquals(List.of("市局信用科及各执法科室", "市“双随机、一公开”联席会议各成员单位"),
                ResponsibilityReader.read("责任科室(单位):市局信用科及各执法科室,市“双随机、一公开”联席会议各成员单位。")
                        .get(0).names());
        assertEquals(List.of("市不动产登记中心(登记科、权籍调查科)"),
                ResponsibilityReader.read("责任单位:市不动产登记中心(登记科、权籍调查科)").get(0).names());
    }

    @Test
    void shouldSplitNamesWrittenWithoutASeparatorOnlyWhenThereIsOneWay() {
        assertEquals(List.of("马万锐", "牛淑红"), ResponsibilityReader.persons("马万锐牛淑红"));
        assertEquals(List.of("王东", "李军"), ResponsibilityReader.persons("王东李军"));
        assertEquals(List.of("欧阳娜娜"), ResponsibilityReader.persons("欧阳娜娜"));
        assertEquals(List.of("孙长顺"), ResponsibilityReader.persons("孙长顺"));
        assertNull(ResponsibilityReader.persons("王李张刘陈"), "ambiguous: left to the analyst");
    }

    @Test
    void shouldWarnAboutNamesItCannotSplit() {
        var letter = LetterParser.parse("市测试局\n一、问题\n(一)整改目标\n做好工作。\n(四)责任分工\n责任人:王李张刘陈\n", 2021);

        assertEquals(1, letter.warnings().size(), letter.warnings()::toString);
        assertEquals(6, letter.warnings().get(0).line());
    }

    // --- structure and tolerance ---------------------------------------------------------------------------------

    private static final String HALF = """
            市测试局
            一、测试问题
            问题描述。
            (一)整改目标
            年内建设10处。
            (二)整改措施
            1.第一项。具体做法。
            2.第二项。具体做法。
            (三)完成时限
            1.3月份,部署。
            2.8月底前,建设10处。
            (四)责任分工
            市政府分管领导:张三
            部门主要负责人:李四
            """;

    @Test
    void shouldReadFullWidthAndHalfWidthLettersAlike() {
        var full = HALF.replace("(", "（").replace(")", "）").replace(",", "，").replace(":", "：")
                .replace("1.", "１．").replace("2.", "２、").replace("10", "１０").replace("3", "３").replace("8", "８");

        var a = LetterParser.parse(HALF, 2021);
        var b = LetterParser.parse(full, 2021);

        assertEquals(Letters.form(a.departments()), Letters.form(b.departments()));
        assertEquals(2, b.departments().get(0).commitments().get(0).measures().size());
        assertEquals("１０", b.departments().get(0).commitments().get(0).goal().replaceAll("[^０-９]", ""),
                "stored text stays as published");
    }

    @Test
    void shouldReadALetterWithExtraOrMissingBlankLinesAlike() {
        var spaced = String.join("\n\n\n", HALF.split("\n"));

        assertEquals(Letters.form(LetterParser.parse(HALF, 2021).departments()),
                Letters.form(LetterParser.parse(spaced, 2021).departments()));
    }

    @Test
    void shouldIgnoreSiteHeaderAndFooter() {
        var page = "首页 > 通知公告\n发布时间:2021-04-01 15:27:45 浏览次数:321\n" + HALF
                + "版权所有:某市人大常委会\n鲁ICP备09053009号\n市测试二局\n";

        var letter = LetterParser.parse(page, 2021);

        assertEquals(List.of(), letter.warnings());
        assertEquals(1, letter.departments().size());
        assertEquals("市测试局", letter.departments().get(0).name());
    }

    @Test
    void shouldReadSectionsInAnyOrderAndWithoutSomeOfThem() {
        var shuffled = """
                区测试局
                一、测试问题
                (三)完成时限
                年底前,完成建设。
                (一)整改目标
                建设10处。
                """;

        var c = LetterParser.parse(shuffled, 2021).departments().get(0).commitments().get(0);

        assertEquals("建设10处。", c.goal());
        assertEquals("年底前,完成建设。", c.deadlineText());
        assertEquals(List.of(), c.measures());
        assertEquals(1, c.targets().size());
    }

    @Test
    void shouldTakeEveryMeasureReferenceForm() {
        var text = """
                市测试局
                一、问题
                (二)整改措施
                1.甲。做甲。
                2.乙。做乙。
                3.丙。做丙。
                4.丁。做丁。
                (三)完成时限
                第1项措施:3月份
                第2-3项措施:6月底前
                第4项:长期坚持
                """;

        var measures = LetterParser.parse(text, 2021).departments().get(0).commitments().get(0).measures();

        assertEquals(List.of("2021-03-31", "2021-06-30", "2021-06-30", "null"),
                measures.stream().map(m -> String.valueOf(m.deadline())).toList());
    }

    /** Whatever comes in, the parser answers with what it read and warnings; it never throws. */
    @Test
    void shouldNeverFailOnAnyText() {
        var random = new Random(20210401);
        var alphabet = "一二三四、。,:;()（）1234567890.%万亿处年月底前季度市区局委办中心整改目标措施完成时限责任分工人\n ";
        for (int i = 0; i < 2000; i++) {
            var text = new StringBuilder();
            int length = random.nextInt(300);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertNotNull(LetterParser.parse(text.toString(), 2021));
        }
        for (var fragment : HALF.split("\n")) {
            assertNotNull(LetterParser.parse(fragment, 2021));
        }
    }
}
