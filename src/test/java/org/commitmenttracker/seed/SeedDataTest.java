package org.commitmenttracker.seed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The bundled demo round (the Zibo 2021 commitment letters) as the API serves it after start: its size, a dozen
 * targets figure by figure, the plan of the worked example, a responsibility chain, a measure, text search, and that
 * loading it again writes nothing. The only tests that rely on the seed.
 */
@QuarkusTest
class SeedDataTest {

    private static final String API = "/api/v1";
    private static final String TITLE = "市人大常委会2021年评议工作第一批次";
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    @Inject
    SeedLoader loader;

    @Test
    void shouldLoadDemoRoundOnce() {
        var rounds = get(API + "/rounds", "q", TITLE, "size", "200");
        assertEquals(1, rounds.get("total").asInt(), () -> "one demo round: " + rounds);
        var round = rounds.get("items").get(0);
        assertEquals(TITLE, round.get("title").asText());
        assertEquals(2021, round.get("year").asInt());
        assertEquals("淄博市人大常委会", round.get("issuer").asText());
        assertEquals("2021-04-01", round.get("publishedOn").asText());
    }

    @Test
    void shouldHoldSixDepartmentsWithTheirNames() {
        var departments = get(API + "/departments", "roundId", roundId(), "size", "200");

        var byCode = new LinkedHashMap<String, String>();
        departments.get("items").forEach(d -> byCode.put(d.get("code").asText(), d.get("name").asText()));
        assertEquals(Map.of("jyj", "市教育局", "mzj", "市民政局", "zrzyj", "市自然资源和规划局", "zjj", "市住房城乡建设局",
                "wjw", "市卫生健康委", "scjgj", "市市场监管局"), byCode);
        assertEquals(6, departments.get("total").asInt());
    }

    @Test
    void shouldHoldFourteenCommitmentsWithSixtyEightMeasures() {
        var commitments = get(API + "/commitments", "roundId", roundId(), "size", "200");

        assertEquals(14, commitments.get("total").asInt());
        assertEquals(14, commitments.get("items").size());
        int measures = 0;
        var perDepartment = new HashMap<String, Integer>();
        for (var c : commitments.get("items")) {
            measures += c.get("measures").size();
            perDepartment.merge(c.get("departmentId").asText(), 1, Integer::sum);
        }
        assertEquals(68, measures);
        assertEquals(3, perDepartment.get(departmentId("jyj")));
        assertEquals(3, perDepartment.get(departmentId("scjgj")));
        assertEquals(2, perDepartment.get(departmentId("zjj")));
    }

    @Test
    void shouldHoldSeventyThreeTargetsAndEightyMilestones() {
        var targets = get(API + "/targets", "roundId", roundId(), "size", "200");
        assertEquals(73, targets.get("total").asInt());
        assertEquals(73, targets.get("items").size());

        var milestones = get(API + "/milestones", "roundId", roundId(), "size", "200");
        assertEquals(80, milestones.get("total").asInt());
        assertEquals(80, milestones.get("items").size());
        int planned = 0;
        for (var m : milestones.get("items")) {
            if (m.hasNonNull("plannedValue")) {
                planned++;
                assertTrue(m.hasNonNull("targetId"), () -> "a planned milestone names its target: " + m);
            }
        }
        assertEquals(36, planned);
    }

    /** name → unit, measure, direction, baseline, targetValue, startDate, dueDate as read from the letters. */
    @Test
    void shouldHoldTargetsFigureByFigure() {
        var targets = targetsByName();

        assertTarget(targets, "新改扩建幼儿园开工", "处", "NUMBER", "INCREASE", null, "53", "2021-01-01", "2021-08-31");
        assertTarget(targets, "新改扩建幼儿园主体完工", "处", "NUMBER", "INCREASE", null, "53", "2021-01-01", "2021-12-31");
        assertTarget(targets, "新改扩建中小学开工", "所", "NUMBER", "INCREASE", null, "20", "2021-01-01", "2021-08-31");
        assertTarget(targets, "棚户区改造开工", "套", "NUMBER", "INCREASE", null, "10500", "2021-01-01", "2021-12-31");
        assertTarget(targets, "长者食堂", "处", "NUMBER", "INCREASE", "59", "154", "2021-01-01", "2021-12-31");
        assertTarget(targets, "市场监管部门抽查企业比例", "%", "PERCENT", "DECREASE", null, "5", "2021-01-01",
                "2021-12-31");
        assertTarget(targets, "批而未供土地处置", "公顷", "NUMBER", "INCREASE", null, "643.44", "2021-01-01",
                "2021-12-31");
        assertTarget(targets, "闲置土地处置面积", "公顷", "NUMBER", "INCREASE", null, "147.7829", "2021-01-01",
                "2021-12-31");
        assertTarget(targets, "老旧小区物业管理政府补贴资金发放", "万元", "NUMBER", "INCREASE", null, "3350.88",
                "2021-01-01", "2021-12-31");
        assertTarget(targets, "学校体育场馆设施向社会开放", "所", "NUMBER", "INCREASE", null, "90", "2021-01-01",
                "2021-10-31");
        assertTarget(targets, "《淄博市物业管理条例》出台", "项", "BOOLEAN", "INCREASE", null, "1", "2021-01-01",
                "2021-09-30");
        assertTarget(targets, "基层卫生人员到对口城市医疗机构培训进修", "名", "NUMBER", "INCREASE", null, "170",
                "2021-01-01", "2021-12-31");
        assertTarget(targets, "市级双随机检查免检免扰的规上工业企业", "家", "NUMBER", "INCREASE", null, "407", "2021-01-01",
                "2021-12-31");
        assertTarget(targets, "市级双随机检查免检免扰的瞪羚类企业、独角兽企业", "家", "NUMBER", "INCREASE", null, "121",
                "2021-01-01", "2021-12-31");
        assertTarget(targets, "投诉举报24小时回应率", "%", "PERCENT", "INCREASE", "100", "100", "2021-01-01",
                "2021-07-31");
        assertTarget(targets, "开展常态化食品安全快检的市场", "处", "NUMBER", "INCREASE", null, "484", "2021-01-01",
                "2021-11-30");
        assertTarget(targets, "新增工业用地按“标准地”制度供地比例", "%", "PERCENT", "INCREASE", null, "30",
                "2021-01-01", "2021-12-31");
        assertTarget(targets, "老旧小区改造开工率", "%", "PERCENT", "INCREASE", null, "100", "2021-01-01",
                "2021-12-31");
        for (var t : targets.values()) {
            assertEquals(0, BigDecimal.ONE.compareTo(t.get("weight").decimalValue()), () -> "weight 1: " + t);
        }
    }

