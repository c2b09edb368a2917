package org.commitmenttracker.department;

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
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
class DepartmentResourceTest {

    private static final String DEPARTMENTS = "/api/v1/departments";
    private static final String JSON = "application/json; charset=UTF-8";
    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    private static JsonPath get(String id) {
        return Api.read(DEPARTMENTS + "/" + id);
    }

    /** The ids of the departments listed with these query parameters (name, value, name, value, ...). */
    private static List<String> idsOf(Object... parameters) {
        return Api.ids(DEPARTMENTS, parameters);
    }

    private static JsonPath list(Object... parameters) {
        return Api.list(DEPARTMENTS, parameters);
    }

    // --- create, read, replace, patch, delete -------------------------------------------------------------------

    @Test
    void shouldCreateDepartmentWithLocationEtagAndBody() {
        var code = Fixtures.token();
        var created = with(admin()).contentType(JSON).body(Map.of("code", code, "name", " 市教育局 "))
                .when().post(DEPARTMENTS)
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("code", equalTo(code))
                .body("name", equalTo("市教育局"))
                .body("version", equalTo(0))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location"), endsWith(DEPARTMENTS + "/" + id));
        given().when().get(created.header("Location"))
                .then().statusCode(200).header("ETag", "\"0\"")
                .body("id", equalTo(id)).body("code", equalTo(code)).body("name", equalTo("市教育局"));
        assertEquals(created.jsonPath().getMap(""), get(id).getMap(""));
    }

