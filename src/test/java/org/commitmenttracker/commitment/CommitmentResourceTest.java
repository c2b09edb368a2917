package org.commitmenttracker.commitment;

import static io.restassured.RestAssured.given;
import static org.commitmenttracker.common.Problems.assertProblem;
import static org.commitmenttracker.common.Problems.assertViolation;
import static org.commitmenttracker.common.Tokens.admin;
import static org.commitmenttracker.common.Tokens.with;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.commitmenttracker.Fixtures;
import org.commitmenttracker.common.Api;
import org.commitmenttracker.common.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class CommitmentResourceTest {

    private static final String COMMITMENTS = "/api/v1/commitments";
    private static final String JSON = "application/json; charset=UTF-8";
    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    /** The smallest valid body; tests add what they need. */
    private static Map<String, Object> body(String roundId, String departmentId, int seq, String title) {
        var body = new LinkedHashMap<String, Object>();
        body.put("roundId", roundId);
        body.put("departmentId", departmentId);
        body.put("seq", seq);
        body.put("title", title);
        return body;
    }

    private static Map<String, Object> measure(int seq, String title, String text, String deadline) {
        var measure = new LinkedHashMap<String, Object>();
        measure.put("seq", seq);
        measure.put("title", title);
        measure.put("text", text);
        measure.put("deadline", deadline);
        return measure;
    }

    private static Map<String, Object> responsibility(String cityLeader, String departmentHead, List<String> leads,
            List<String> offices, List<String> persons) {
        var responsibility = new LinkedHashMap<String, Object>();
        responsibility.put("cityLeader", cityLeader);
        responsibility.put("departmentHead", departmentHead);
        responsibility.put("leadsInCharge", leads);
        responsibility.put("offices", offices);
        responsibility.put("persons", persons);
        return responsibility;
    }

    /** A commitment with every field filled in, as a letter of the 2021 round would describe it. */
    private static Map<String, Object> fullBody(String roundId, String departmentId, int seq) {
        var body = body(roundId, departmentId, seq, "优质教育资源供给不足的问题");
        body.put("problem", "随着城镇化进程的加快和全面“二孩”政策入园入学高峰的到来,配套学校建设相对滞后……");
        body.put("goal", "实施教育资源提质扩容工程,年内计划新改扩建幼儿园53处、中小学20所。");
        body.put("measures", List.of(
                measure(2, "加快项目建设", "建立工作推进机制,建设长者食堂12处。", null),
                measure(1, "确定建设任务", "进一步优化中小学、幼儿园布局规划。", "2021-06-30")));
        body.put("deadlineText", "8月底前,力争53处幼儿园、20所中小学新改扩建项目全部开工。");
        body.put("responsibility", responsibility("毕红卫", "孙英涛", List.of("高权", "李效同"), List.of("发展规划科", "学前教育科"),
                List.of("高宁", "张云")));
        return body;
    }

    private static String create(Map<String, Object> body) {
        return Fixtures.post(COMMITMENTS, body);
    }

    private static JsonPath get(String id) {
        return Api.read(COMMITMENTS + "/" + id);
    }

    /** The ids of the commitments listed with these query parameters (name, value, name, value, ...). */
    private static List<String> idsOf(Object... parameters) {
        return Api.ids(COMMITMENTS, parameters);
    }

    // --- create, read, replace, patch, delete -------------------------------------------------------------------

    @Test
    void shouldCreateCommitmentWithLocationEtagAndBody() {
        var round = Fixtures.round();
        var department = Fixtures.department();
        var created = with(admin()).contentType(JSON).body(fullBody(round, department, 1))
                .when().post(COMMITMENTS)
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("roundId", equalTo(round))
                .body("departmentId", equalTo(department))
                .body("seq", equalTo(1))
                .body("title", equalTo("优质教育资源供给不足的问题"))
                .body("goal", equalTo("实施教育资源提质扩容工程,年内计划新改扩建幼儿园53处、中小学20所。"))
                .body("measures.seq", equalTo(List.of(1, 2)))
                .body("measures[0].title", equalTo("确定建设任务"))
                .body("measures[0].deadline", equalTo("2021-06-30"))
                .body("measures[1].text", equalTo("建立工作推进机制,建设长者食堂12处。"))
                .body("measures[1].deadline", nullValue())
                .body("responsibility.cityLeader", equalTo("毕红卫"))
                .body("responsibility.departmentHead", equalTo("孙英涛"))
                .body("responsibility.leadsInCharge", equalTo(List.of("高权", "李效同")))
                .body("responsibility.offices", equalTo(List.of("发展规划科", "学前教育科")))
                .body("responsibility.persons", equalTo(List.of("高宁", "张云")))
                .body("version", equalTo(0))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location"), endsWith(COMMITMENTS + "/" + id));
        given().when().get(created.header("Location")).then().statusCode(200).header("ETag", "\"0\"");
        assertEquals(created.jsonPath().getMap(""), get(id).getMap(""));
    }

    @Test
    void shouldCreateAMinimalCommitmentWithEmptyDefaults() {
        with(admin()).contentType(JSON).body(body(Fixtures.round(), Fixtures.department(), 1, "最简承诺"))
                .when().post(COMMITMENTS)
                .then().statusCode(201)
                .body("problem", nullValue())
                .body("measures", empty())
                .body("responsibility.cityLeader", nullValue())
                .body("responsibility.leadsInCharge", empty())
                .body("responsibility.offices", empty())
                .body("responsibility.persons", empty());
    }

    @Test
    void shouldReplaceCommitmentWithPut() {
        var round = Fixtures.round();
        var department = Fixtures.department();
        var id = create(fullBody(round, department, 1));
        var replacement = body(round, department, 2, "替换后的问题");
        replacement.put("measures", List.of(measure(1, null, "唯一措施", null)));
        with(admin()).contentType(JSON).header("If-Match", "\"0\"").body(replacement)
                .when().put(COMMITMENTS + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("seq", equalTo(2))
                .body("title", equalTo("替换后的问题"))
                .body("problem", nullValue())
                .body("goal", nullValue())
                .body("measures.text", equalTo(List.of("唯一措施")))
                .body("responsibility.persons", empty())
                .body("version", equalTo(1));
        var stored = get(id);
        assertEquals("替换后的问题", stored.getString("title"));
        assertThat(stored.get("goal"), nullValue());
    }

    @Test
    void shouldMoveCommitmentToAnotherRoundAndDepartment() {
        var id = create(fullBody(Fixtures.round(), Fixtures.department(), 1));
        var round = Fixtures.round();
        var department = Fixtures.department();
        with(admin())
                .header("If-Match", Api.etag(COMMITMENTS + "/" + id))
                .contentType(MERGE_PATCH).body("{\"roundId\": \"" + round + "\", \"departmentId\": \"" + department + "\"}")
                .when().patch(COMMITMENTS + "/" + id)
                .then().statusCode(200).body("roundId", equalTo(round)).body("departmentId", equalTo(department));
        assertThat(idsOf("roundId", round), equalTo(List.of(id)));
    }

    @Test
    void shouldPatchOneFieldAndKeepTheOthers() {
        var round = Fixtures.round();
        var department = Fixtures.department();
        var id = create(fullBody(round, department, 1));
        var before = get(id);
        with(admin())
                .header("If-Match", Api.etag(COMMITMENTS + "/" + id))
                .contentType(MERGE_PATCH).body("{\"title\": \"学位供给不足的问题\"}")
                .when().patch(COMMITMENTS + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("title", equalTo("学位供给不足的问题"));
        var after = get(id);
        for (var field : List.of("roundId", "departmentId", "seq", "problem", "goal", "measures", "deadlineText",
                "responsibility", "createdAt")) {
            assertEquals((Object) before.get(field), after.get(field), field + " changed");
        }
        assertEquals(1, after.getInt("version"));
    }

    @Test
    void shouldRemoveOptionalFieldsWithNullAndMergeNestedObjects() {
        var id = create(fullBody(Fixtures.round(), Fixtures.department(), 1));
        with(admin()).header("If-Match", Api.etag(COMMITMENTS + "/" + id)).contentType(MERGE_PATCH)
                .body("{\"problem\": null, \"responsibility\": {\"departmentHead\": null, \"persons\": [\"王五\"]}}")
                .when().patch(COMMITMENTS + "/" + id)
                .then().statusCode(200)
                .body("problem", nullValue())
                .body("goal", startsWith("实施教育资源提质扩容工程"))
                .body("responsibility.departmentHead", nullValue())
                .body("responsibility.cityLeader", equalTo("毕红卫"))
                .body("responsibility.leadsInCharge", equalTo(List.of("高权", "李效同")))
                .body("responsibility.persons", equalTo(List.of("王五")))
                .body("measures", hasSize(2));
        var stored = get(id);
        assertThat(stored.get("problem"), nullValue());
        assertThat(stored.get("responsibility.departmentHead"), nullValue());
        assertEquals(List.of("发展规划科", "学前教育科"), stored.getList("responsibility.offices"));

        with(admin())
                .header("If-Match", Api.etag(COMMITMENTS + "/" + id))
                .contentType(MERGE_PATCH).body("{\"measures\": null, \"responsibility\": null}")
                .when().patch(COMMITMENTS + "/" + id)
                .then().statusCode(200)
                .body("measures", empty())
                .body("responsibility.cityLeader", nullValue())
                .body("responsibility.persons", empty())
                .body("title", equalTo("优质教育资源供给不足的问题"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"title\": null}                                                               | title",
            "{\"roundId\": null}                                                             | roundId",
            "{\"departmentId\": null}                                                        | departmentId",
            "{\"seq\": null}                                                                 | seq",
            "{\"seq\": 0}                                                                    | seq",
            "{\"seq\": \"x\"}                                                                | seq",
            "{\"roundId\": \"nope\"}                                                         | roundId",
            "{\"roundId\": \"00000000-0000-0000-0000-000000000001\"}                         | roundId",
            "{\"departmentId\": \"00000000-0000-0000-0000-000000000001\"}                    | departmentId",
            "{\"measures\": [{\"seq\": 1}]}                                                  | measures[0].text",
            "{\"measures\": [{\"seq\": 1, \"text\": \"a\"}, {\"seq\": 1, \"text\": \"b\"}]}  | measures[1].seq",
            "{\"measures\": [{\"seq\": 1, \"text\": \"a\", \"deadline\": \"2021-02-30\"}]}   | measures[0].deadline",
            "{\"responsibility\": {\"persons\": [\"\"]}}                                     | responsibility.persons[0]",
            "{\"responsibility\": {\"mayor\": \"x\"}}                                        | responsibility.mayor",
            "{\"colour\": \"red\"}                                                           | colour",
            "[]                                                                              | body",
    })
    void shouldNotApplyAnInvalidPatch(String patch, String field) {
        var id = create(fullBody(Fixtures.round(), Fixtures.department(), 1));
        var before = get(id).getMap("");
        assertViolation(with(admin())
                .header("If-Match", Api.etag(COMMITMENTS + "/" + id))
                .contentType(MERGE_PATCH).body(patch).when().patch(COMMITMENTS + "/" + id), field);
        assertEquals(before, get(id).getMap(""));
    }

    @Test
    void shouldDeleteCommitmentThenAnswer404() {
        var id = Fixtures.commitment();
        with(admin())
                .header("If-Match", Api.etag(COMMITMENTS + "/" + id))
                .when().delete(COMMITMENTS + "/" + id).then().statusCode(204);
        assertProblem(given().when().get(COMMITMENTS + "/" + id), 404).body("detail", containsString(id));
        assertProblem(with(admin()).when().delete(COMMITMENTS + "/" + id), 404);
    }

    @Test
    void shouldNotDeleteCommitmentWithTargets() {
        var id = Fixtures.commitment();
        Fixtures.target(id, Map.of());
        assertProblem(with(admin())
                .header("If-Match", Api.etag(COMMITMENTS + "/" + id))
                .when().delete(COMMITMENTS + "/" + id), 409).body("detail", containsString("1 target"));
        get(id);
    }

    @Test
    void shouldNotDeleteCommitmentWithMilestones() {
        var id = Fixtures.commitment();
        Fixtures.milestone(id, null, "2021-06-30", null);
        Fixtures.milestone(id, null, "2021-09-30", null);
        assertProblem(with(admin())
                .header("If-Match", Api.etag(COMMITMENTS + "/" + id))
                .when().delete(COMMITMENTS + "/" + id), 409).body("detail", containsString("2 milestone"));
        get(id);
    }

    @Test
    void shouldAnswer404ForAnUnknownCommitment() {
        var id = UUID.randomUUID().toString();
        assertProblem(given().when().get(COMMITMENTS + "/" + id), 404).body("detail", containsString(id));
        assertProblem(with(admin()).contentType(JSON).body(body(Fixtures.round(), Fixtures.department(), 1, "无"))
                .when().put(COMMITMENTS + "/" + id), 404);
        assertProblem(with(admin()).contentType(MERGE_PATCH).body("{}").when().patch(COMMITMENTS + "/" + id), 404);
        assertProblem(with(admin()).when().delete(COMMITMENTS + "/" + id), 404);
    }

    @Test
    void shouldHonourIfMatch() {
        var round = Fixtures.round();
        var department = Fixtures.department();
        var id = create(fullBody(round, department, 1));
        assertProblem(with(admin()).contentType(JSON).header("If-Match", "\"1\"").body(body(round, department, 1, "过期"))
                .when().put(COMMITMENTS + "/" + id), 412);
        assertProblem(with(admin()).contentType(MERGE_PATCH).header("If-Match", "\"1\"").body("{\"title\": \"过期\"}")
                .when().patch(COMMITMENTS + "/" + id), 412);
        assertProblem(with(admin()).header("If-Match", "\"1\"").when().delete(COMMITMENTS + "/" + id), 412);
        assertEquals("优质教育资源供给不足的问题", get(id).getString("title"));

        with(admin()).contentType(MERGE_PATCH).header("If-Match", "W/\"0\"").body("{\"title\": \"一改\"}")
                .when().patch(COMMITMENTS + "/" + id).then().statusCode(200).header("ETag", "\"1\"");
        assertProblem(with(admin()).contentType(MERGE_PATCH).header("If-Match", "\"0\"").body("{\"title\": \"过期\"}")
                .when().patch(COMMITMENTS + "/" + id), 412);
        with(admin()).contentType(JSON).header("If-Match", "*").body(body(round, department, 1, "二改"))
                .when().put(COMMITMENTS + "/" + id).then().statusCode(200).header("ETag", "\"2\"");
        with(admin()).header("If-Match", "\"2\"").when().delete(COMMITMENTS + "/" + id).then().statusCode(204);
    }

    // --- validation -------------------------------------------------------------------------------------------

    @Test
    void shouldNameEveryMissingField() {
        assertViolation(with(admin()).contentType(JSON).body("{}").when().post(COMMITMENTS), "roundId")
                .body("violations.field", containsInAnyOrder("roundId", "departmentId", "seq", "title"));
    }

    @Test
    void shouldRejectFieldsThatBreakTheirRules() {
        var round = Fixtures.round();
        var department = Fixtures.department();
        for (var seq : List.of(0, -1, 1000)) {
            assertViolation(with(admin()).contentType(JSON).body(body(round, department, seq, "序号")).when().post(COMMITMENTS), "seq");
        }
        var blank = body(round, department, 1, " \u3000 ");
        assertViolation(with(admin()).contentType(JSON).body(blank).when().post(COMMITMENTS), "title");
        var longTitle = body(round, department, 1, "长".repeat(501));
        assertViolation(with(admin()).contentType(JSON).body(longTitle).when().post(COMMITMENTS), "title");
        var longProblem = body(round, department, 1, "问题");
        longProblem.put("problem", "问".repeat(50_001));
        assertViolation(with(admin()).contentType(JSON).body(longProblem).when().post(COMMITMENTS), "problem");

        var noText = body(round, department, 1, "措施");
        noText.put("measures", List.of(measure(1, "标题", "  ", null)));
        assertViolation(with(admin()).contentType(JSON).body(noText).when().post(COMMITMENTS), "measures[0].text");
        var noSeq = body(round, department, 1, "措施");
        noSeq.put("measures", List.of(measure(1, null, "甲", null), Map.of("text", "乙")));
        assertViolation(with(admin()).contentType(JSON).body(noSeq).when().post(COMMITMENTS), "measures[1].seq");
        var zeroSeq = body(round, department, 1, "措施");
        zeroSeq.put("measures", List.of(measure(0, null, "甲", null)));
        assertViolation(with(admin()).contentType(JSON).body(zeroSeq).when().post(COMMITMENTS), "measures[0].seq");
        var longMeasureTitle = body(round, department, 1, "措施");
        longMeasureTitle.put("measures", List.of(measure(1, "题".repeat(501), "甲", null)));
        assertViolation(with(admin()).contentType(JSON).body(longMeasureTitle).when().post(COMMITMENTS), "measures[0].title");
        var nullMeasure = body(round, department, 1, "措施");
        nullMeasure.put("measures", java.util.Arrays.asList(measure(1, null, "甲", null), null));
        assertViolation(with(admin()).contentType(JSON).body(nullMeasure).when().post(COMMITMENTS), "measures[1]");

        var blankPerson = body(round, department, 1, "责任");
        blankPerson.put("responsibility", responsibility(null, null, List.of(), List.of(), List.of("张三", " ")));
        assertViolation(with(admin()).contentType(JSON).body(blankPerson).when().post(COMMITMENTS), "responsibility.persons[1]");
        var nullLead = body(round, department, 1, "责任");
        nullLead.put("responsibility", responsibility(null, null, java.util.Arrays.asList("高权", null), List.of(), List.of()));
        assertViolation(with(admin()).contentType(JSON).body(nullLead).when().post(COMMITMENTS), "responsibility.leadsInCharge[1]");
        var manyOffices = body(round, department, 1, "责任");
        var offices = new ArrayList<String>();
        for (int i = 0; i < 51; i++) {
            offices.add("科室" + i);
        }
        manyOffices.put("responsibility", responsibility(null, null, List.of(), offices, List.of()));
        assertViolation(with(admin()).contentType(JSON).body(manyOffices).when().post(COMMITMENTS), "responsibility.offices");
        var longLeader = body(round, department, 1, "责任");
        longLeader.put("responsibility", responsibility("毕".repeat(201), null, List.of(), List.of(), List.of()));
        assertViolation(with(admin()).contentType(JSON).body(longLeader).when().post(COMMITMENTS), "responsibility.cityLeader");

        assertThat(idsOf("roundId", round), empty());
    }

    @Test
    void shouldRejectADuplicateMeasureSeq() {
        var round = Fixtures.round();
        var request = body(round, Fixtures.department(), 1, "措施编号");
        request.put("measures", List.of(measure(1, null, "甲", null), measure(1, null, "乙", null), measure(2, null, "丙", null),
                measure(2, null, "丁", null)));
        assertViolation(with(admin()).contentType(JSON).body(request).when().post(COMMITMENTS), "measures[1].seq")
                .body("violations.field", containsInAnyOrder("measures[1].seq", "measures[3].seq"));
        assertThat(idsOf("roundId", round), empty());
    }

    @Test
    void shouldNameAnUnknownRoundOrDepartment() {
        var round = Fixtures.round();
        var department = Fixtures.department();
        var unknown = UUID.randomUUID().toString();
        assertViolation(with(admin()).contentType(JSON).body(body(unknown, department, 1, "未知批次")).when().post(COMMITMENTS), "roundId")
                .body("violations", hasSize(1)).body("detail", containsString(unknown));
        assertViolation(with(admin()).contentType(JSON).body(body(round, unknown, 1, "未知部门")).when().post(COMMITMENTS), "departmentId")
                .body("violations", hasSize(1));
        assertViolation(with(admin()).contentType(JSON).body(body(unknown, unknown, 1, "都未知")).when().post(COMMITMENTS), "roundId")
                .body("violations.field", containsInAnyOrder("roundId", "departmentId"));

        var id = create(body(round, department, 1, "已有"));
        assertViolation(with(admin())
                .header("If-Match", Api.etag(COMMITMENTS + "/" + id))
                .contentType(JSON).body(body(unknown, department, 1, "改到未知批次"))
                .when().put(COMMITMENTS + "/" + id), "roundId");
        assertEquals(round, get(id).getString("roundId"));
        assertThat(idsOf("departmentId", department), equalTo(List.of(id)));
    }

    @Test
    void shouldNotCreateADuplicateSeqInOneRoundAndDepartment() {
        var round = Fixtures.round();
        var department = Fixtures.department();
        var first = create(body(round, department, 1, "第一个"));
        assertProblem(with(admin()).contentType(JSON).body(body(round, department, 1, "重复序号")).when().post(COMMITMENTS), 409)
                .body("detail", containsString("seq 1"));
        assertThat(idsOf("roundId", round), equalTo(List.of(first)));

        var otherDepartment = create(body(round, Fixtures.department(), 1, "另一部门同序号"));
        var otherRound = create(body(Fixtures.round(), department, 1, "另一批次同序号"));
        assertThat(List.of(otherDepartment, otherRound), not(hasItem(first)));

        var second = create(body(round, department, 2, "第二个"));
        assertProblem(with(admin())
                .header("If-Match", Api.etag(COMMITMENTS + "/" + second))
                .contentType(JSON).body(body(round, department, 1, "改成重复序号"))
                .when().put(COMMITMENTS + "/" + second), 409).body("detail", containsString("seq"));
        assertProblem(with(admin())
                .header("If-Match", Api.etag(COMMITMENTS + "/" + second))
                .contentType(MERGE_PATCH).body("{\"seq\": 1}").when().patch(COMMITMENTS + "/" + second), 409);
        assertEquals(2, get(second).getInt("seq"));
        with(admin())
                .header("If-Match", Api.etag(COMMITMENTS + "/" + second))
                .contentType(MERGE_PATCH).body("{\"seq\": 2, \"title\": \"序号不变\"}").when().patch(COMMITMENTS + "/" + second)
                .then().statusCode(200).body("seq", equalTo(2));
    }

    // --- malformed input --------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"roundId\": \"nope\", \"departmentId\": DEPT, \"seq\": 1, \"title\": \"t\"                       | roundId",
            "\"roundId\": ROUND, \"departmentId\": 123, \"seq\": 1, \"title\": \"t\"                           | departmentId",
            "\"roundId\": ROUND, \"departmentId\": \"01a223be-4f3d-7bc1-9903\", \"seq\": 1, \"title\": \"t\"   | departmentId",
            "\"roundId\": ROUND, \"departmentId\": DEPT, \"seq\": \"abc\", \"title\": \"t\"                    | seq",
            "\"roundId\": ROUND, \"departmentId\": DEPT, \"seq\": 1.5, \"title\": \"t\"                        | seq",
            "\"roundId\": ROUND, \"departmentId\": DEPT, \"seq\": 99999999999999999999, \"title\": \"t\"       | seq",
            "\"roundId\": ROUND, \"departmentId\": DEPT, \"seq\": 1, \"title\": 5                              | title",
            "\"roundId\": ROUND, \"departmentId\": DEPT, \"seq\": 1, \"title\": \"t\\u0000\"                   | title",
            "\"roundId\": ROUND, \"departmentId\": DEPT, \"seq\": 1, \"title\": \"t\", \"measures\": {}         | measures",
            "\"roundId\": ROUND, \"departmentId\": DEPT, \"seq\": 1, \"title\": \"t\", \"measures\": [{\"seq\": \"x\", \"text\": \"a\"}]  | measures[0].seq",
            "\"roundId\": ROUND, \"departmentId\": DEPT, \"seq\": 1, \"title\": \"t\", \"measures\": [{\"seq\": 4294967296, \"text\": \"a\"}]  | measures[0].seq",
            "\"roundId\": ROUND, \"departmentId\": DEPT, \"seq\": 1, \"title\": \"t\", \"measures\": [{\"seq\": 1, \"text\": \"a\\u0000\"}]  | measures[0].text",
            "\"roundId\": ROUND, \"departmentId\": DEPT, \"seq\": 1, \"title\": \"t\", \"measures\": [{\"seq\": 1, \"text\": \"a\", \"deadline\": \"2021-02-30\"}]  | measures[0].deadline",
            "\"roundId\": ROUND, \"departmentId\": DEPT, \"seq\": 1, \"title\": \"t\", \"measures\": [{\"seq\": 1, \"text\": \"a\", \"deadline\": \"2021/04/01\"}]  | measures[0].deadline",
            "\"roundId\": ROUND, \"departmentId\": DEPT, \"seq\": 1, \"title\": \"t\", \"measures\": [{\"seq\": 1, \"text\": \"a\", \"due\": \"2021-04-01\"}]  | measures[0].due",
            "\"roundId\": ROUND, \"departmentId\": DEPT, \"seq\": 1, \"title\": \"t\", \"responsibility\": []     | responsibility",
            "\"roundId\": ROUND, \"departmentId\": DEPT, \"seq\": 1, \"title\": \"t\", \"responsibility\": {\"persons\": \"张三\"}  | responsibility.persons",
            "\"roundId\": ROUND, \"departmentId\": DEPT, \"seq\": 1, \"title\": \"t\", \"responsibility\": {\"persons\": [\"张\\u0000三\"]}  | responsibility.persons[0]",
            "\"roundId\": ROUND, \"departmentId\": DEPT, \"seq\": 1, \"title\": \"t\", \"responsibility\": {\"persons\": [7]}  | responsibility.persons[0]",
            "\"roundId\": ROUND, \"departmentId\": DEPT, \"seq\": 1, \"title\": \"t\", \"responsibility\": {\"mayor\": \"x\"}  | responsibility.mayor",
            "\"roundId\": ROUND, \"departmentId\": DEPT, \"seq\": 1, \"title\": \"t\", \"colour\": \"red\"      | colour",
            "\"roundId\": ROUND, \"departmentId\": DEPT, \"seq\": 1, \"title\": \"t\"} trailing                 | body",
            "\"roundId\": ROUND, \"departmentId\": DEPT, \"seq\": 1, \"title\": \"t\",                         | body",
    })
    void shouldRejectMalformedBodyNamingTheField(String fields, String field) {
        var round = Fixtures.round();
        var department = Fixtures.department();
        var json = "{" + fields.replace("ROUND", "\"" + round + "\"").replace("DEPT", "\"" + department + "\"")
                + (fields.endsWith("trailing") ? "" : "}");
        assertViolation(with(admin()).contentType(JSON).body(json).when().post(COMMITMENTS), field);
        assertThat(idsOf("roundId", round), empty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "null", "[]", "\"commitment\"", "42" })
    void shouldRejectABodyThatIsNotAnObject(String json) {
        assertViolation(with(admin()).contentType(JSON).body(json).when().post(COMMITMENTS), "body");
    }

    @Test
    void shouldRejectMalformedIdsInPathAndQuery() {
        assertViolation(given().when().get(COMMITMENTS + "/x"), "id");
        assertViolation(with(admin())
                .contentType(MERGE_PATCH).body("{}").when().patch(COMMITMENTS + "/x"), "id");
        assertViolation(given().queryParam("roundId", "x").when().get(COMMITMENTS), "roundId");
        assertViolation(given().queryParam("departmentId", "1234").when().get(COMMITMENTS), "departmentId");
        assertViolation(given().queryParam("year", "二〇二一").when().get(COMMITMENTS), "year");
        assertViolation(given().queryParam("year", "1900").when().get(COMMITMENTS), "year");
    }

    @Test
    void shouldAnswer415And405() {
        var round = Fixtures.round();
        assertProblem(with(admin()).contentType("text/plain").body("{}").when().post(COMMITMENTS), 415);
        var id = create(body(round, Fixtures.department(), 1, "方法"));
        assertProblem(with(admin())
                .header("If-Match", Api.etag(COMMITMENTS + "/" + id))
                .contentType(JSON).body("{\"title\": \"x\"}").when().patch(COMMITMENTS + "/" + id), 415);
        assertProblem(with(admin()).contentType(JSON).body("{}").when().post(COMMITMENTS + "/" + id), 405);
        assertProblem(with(admin()).when().delete(COMMITMENTS), 405);
        assertThat(idsOf("roundId", round), equalTo(List.of(id)));
    }

    // --- lists ------------------------------------------------------------------------------------------------

    @Test
    void shouldFilterCommitmentsByRoundDepartmentAndYear() {
        var r1 = Fixtures.round("筛选甲 " + Fixtures.token(), 2051, "2051-04-01");
        var r2 = Fixtures.round("筛选乙 " + Fixtures.token(), 2052, "2052-04-01");
        var d1 = Fixtures.department();
        var d2 = Fixtures.department();
        var c1 = create(body(r1, d1, 1, "甲一"));
        var c2 = create(body(r1, d2, 1, "甲二"));
        var c3 = create(body(r2, d1, 1, "乙一"));

        assertThat(idsOf("roundId", r1), containsInAnyOrder(c1, c2));
        assertThat(idsOf("departmentId", d1), containsInAnyOrder(c1, c3));
        assertThat(idsOf("roundId", r1, "departmentId", d1), equalTo(List.of(c1)));
        assertThat(idsOf("year", 2051, "departmentId", d1), equalTo(List.of(c1)));
        assertThat(idsOf("year", 2052, "departmentId", d1), equalTo(List.of(c3)));
        assertThat(idsOf("year", 2052, "roundId", r1), empty());
        assertThat(idsOf("roundId", UUID.randomUUID().toString()), empty());
        var year2052 = idsOf("year", 2052, "size", 200);
        assertThat(year2052, hasItem(c3));
        assertThat(year2052, not(hasItem(c1)));
        given().queryParam("roundId", r1).when().get(COMMITMENTS).then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void shouldFindCommitmentsByTextInAnyField() {
        var round = Fixtures.round();
        var department = Fixtures.department();
        var request = fullBody(round, department, 1);
        request.put("goal", "完成率100%,ABC工程");
        var match = create(request);
        var other = body(round, department, 2, "其他问题");
        other.put("measures", List.of(measure(1, "其他", "其他措施", null)));
        other.put("responsibility", responsibility("王某", null, List.of(), List.of("其他科"), List.of("赵六")));
        var otherId = create(other);

        for (var text : List.of("优质教育资源", "入园入学高峰", "完成率100%", "长者食堂", "确定建设任务", "8月底前", "毕红卫", "孙英涛",
                "李效同", "学前教育科", "张云", "abc工程", "ABC工程", "%", "100%,abc")) {
            assertThat("q=" + text, idsOf("q", text, "roundId", round), equalTo(List.of(match)));
        }
        assertThat(idsOf("q", "赵六", "roundId", round), equalTo(List.of(otherId)));
        assertThat(idsOf("q", "其他", "departmentId", department), equalTo(List.of(otherId)));
        assertThat(idsOf("q", "_", "roundId", round), empty());
        assertThat(idsOf("q", "不存在的文字", "roundId", round), empty());
    }

    @Test
    void shouldKeepTextSearchInStepWithUpdates() {
        var round = Fixtures.round();
        var id = create(fullBody(round, Fixtures.department(), 1));
        with(admin()).header("If-Match", Api.etag(COMMITMENTS + "/" + id)).contentType(MERGE_PATCH)
                .body("{\"measures\": [{\"seq\": 1, \"text\": \"开办社区助餐点\"}], \"responsibility\": {\"persons\": [\"欧阳娜娜\"]}}")
                .when().patch(COMMITMENTS + "/" + id).then().statusCode(200);
        assertThat(idsOf("q", "长者食堂", "roundId", round), empty());
        assertThat(idsOf("q", "张云", "roundId", round), empty());
        assertThat(idsOf("q", "社区助餐", "roundId", round), equalTo(List.of(id)));
        assertThat(idsOf("q", "欧阳娜娜", "roundId", round), equalTo(List.of(id)));
        assertThat(idsOf("q", "毕红卫", "roundId", round), equalTo(List.of(id)));
    }

    @Test
    void shouldPageCommitments() {
        var round = Fixtures.round();
        var department = Fixtures.department();
        var all = Stream.of(1, 2, 3).map(seq -> create(body(round, department, seq, "分页" + seq))).toList();
        given().queryParam("roundId", round).when().get(COMMITMENTS + "?page=0&size=2")
                .then().statusCode(200).body("items.id", equalTo(all.subList(0, 2)))
                .body("page", equalTo(0)).body("size", equalTo(2)).body("total", equalTo(3));
        given().queryParam("roundId", round).when().get(COMMITMENTS + "?page=1&size=2")
                .then().statusCode(200).body("items.id", equalTo(all.subList(2, 3))).body("total", equalTo(3));
        given().queryParam("roundId", round).when().get(COMMITMENTS + "?size=200")
                .then().statusCode(200).body("items.id", equalTo(all)).body("size", equalTo(200));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "size|201", "size|0", "size|2.5", "page|-1", "page|abc", "page|1000001",
            "sort|department", "sort|seq,descending", "sort|,asc" })
    void shouldRejectABadListParameter(String parameter, String value) {
        assertViolation(given().queryParam(parameter, value).when().get(COMMITMENTS), parameter);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''             | 3,2,1",
            "seq            | 3,2,1",
            "seq,asc        | 3,2,1",
            "seq,desc       | 1,2,3",
            "title,asc      | 2,3,1",
            "title,desc     | 1,3,2",
            "createdAt,asc  | 1,2,3",
            "createdAt,desc | 3,2,1",
            "updatedAt,asc  | 1,3,2",
            "updatedAt,desc | 2,3,1",
    })
    void shouldSortCommitmentsByEveryField(String sort, String order) {
        var token = Fixtures.token();
        var round = Fixtures.round();
        var departmentA = Fixtures.department(token + "-a", "甲局");
        var departmentB = Fixtures.department(token + "-b", "乙局");
        var c1 = create(body(round, departmentB, 1, token + " C"));
        var c2 = create(body(round, departmentA, 2, token + " A"));
        var c3 = create(body(round, departmentA, 1, token + " B"));
        with(admin())
                .header("If-Match", Api.etag(COMMITMENTS + "/" + c2))
                .contentType(MERGE_PATCH).body("{\"goal\": \"后改\"}").when().patch(COMMITMENTS + "/" + c2)
                .then().statusCode(200);
        var byNumber = List.of(c1, c2, c3);
        var expected = Stream.of(order.split(",")).map(n -> byNumber.get(Integer.parseInt(n) - 1)).toList();
        var actual = sort.isEmpty() ? idsOf("roundId", round) : idsOf("roundId", round, "sort", sort);
        assertEquals(expected, actual, "order for sort=" + sort);
    }

    // --- UTF-8 and CSV ----------------------------------------------------------------------------------------

    @Test
    void shouldRoundTripChineseTextExactly() {
        var request = body(Fixtures.round(), Fixtures.department(), 1, "关于“长者食堂”建设、《条例》落实的问题😀");
        request.put("problem", "部分社区——尤其是老城区——缺少助餐点；群众反映“吃饭难”。\n第二段：𠮷野家？");
        request.put("goal", "年底前建成长者食堂100处（含改建）");
        request.put("measures", List.of(measure(1, "《实施方案》", "制定《淄博市长者食堂建设实施方案》、明确标准。", "2021-12-31")));
        request.put("deadlineText", "2021年12月底前");
        request.put("responsibility", responsibility("毕红卫", "欧阳娜娜", List.of("司马懿"), List.of("养老服务科"), List.of("诸葛亮", "上官婉儿")));
        var created = with(admin()).contentType(JSON).body(request).when().post(COMMITMENTS).then().statusCode(201).extract()
                .jsonPath();
        for (var stored : List.of(created, get(created.getString("id")))) {
            assertEquals(request.get("title"), stored.getString("title"));
            assertEquals(request.get("problem"), stored.getString("problem"));
            assertEquals(request.get("goal"), stored.getString("goal"));
            assertEquals("《实施方案》", stored.getString("measures[0].title"));
            assertEquals("制定《淄博市长者食堂建设实施方案》、明确标准。", stored.getString("measures[0].text"));
            assertEquals("2021年12月底前", stored.getString("deadlineText"));
            assertEquals("欧阳娜娜", stored.getString("responsibility.departmentHead"));
            assertEquals(List.of("诸葛亮", "上官婉儿"), stored.getList("responsibility.persons"));
        }
    }

    @Test
    void shouldListCommitmentsAsCsv() {
        var round = Fixtures.round();
        var department = Fixtures.department();
        var tricky = body(round, department, 1, "关于“长者食堂”, 含\"引号\"的问题");
        tricky.put("problem", "=SUM(A1:A3)");
        tricky.put("goal", "第一行\n第二行");
        tricky.put("deadlineText", "@年底前");
        tricky.put("measures", List.of(measure(1, "确定任务", "建设长者食堂", "2021-12-31")));
        tricky.put("responsibility", responsibility("毕红卫", "孙英涛", List.of("高权", "李效同"), List.of("养老服务科"),
                List.of("张三", "李四")));
        var trickyId = create(tricky);
        var plainId = create(body(round, department, 2, "普通问题"));

        var response = given().accept("text/csv").queryParam("roundId", round).when().get(COMMITMENTS)
                .then().statusCode(200)
                .header("Content-Type", startsWith("text/csv"))
                .extract();
        assertThat(response.header("Content-Type").replaceAll(".*charset=", ""), equalToIgnoringCase("UTF-8"));
        var csv = Csv.parse(response.asString());
        assertEquals(List.of("id", "roundId", "departmentId", "seq", "title", "problem", "goal", "measures", "deadlineText",
                "responsibility.cityLeader", "responsibility.departmentHead", "responsibility.leadsInCharge",
                "responsibility.offices", "responsibility.persons", "version", "createdAt", "updatedAt"), csv.header());
        assertEquals(List.of(trickyId, plainId), csv.rows().stream().map(r -> r.get(0)).toList());

        var row = csv.row("id", trickyId).orElseThrow();
        assertEquals(round, row.get("roundId"));
        assertEquals(department, row.get("departmentId"));
        assertEquals("1", row.get("seq"));
        assertEquals("关于“长者食堂”, 含\"引号\"的问题", row.get("title"));
        assertEquals("'=SUM(A1:A3)", row.get("problem"));
        assertEquals("第一行\n第二行", row.get("goal"));
        assertEquals("'@年底前", row.get("deadlineText"));
        assertEquals("毕红卫", row.get("responsibility.cityLeader"));
        assertEquals("高权; 李效同", row.get("responsibility.leadsInCharge"));
        assertEquals("养老服务科", row.get("responsibility.offices"));
        assertEquals("张三; 李四", row.get("responsibility.persons"));
        assertEquals("0", row.get("version"));
        var measures = JsonPath.from(row.get("measures"));
        assertEquals("建设长者食堂", measures.getString("[0].text"));
        assertEquals("2021-12-31", measures.getString("[0].deadline"));

        var plain = csv.row("id", plainId).orElseThrow();
        assertEquals("", plain.get("problem"));
        assertEquals("", plain.get("responsibility.persons"));
        assertThat(response.asString(), containsString("\"关于“长者食堂”, 含\"\"引号\"\"的问题\""));
    }
}