    /** The letter's 6月份 step starts the kindergartens (全部新建项目) as well as 18 schools: a step of both targets. */
    @Test
    void shouldTieTheJuneStepOfEducationBureauToKindergartensAndSchools() {
        var targets = targetsByName();
        var kindergartens = get(API + "/milestones", "targetId", targets.get("新改扩建幼儿园开工").get("id").asText());
        var june = new ArrayList<JsonNode>();
        kindergartens.get("items").forEach(m -> {
            if (m.get("dueDate").asText().equals("2021-06-30")) {
                june.add(m);
            }
        });
        assertEquals(1, june.size(), kindergartens::toString);
        assertTrue(june.get(0).get("description").asText().contains("力争幼儿园全部新建项目"));
        assertTrue(june.get(0).get("plannedValue") == null || june.get(0).get("plannedValue").isNull());
        assertEquals(Map.of("2021-06-30", "18", "2021-08-31", "20"),
                plans(targets.get("新改扩建中小学开工").get("id").asText()));
    }

    @Test
    void shouldPlanShantyTownRenovationByQuarter() {
        var shanty = targetsByName().get("棚户区改造开工");

        assertEquals(Map.of("2021-06-30", "4200", "2021-09-30", "7350", "2021-12-31", "10500"),
                plans(shanty.get("id").asText()));
    }

    @Test
    void shouldPlanSportsFacilitiesOpeningAndKeepDecimalMilestones() {
        var targets = targetsByName();

        assertEquals(Map.of("2021-08-31", "70", "2021-10-31", "90"),
                plans(targets.get("学校体育场馆设施向社会开放").get("id").asText()));
        assertEquals(Map.of("2021-07-31", "106.5", "2021-12-31", "154"), plans(targets.get("长者食堂").get("id").asText()));
        assertEquals(Map.of("2021-03-31", "86", "2021-08-31", "172"),
                plans(targets.get("基层卫生人员到对口城市医疗机构培训进修").get("id").asText()));
        assertEquals(Map.of("2021-12-31", "643.44"), plans(targets.get("批而未供土地处置").get("id").asText()));
    }

    @Test
    void shouldKeepResponsibilityChainAndMeasuresOfEducationBureau() {
        var commitments = get(API + "/commitments", "departmentId", departmentId("jyj"), "roundId", roundId(),
                "size", "200");
        JsonNode first = null;
        for (var c : commitments.get("items")) {
            if (c.get("seq").asInt() == 1) {
                first = c;
            }
        }
        assertNotNull(first, "市教育局 problem 一");
        assertEquals("优质教育资源供给不足的问题", first.get("title").asText());
        var responsibility = first.get("responsibility");
        assertEquals("毕红卫", responsibility.get("cityLeader").asText());
        assertEquals("孙英涛", responsibility.get("departmentHead").asText());
        assertEquals(List.of("高权", "李效同"), texts(responsibility.get("leadsInCharge")));
        assertEquals(List.of("发展规划科", "学前教育科"), texts(responsibility.get("offices")));
        assertEquals(List.of("高宁", "张云"), texts(responsibility.get("persons")));

        var measures = first.get("measures");
        assertEquals(4, measures.size());
        var measure = measures.get(0);
        assertEquals(1, measure.get("seq").asInt());
        assertEquals("确定建设任务", measure.get("title").asText());
        assertEquals("进一步优化中小学、幼儿园布局规划,确定2021年学校、幼儿园新改扩建清单。", measure.get("text").asText());
        assertTrue(measure.get("deadline") == null || measure.get("deadline").isNull(), () -> "no deadline: " + measure);
        assertTrue(first.get("goal").asText().contains("年内计划新改扩建幼儿园53处、中小学20所"));
    }