    @Test
    void shouldReplaceDepartmentWithPut() {
        var id = Fixtures.department(Fixtures.token(), "市教育局");
        var code = Fixtures.token();
        with(admin()).contentType(JSON).header("If-Match", "\"0\"").body(Map.of("code", code, "name", "市教育和体育局"))
                .when().put(DEPARTMENTS + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("code", equalTo(code)).body("name", equalTo("市教育和体育局")).body("version", equalTo(1));
        var stored = get(id);
        assertEquals(code, stored.getString("code"));
        assertEquals("市教育和体育局", stored.getString("name"));
    }

    @Test
    void shouldPatchOneFieldAndKeepTheOthers() {
        var code = Fixtures.token();
        var id = Fixtures.department(code, "市住建局");
        with(admin())
                .header("If-Match", Api.etag(DEPARTMENTS + "/" + id))
                .contentType(MERGE_PATCH).body("{\"name\": \"市住房和城乡建设局\"}")
                .when().patch(DEPARTMENTS + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("市住房和城乡建设局")).body("code", equalTo(code)).body("version", equalTo(1));
        assertEquals(code, get(id).getString("code"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"code\": null}          | code",
            "{\"name\": null}          | name",
            "{\"code\": \"Bad Code\"}  | code",
            "{\"code\": 7}             | code",
            "{\"name\": \"\"}          | name",
            "{\"colour\": \"red\"}     | colour",
            "[]                        | body",
    })
    void shouldNotApplyAnInvalidPatch(String patch, String field) {
        var code = Fixtures.token();
        var id = Fixtures.department(code, "市民政局");
        assertViolation(with(admin())
                .header("If-Match", Api.etag(DEPARTMENTS + "/" + id))
                .contentType(MERGE_PATCH).body(patch).when().patch(DEPARTMENTS + "/" + id), field);
        var stored = get(id);
        assertEquals(code, stored.getString("code"));
        assertEquals("市民政局", stored.getString("name"));
        assertEquals(0, stored.getInt("version"));
    }

    @Test
    void shouldDeleteDepartmentThenAnswer404() {
        var id = Fixtures.department();
        with(admin())
                .header("If-Match", Api.etag(DEPARTMENTS + "/" + id))
                .when().delete(DEPARTMENTS + "/" + id).then().statusCode(204);
        assertProblem(given().when().get(DEPARTMENTS + "/" + id), 404).body("detail", containsString(id));
        assertProblem(with(admin()).when().delete(DEPARTMENTS + "/" + id), 404);
    }

    @Test
    void shouldNotDeleteDepartmentWithCommitments() {
        var id = Fixtures.department();
        var round = Fixtures.round();
        Fixtures.commitment(round, id);
        Fixtures.commitment(round, id);
        assertProblem(with(admin())
                .header("If-Match", Api.etag(DEPARTMENTS + "/" + id)).when().delete(DEPARTMENTS + "/" + id), 409)
                .body("detail", containsString("2 commitment"));
        get(id);
    }

    @Test
    void shouldAnswer404ForAnUnknownDepartment() {
        var id = UUID.randomUUID().toString();
        assertProblem(given().when().get(DEPARTMENTS + "/" + id), 404).body("detail", containsString(id));
        assertProblem(with(admin()).contentType(JSON).body(Map.of("code", Fixtures.token(), "name", "无"))
                .when().put(DEPARTMENTS + "/" + id), 404);
        assertProblem(with(admin()).contentType(MERGE_PATCH).body("{}").when().patch(DEPARTMENTS + "/" + id), 404);
        assertProblem(with(admin()).when().delete(DEPARTMENTS + "/" + id), 404);
    }

    @Test
    void shouldHonourIfMatch() {
        var code = Fixtures.token();
        var id = Fixtures.department(code, "市财政局");
        assertProblem(with(admin()).contentType(JSON).header("If-Match", "\"1\"").body(Map.of("code", code, "name", "过期"))
                .when().put(DEPARTMENTS + "/" + id), 412);
        assertProblem(with(admin()).contentType(MERGE_PATCH).header("If-Match", "\"1\"").body("{\"name\": \"过期\"}")
                .when().patch(DEPARTMENTS + "/" + id), 412);
        assertProblem(with(admin()).header("If-Match", "\"1\"").when().delete(DEPARTMENTS + "/" + id), 412);
        assertEquals("市财政局", get(id).getString("name"));

        with(admin()).contentType(MERGE_PATCH).header("If-Match", "W/\"0\"").body("{\"name\": \"新名\"}")
                .when().patch(DEPARTMENTS + "/" + id).then().statusCode(200).header("ETag", "\"1\"");
        with(admin()).contentType(JSON).header("If-Match", "*").body(Map.of("code", code, "name", "再改"))
                .when().put(DEPARTMENTS + "/" + id).then().statusCode(200).header("ETag", "\"2\"");
        with(admin()).header("If-Match", "\"2\"").when().delete(DEPARTMENTS + "/" + id).then().statusCode(204);
    }

    // --- unique code ------------------------------------------------------------------------------------------

    @Test
    void shouldNotCreateADuplicateCode() {
        var code = Fixtures.token();
        var id = Fixtures.department(code, "原部门");
        assertProblem(with(admin()).contentType(JSON).body(Map.of("code", code, "name", "重复部门")).when().post(DEPARTMENTS), 409)
                .body("detail", containsString("code"));
        assertThat(idsOf("code", code), equalTo(List.of(id)));
    }

    @Test
    void shouldNotChangeCodeToOneInUse() {
        var taken = Fixtures.token();
        Fixtures.department(taken, "甲局");
        var code = Fixtures.token();
        var id = Fixtures.department(code, "乙局");
        assertProblem(with(admin())
                .header("If-Match", Api.etag(DEPARTMENTS + "/" + id))
                .contentType(JSON).body(Map.of("code", taken, "name", "乙局"))
                .when().put(DEPARTMENTS + "/" + id), 409).body("detail", containsString("code"));
        assertProblem(with(admin())
                .header("If-Match", Api.etag(DEPARTMENTS + "/" + id))
                .contentType(MERGE_PATCH).body("{\"code\": \"" + taken + "\"}")
                .when().patch(DEPARTMENTS + "/" + id), 409).body("detail", containsString("code"));
        var stored = get(id);
        assertEquals(code, stored.getString("code"));
        assertEquals(0, stored.getInt("version"));
    }

    // --- validation and malformed input ---------------------------------------------------------------------------

    @Test
    void shouldNameEveryMissingField() {
        assertViolation(with(admin()).contentType(JSON).body("{}").when().post(DEPARTMENTS), "code")
                .body("violations.field", containsInAnyOrder("code", "name"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "JYJ", "-jyj", "jy j", "jyj_1", "教育局", "", "a123456789012345678901234567890123" })
    void shouldRejectACodeThatBreaksThePattern(String code) {
        var name = "代码 " + Fixtures.token();
        assertViolation(with(admin()).contentType(JSON).body(Map.of("code", code, "name", name)).when().post(DEPARTMENTS), "code")
                .body("violations", hasSize(1));
        assertThat(idsOf("q", name), empty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "a", "0", "jyj-2021", "a1234567890123456789012345678901" })
    void shouldAcceptACodeThatFitsThePattern(String code) {
        var full = code.length() >= 20 ? code : code + "-" + Fixtures.token();
        with(admin()).contentType(JSON).body(Map.of("code", full, "name", "合规代码")).when().post(DEPARTMENTS)
                .then().statusCode(201).body("code", equalTo(full));
    }

    @Test
    void shouldRejectABlankOrTooLongName() {
        assertViolation(with(admin()).contentType(JSON).body(Map.of("code", Fixtures.token(), "name", " \t ")).when().post(DEPARTMENTS),
                "name");
        assertViolation(with(admin()).contentType(JSON).body(Map.of("code", Fixtures.token(), "name", "局".repeat(201)))
                .when().post(DEPARTMENTS), "name");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"code\": \"TOKEN\", \"name\": 5}                     | name",
            "{\"code\": \"TOKEN\", \"name\": \"局\\u0000\"}          | name",
            "{\"code\": \"TOKEN\", \"name\": \"局\", \"extra\": 1}   | extra",
            "{\"code\": \"TOKEN\", \"name\": \"局\"} trailing        | body",
            "{\"code\": \"TOKEN\", \"name\": \"局\"                  | body",
            "[{\"code\": \"TOKEN\", \"name\": \"局\"}]               | body",
            "''                                                      | body",
    })
    void shouldRejectMalformedBodyNamingTheField(String template, String field) {
        var token = Fixtures.token();
        assertViolation(with(admin()).contentType(JSON).body(template.replace("TOKEN", token)).when().post(DEPARTMENTS), field);
        assertThat(idsOf("code", token), empty());
    }

    @Test
    void shouldIgnoreReadOnlyFieldsThatAClientEchoes() {
        var code = Fixtures.token();
        var id = Fixtures.department(code, "回显");
        var echoed = get(id).getMap("");
        echoed.put("name", "回显后");
        with(admin())
                .header("If-Match", Api.etag(DEPARTMENTS + "/" + id))
                .contentType(JSON).body(echoed).when().put(DEPARTMENTS + "/" + id)
                .then().statusCode(200).body("id", equalTo(id)).body("name", equalTo("回显后")).body("version", equalTo(1));
    }

    @Test
    void shouldRejectMalformedIdsInPathAndQuery() {
        assertViolation(given().when().get(DEPARTMENTS + "/not-a-uuid"), "id");
        assertViolation(with(admin())
                .when().delete(DEPARTMENTS + "/not-a-uuid"), "id");
        assertViolation(given().queryParam("roundId", "not-a-uuid").when().get(DEPARTMENTS), "roundId");
        assertViolation(given().queryParam("roundId", "01a223be-14f2-76e0-a824").when().get(DEPARTMENTS), "roundId");
    }

    @Test
    void shouldAnswer415And405() {
        var code = Fixtures.token();
        assertProblem(with(admin()).contentType("text/plain").body("{\"code\": \"" + code + "\", \"name\": \"局\"}")
                .when().post(DEPARTMENTS), 415);
        assertProblem(with(admin()).when().delete(DEPARTMENTS), 405);
        assertThat(idsOf("code", code), empty());
    }

    // --- lists ------------------------------------------------------------------------------------------------

    @Test
    void shouldFilterDepartmentsByCodeRoundAndText() {
        var token = Fixtures.token();
        var d1 = Fixtures.department(token + "-a", "测试教育局" + token);
        var d2 = Fixtures.department(token + "-b", "测试民政局");
        var d3 = Fixtures.department(token + "-c", "测试住建局");
        var round = Fixtures.round();
        Fixtures.commitment(round, d1);
        Fixtures.commitment(round, d1);
        Fixtures.commitment(round, d2);
        Fixtures.commitment(Fixtures.round(), d3);

        assertThat(idsOf("code", token + "-b"), equalTo(List.of(d2)));
        assertThat(idsOf("code", token), empty());
        assertThat(idsOf("code", token.toUpperCase() + "-B"), empty());
        assertThat(idsOf("roundId", round), containsInAnyOrder(d1, d2));
        given().queryParam("roundId", round).when().get(DEPARTMENTS).then().statusCode(200).body("total", equalTo(2));
        assertThat(idsOf("roundId", UUID.randomUUID().toString()), empty());
        assertThat(idsOf("q", token), containsInAnyOrder(d1, d2, d3));
        assertThat(idsOf("q", token.toUpperCase()), containsInAnyOrder(d1, d2, d3));
        assertThat(idsOf("q", "教育局" + token), equalTo(List.of(d1)));
        assertThat(idsOf("q", token, "roundId", round), containsInAnyOrder(d1, d2));
        assertThat(idsOf("q", token, "roundId", round, "code", token + "-a"), equalTo(List.of(d1)));
    }

    @Test
    void shouldPageDepartments() {
        var token = Fixtures.token();
        var all = Stream.of("a", "b", "c").map(s -> Fixtures.department(token + "-" + s, "分页局 " + s)).toList();
        given().queryParam("q", token).when().get(DEPARTMENTS + "?page=0&size=2")
                .then().statusCode(200).body("items.id", equalTo(all.subList(0, 2)))
                .body("page", equalTo(0)).body("size", equalTo(2)).body("total", equalTo(3));
        given().queryParam("q", token).when().get(DEPARTMENTS + "?page=1&size=2")
                .then().statusCode(200).body("items.id", equalTo(all.subList(2, 3))).body("page", equalTo(1));
        given().queryParam("q", token).when().get(DEPARTMENTS + "?page=5&size=200")
                .then().statusCode(200).body("items", empty()).body("size", equalTo(200)).body("total", equalTo(3));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "size|201", "size|0", "size|abc", "page|-1", "page|abc", "sort|colour",
            "sort|code,upward", "sort|createdAt,desc,asc" })
    void shouldRejectABadListParameter(String parameter, String value) {
        assertViolation(given().queryParam(parameter, value).when().get(DEPARTMENTS), parameter);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''             | 3,1,2",
            "code           | 3,1,2",
            "code,asc       | 3,1,2",
            "code,desc      | 2,1,3",
            "name,asc       | 1,3,2",
            "name,desc      | 2,3,1",
            "createdAt,asc  | 1,2,3",
            "createdAt,desc | 3,2,1",
    })
    void shouldSortDepartmentsByEveryField(String sort, String order) {
        var token = Fixtures.token();
        var d1 = Fixtures.department(token + "-b", token + " A局");
        var d2 = Fixtures.department(token + "-c", token + " C局");
        var d3 = Fixtures.department(token + "-a", token + " B局");
        var byNumber = List.of(d1, d2, d3);
        var expected = Stream.of(order.split(",")).map(n -> byNumber.get(Integer.parseInt(n) - 1)).toList();
        var actual = sort.isEmpty() ? idsOf("q", token) : idsOf("q", token, "sort", sort);
        assertEquals(expected, actual, "order for sort=" + sort);
    }