    @Test
    void shouldKeepMeasureDeadlineOfMarketRegulationBureau() {
        var commitments = get(API + "/commitments", "departmentId", departmentId("scjgj"), "roundId", roundId(),
                "size", "200");
        JsonNode measure = null;
        for (var c : commitments.get("items")) {
            if (c.get("seq").asInt() == 1) {
                measure = c.get("measures").get(3);
            }
        }
        assertNotNull(measure);
        assertEquals(4, measure.get("seq").asInt());
        assertEquals("开展食品快检进市场活动", measure.get("title").asText());
        assertEquals("2021-11-30", measure.get("deadline").asText());
        assertTrue(measure.get("text").asText().startsWith("在全市484处农贸市场、便民市场、农村集贸市场开展常态化食品安全快检检测。"
                + "从4月份至11月份,针对农贸市场和便民市场:"), measure::toString);
    }

    @Test
    void shouldFindElderCanteenProblemOfCivilAffairsBureauByText() {
        var found = get(API + "/commitments", "q", "长者食堂", "roundId", roundId());

        assertEquals(1, found.get("total").asInt(), found::toString);
        var commitment = found.get("items").get(0);
        assertEquals(departmentId("mzj"), commitment.get("departmentId").asText());
        assertEquals(2, commitment.get("seq").asInt());
        assertEquals("为老年人助餐服务资源有效供给不足", commitment.get("title").asText());
        assertEquals("贾刚", commitment.get("responsibility").get("cityLeader").asText());
    }

    @Test
    void shouldNotWriteAnythingWhenLoadedAgain() {
        var before = counts();

        assertFalse(loader.load(SeedLoader.read("seed/zibo-2021-round1.yaml")), "nothing to load the second time");

        assertEquals(before, counts());
        assertEquals(1, get(API + "/rounds", "q", TITLE).get("total").asInt());
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static String roundId() {
        var rounds = get(API + "/rounds", "q", TITLE);
        assertEquals(1, rounds.get("total").asInt());
        return rounds.get("items").get(0).get("id").asText();
    }

    private static String departmentId(String code) {
        var departments = get(API + "/departments", "code", code);
        assertEquals(1, departments.get("total").asInt(), () -> "department " + code);
        return departments.get("items").get(0).get("id").asText();
    }

    private static Map<String, JsonNode> targetsByName() {
        var byName = new HashMap<String, JsonNode>();
        for (var t : get(API + "/targets", "roundId", roundId(), "size", "200").get("items")) {
            assertNull(byName.put(t.get("name").asText(), t), () -> "target names are unique: " + t);
        }
        return byName;
    }

    private static void assertTarget(Map<String, JsonNode> targets, String name, String unit, String measure,
            String direction, String baseline, String targetValue, String startDate, String dueDate) {
        var t = targets.get(name);
        assertNotNull(t, () -> "no target named " + name + " in " + targets.keySet());
        assertEquals(unit, t.get("unit").asText(), name);
        assertEquals(measure, t.get("measure").asText(), name);
        assertEquals(direction, t.get("direction").asText(), name);
        if (baseline == null) {
            assertTrue(t.get("baseline") == null || t.get("baseline").isNull(), () -> name + " has no baseline: " + t);
        } else {
            assertExact(baseline, t.get("baseline"), name + " baseline");
        }
        assertExact(targetValue, t.get("targetValue"), name + " targetValue");
        assertEquals(startDate, t.get("startDate").asText(), name);
        assertEquals(dueDate, t.get("dueDate").asText(), name);
    }

    /** The number as sent: equal in value and written with the same digits (643.44, not 643.440000). */
    private static void assertExact(String expected, JsonNode node, String what) {
        assertNotNull(node, what);
        assertTrue(node.isNumber(), () -> what + " is a JSON number: " + node);
        assertEquals(expected, node.decimalValue().toPlainString(), what);
    }

    /** The target's planned milestones: dueDate → plannedValue, written exactly. */
    private static Map<String, String> plans(String targetId) {
        var plans = new HashMap<String, String>();
        for (var m : get(API + "/milestones", "targetId", targetId, "size", "200").get("items")) {
            if (m.hasNonNull("plannedValue")) {
                assertNull(plans.put(m.get("dueDate").asText(), m.get("plannedValue").decimalValue().toPlainString()));
            }
        }
        return plans;
    }

    private Map<String, Integer> counts() {
        var counts = new LinkedHashMap<String, Integer>();
        for (var list : List.of("rounds", "departments", "commitments", "targets", "milestones", "progress-reports")) {
            counts.put(list, get(API + "/" + list, "size", "1").get("total").asInt());
        }
        return counts;
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static JsonNode get(String path, String... query) {
        var params = new HashMap<String, String>();
        for (int i = 0; i < query.length; i += 2) {
            params.put(query[i], query[i + 1]);
        }
        var body = given().queryParams(params).accept("application/json")
                .when().get(path)
                .then().statusCode(200)
                .extract().asString();
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