    // --- UTF-8 and CSV ----------------------------------------------------------------------------------------

    @Test
    void shouldRoundTripChineseNamesExactly() {
        var name = "淄博市“十四五”规划、《条例》办公室😀（试点）";
        var id = Fixtures.department(Fixtures.token(), name);
        assertEquals(name, get(id).getString("name"));
    }

    @Test
    void shouldListDepartmentsAsCsv() {
        var token = Fixtures.token();
        var plain = Fixtures.department(token + "-a", "市教育局");
        var quoted = Fixtures.department(token + "-b", "市“大数据”局, 含\"引号\"");
        var formula = Fixtures.department(token + "-c", "=HYPERLINK(\"http://example.com\")");
        var response = given().accept("text/csv").queryParam("q", token).when().get(DEPARTMENTS)
                .then().statusCode(200)
                .header("Content-Type", startsWith("text/csv"))
                .header("Content-Type", containsString("charset="))
                .extract();
        assertThat(response.header("Content-Type").replaceAll(".*charset=", ""), equalToIgnoringCase("UTF-8"));
        var body = response.asString();
        assertThat(body, containsString("\"市“大数据”局, 含\"\"引号\"\"\""));

        var csv = Csv.parse(body);
        assertEquals(List.of("id", "code", "name", "version", "createdAt", "updatedAt"), csv.header());
        assertThat(csv.rows(), hasSize(3));
        assertEquals(List.of(plain, quoted, formula), csv.rows().stream().map(r -> r.get(0)).toList());
        var row = csv.row("id", plain).orElseThrow();
        assertEquals(token + "-a", row.get("code"));
        assertEquals("市教育局", row.get("name"));
        assertEquals("0", row.get("version"));
        assertEquals(get(plain).getString("createdAt"), row.get("createdAt"));
        assertEquals("市“大数据”局, 含\"引号\"", csv.row("id", quoted).orElseThrow().get("name"));
        assertEquals("'=HYPERLINK(\"http://example.com\")", csv.row("id", formula).orElseThrow().get("name"));
    }

    @Test
    void shouldAnswerAProblemNotCsvForABadCsvRequest() {
        var response = given().accept("text/csv").queryParam("size", 500).when().get(DEPARTMENTS);
        assertViolation(response, "size");
        assertThat(response.asString(), not(startsWith("id,")));
    }
}
