package org.commitmenttracker.round;

import static io.restassured.RestAssured.given;
import static org.commitmenttracker.common.Problems.assertNoLeak;
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
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.commitmenttracker.Fixtures;
import org.commitmenttracker.common.Api;
import org.commitmenttracker.common.Concurrently;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class RoundResourceTest {

    private static final String ROUNDS = "/api/v1/rounds";
    private static final String JSON = "application/json; charset=UTF-8";
    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static Map<String, Object> body(String title, int year, String issuer, String publishedOn) {
        var body = new LinkedHashMap<String, Object>();
        body.put("title", title);
        body.put("year", year);
        body.put("issuer", issuer);
        body.put("publishedOn", publishedOn);
        return body;
    }

    private static JsonPath get(String id) {
        return Api.read(ROUNDS + "/" + id);
    }

    /** The ids of the rounds listed with these query parameters (name, value, name, value, ...). */
    private static List<String> idsOf(Object... parameters) {
        return Api.ids(ROUNDS, parameters);
    }

    private static int totalOf(Object... parameters) {
        return list(parameters).getInt("total");
    }

    private static JsonPath list(Object... parameters) {
        return Api.list(ROUNDS, parameters);
    }

    @Test
    void shouldCreateAndReadRound() {
        var location = with(admin()).contentType(ContentType.JSON)
                .body(Map.of("title", "第二批次", "year", 2022, "issuer", "淄博市人大常委会", "publishedOn", "2022-03-01"))
                .when().post("/api/v1/rounds")
                .then().statusCode(201).header("Location", notNullValue()).header("ETag", "\"0\"")
                .extract().header("Location");
        given().when().get(location).then().statusCode(200).body("title", equalTo("第二批次")).body("year", equalTo(2022));
    }

    // --- create, read, replace, patch, delete -------------------------------------------------------------------

    @Test
    void shouldCreateRoundWithLocationEtagAndBody() {
        var title = "创建测试 " + Fixtures.token();
        var created = with(admin()).contentType(JSON).body(body("  " + title + "  ", 2023, "淄博市人大常委会", "2023-05-06"))
                .when().post(ROUNDS)
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .header("Content-Type", containsString("application/json"))
                .body("id", matchesPattern(UUID_PATTERN))
                .body("title", equalTo(title))
                .body("year", equalTo(2023))
                .body("issuer", equalTo("淄博市人大常委会"))
                .body("publishedOn", equalTo("2023-05-06"))
                .body("version", equalTo(0))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location"), endsWith(ROUNDS + "/" + id));

        given().when().get(created.header("Location"))
                .then().statusCode(200).header("ETag", "\"0\"").body("id", equalTo(id)).body("title", equalTo(title));
    }

    @Test
    void shouldAnswerCreateAndUpdatesWithTheRepresentationThatIsStored() {
        var created = with(admin()).contentType(JSON).body(body("表示一致 " + Fixtures.token(), 2023, "淄博市人大常委会", "2023-05-06"))
                .when().post(ROUNDS).then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        assertEquals(created.getMap(""), get(id).getMap(""), "POST answered with something else than GET returns");

        var replaced = with(admin())
                .header("If-Match", Api.etag(ROUNDS + "/" + id))
                .contentType(JSON).body(body("表示一致 已改", 2024, "淄博市人大常委会", "2024-01-02"))
                .when().put(ROUNDS + "/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(replaced.getMap(""), get(id).getMap(""), "PUT answered with something else than GET returns");

        var patched = with(admin())
                .header("If-Match", Api.etag(ROUNDS + "/" + id)).contentType(MERGE_PATCH).body("{\"year\": 2025}")
                .when().patch(ROUNDS + "/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(patched.getMap(""), get(id).getMap(""), "PATCH answered with something else than GET returns");
    }

    @Test
    void shouldReplaceRoundWithPut() {
        var id = Fixtures.round("替换前 " + Fixtures.token(), 2021, "2021-04-01");
        with(admin()).contentType(JSON).header("If-Match", "\"0\"").body(body("替换后", 2022, "山东省人大常委会", "2022-02-03"))
                .when().put(ROUNDS + "/" + id)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("id", equalTo(id))
                .body("title", equalTo("替换后"))
                .body("year", equalTo(2022))
                .body("issuer", equalTo("山东省人大常委会"))
                .body("publishedOn", equalTo("2022-02-03"))
                .body("version", equalTo(1));
        given().when().get(ROUNDS + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("title", equalTo("替换后")).body("year", equalTo(2022));
    }

    @Test
    void shouldNotReplaceRoundWithAnIncompleteBody() {
        var title = "不完整替换 " + Fixtures.token();
        var id = Fixtures.round(title, 2021, "2021-04-01");
        assertViolation(with(admin())
                .header("If-Match", Api.etag(ROUNDS + "/" + id))
                .contentType(JSON).body(Map.of("title", "只有标题")).when().put(ROUNDS + "/" + id), "year")
                .body("violations.field", hasItem("issuer"))
                .body("violations.field", hasItem("publishedOn"));
        var stored = get(id);
        assertEquals(title, stored.getString("title"));
        assertEquals(0, stored.getInt("version"));
    }

    @Test
    void shouldPatchOneFieldAndKeepTheOthers() {
        var title = "部分修改 " + Fixtures.token();
        var id = Fixtures.round(title, 2021, "2021-04-01");
        with(admin())
                .header("If-Match", Api.etag(ROUNDS + "/" + id))
                .contentType(MERGE_PATCH).body("{\"issuer\": \"淄博市人民政府\"}")
                .when().patch(ROUNDS + "/" + id)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("issuer", equalTo("淄博市人民政府"))
                .body("title", equalTo(title))
                .body("year", equalTo(2021))
                .body("publishedOn", equalTo("2021-04-01"))
                .body("version", equalTo(1));
        var stored = get(id);
        assertEquals("淄博市人民政府", stored.getString("issuer"));
        assertEquals(title, stored.getString("title"));
    }

    @Test
    void shouldNotPatchAwayARequiredField() {
        var title = "必填字段 " + Fixtures.token();
        var id = Fixtures.round(title, 2021, "2021-04-01");
        assertViolation(with(admin())
                .header("If-Match", Api.etag(ROUNDS + "/" + id))
                .contentType(MERGE_PATCH).body("{\"title\": null}").when().patch(ROUNDS + "/" + id), "title");
        assertViolation(with(admin())
                .header("If-Match", Api.etag(ROUNDS + "/" + id))
                .contentType(MERGE_PATCH).body("{\"publishedOn\": null}").when().patch(ROUNDS + "/" + id),
                "publishedOn");
        var stored = get(id);
        assertEquals(title, stored.getString("title"));
        assertEquals(0, stored.getInt("version"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"year\": \"abc\"}                 | year",
            "{\"year\": 3000}                    | year",
            "{\"year\": 99999999999999999999}    | year",
            "{\"title\": 5}                      | title",
            "{\"title\": \"   \"}                | title",
            "{\"publishedOn\": \"2021-02-30\"}   | publishedOn",
            "{\"colour\": \"red\"}               | colour",
            "[]                                  | body",
            "{\"title\": \"x\",                  | body",
    })
    void shouldNotApplyAnInvalidPatch(String patch, String field) {
        var title = "无效补丁 " + Fixtures.token();
        var id = Fixtures.round(title, 2021, "2021-04-01");
        assertViolation(with(admin())
                .header("If-Match", Api.etag(ROUNDS + "/" + id))
                .contentType(MERGE_PATCH).body(patch).when().patch(ROUNDS + "/" + id), field);
        var stored = get(id);
        assertEquals(title, stored.getString("title"));
        assertEquals(2021, stored.getInt("year"));
        assertEquals(0, stored.getInt("version"));
    }

    @Test
    void shouldNotPatchWithPlainJson() {
        var id = Fixtures.round("补丁类型 " + Fixtures.token(), 2021, "2021-04-01");
        assertProblem(with(admin())
                .header("If-Match", Api.etag(ROUNDS + "/" + id))
                .contentType(JSON).body("{\"year\": 2022}").when().patch(ROUNDS + "/" + id), 415);
        assertEquals(2021, get(id).getInt("year"));
    }

    @Test
    void shouldDeleteRoundThenAnswer404() {
        var id = Fixtures.round("删除测试 " + Fixtures.token(), 2021, "2021-04-01");
        with(admin())
                .header("If-Match", Api.etag(ROUNDS + "/" + id))
                .when().delete(ROUNDS + "/" + id).then().statusCode(204).body(equalTo(""));
        assertProblem(given().when().get(ROUNDS + "/" + id), 404).body("detail", containsString(id));
        assertProblem(with(admin()).when().delete(ROUNDS + "/" + id), 404);
    }

    @Test
    void shouldNotDeleteRoundWithCommitments() {
        var id = Fixtures.round("有承诺的批次 " + Fixtures.token(), 2021, "2021-04-01");
        Fixtures.commitment(id, Fixtures.department());
        assertProblem(with(admin())
                .header("If-Match", Api.etag(ROUNDS + "/" + id)).when().delete(ROUNDS + "/" + id), 409)
                .body("detail", containsString("1 commitment"));
        get(id);
    }

    @Test
    void shouldAnswer404ForAnUnknownRound() {
        var id = UUID.randomUUID().toString();
        assertProblem(given().when().get(ROUNDS + "/" + id), 404).body("detail", containsString(id));
        assertProblem(with(admin()).contentType(JSON).body(body("无", 2021, "无", "2021-04-01")).when().put(ROUNDS + "/" + id), 404);
        assertProblem(with(admin()).contentType(MERGE_PATCH).body("{}").when().patch(ROUNDS + "/" + id), 404);
        assertProblem(with(admin()).when().delete(ROUNDS + "/" + id), 404);
    }

    // --- lists ------------------------------------------------------------------------------------------------

    @Test
    void shouldFilterRoundsByYearAndText() {
        var token = Fixtures.token();
        var a = Fixtures.round("甲批次 " + token.toUpperCase(), 2061, "2061-04-01");
        var b = Fixtures.round("乙批次 " + token, 2062, "2062-04-01");
        var c = Fixtures.post(ROUNDS, body("丙批次", 2061, "发文机关 " + token, "2061-05-01"));
        Fixtures.round("无关批次 " + Fixtures.token(), 2061, "2061-06-01");

        assertThat(idsOf("q", token, "size", 200), containsInAnyOrder(a, b, c));
        assertThat(idsOf("q", token, "year", 2061), containsInAnyOrder(a, c));
        assertThat(idsOf("q", token, "year", 2062), containsInAnyOrder(b));
        assertThat(idsOf("q", token, "year", 2063), empty());
        assertThat(idsOf("q", "乙批次 " + token), containsInAnyOrder(b));
        assertThat(idsOf("q", " " + token.toUpperCase() + " "), containsInAnyOrder(a, b, c));

        var year2062 = list("year", 2062, "size", 200);
        assertThat(year2062.getList("items.id"), hasItem(b));
        assertThat(year2062.getList("items.year"), everyItem(equalTo(2062)));
    }

    @Test
    void shouldTreatLikeWildcardsInTextLiterally() {
        var token = Fixtures.token();
        var percent = Fixtures.round("完成率100% " + token, 2021, "2021-04-01");
        var underscore = Fixtures.round("下划线_批次 " + token, 2021, "2021-04-01");
        Fixtures.round("普通批次 " + token, 2021, "2021-04-01");
        assertThat(idsOf("q", token, "size", 200), hasSize(3));
        assertThat(idsOf("q", "% " + token), containsInAnyOrder(percent));
        assertThat(idsOf("q", "_批次 " + token), containsInAnyOrder(underscore));
    }

    @Test
    void shouldPageRounds() {
        var token = Fixtures.token();
        var all = new ArrayList<String>();
        for (int i = 1; i <= 3; i++) {
            all.add(Fixtures.round("分页 " + token + " " + i, 2021, "2021-04-0" + i));
        }
        given().queryParam("q", token).when().get(ROUNDS + "?page=0&size=2")
                .then().statusCode(200)
                .body("items", hasSize(2)).body("page", equalTo(0)).body("size", equalTo(2)).body("total", equalTo(3))
                .body("items.id", equalTo(all.subList(0, 2)));
        given().queryParam("q", token).when().get(ROUNDS + "?page=1&size=2")
                .then().statusCode(200)
                .body("items.id", equalTo(all.subList(2, 3))).body("page", equalTo(1)).body("total", equalTo(3));
        given().queryParam("q", token).when().get(ROUNDS + "?page=2&size=2")
                .then().statusCode(200).body("items", empty()).body("total", equalTo(3));
        given().queryParam("q", token).when().get(ROUNDS + "?size=200")
                .then().statusCode(200).body("size", equalTo(200)).body("items.id", equalTo(all));
        given().queryParam("q", token).when().get(ROUNDS)
                .then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(20)).body("total", equalTo(3));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "size|201", "size|0", "size|-5", "size|abc", "size|99999999999", "page|-1",
            "page|abc", "page|1.5", "year|abc", "year|1948", "year|2101", "sort|colour", "sort|title,sideways",
            "sort|title,asc,desc", "sort|TITLE" })
    void shouldRejectABadListParameter(String parameter, String value) {
        assertViolation(given().queryParam(parameter, value).when().get(ROUNDS), parameter);
    }

    @Test
    void shouldRejectANulCharacterInTheQuery() {
        assertViolation(given().queryParam("q", "批次\u0000").when().get(ROUNDS), "q");
        assertViolation(given().queryParam("q", "长".repeat(201)).when().get(ROUNDS), "q");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''               | 3,1,2",
            "publishedOn      | 3,1,2",
            "publishedOn,asc  | 3,1,2",
            "publishedOn,desc | 2,1,3",
            "year,asc         | 1,3,2",
            "year,desc        | 2,3,1",
            "title,asc        | 2,3,1",
            "title,desc       | 1,3,2",
            "createdAt,asc    | 1,2,3",
            "createdAt,desc   | 3,2,1",
    })
    void shouldSortRoundsByEveryField(String sort, String order) {
        var token = Fixtures.token();
        var r1 = Fixtures.round(token + " C", 2070, "2030-01-02");
        var r2 = Fixtures.round(token + " A", 2072, "2030-01-03");
        var r3 = Fixtures.round(token + " B", 2071, "2030-01-01");
        var byNumber = List.of(r1, r2, r3);
        var expected = Stream.of(order.split(",")).map(n -> byNumber.get(Integer.parseInt(n) - 1)).toList();
        var actual = sort.isEmpty() ? idsOf("q", token) : idsOf("q", token, "sort", sort);
        assertEquals(expected, actual, "order for sort=" + sort);
    }

    // --- validation -------------------------------------------------------------------------------------------

    @Test
    void shouldNameEveryMissingField() {
        assertViolation(with(admin()).contentType(JSON).body("{}").when().post(ROUNDS), "title")
                .body("violations.field", containsInAnyOrder("title", "year", "issuer", "publishedOn"))
                .body("detail", equalTo("4 fields are invalid"));
    }

    @Test
    void shouldRejectBlankAndTooLongFields() {
        var tooLong = "长".repeat(501);
        assertViolation(with(admin()).contentType(JSON).body(body("  ", 2021, "", "2021-04-01")).when().post(ROUNDS), "title")
                .body("violations.field", containsInAnyOrder("title", "issuer"));
        assertViolation(with(admin()).contentType(JSON).body(body(tooLong, 2021, "机关", "2021-04-01")).when().post(ROUNDS), "title")
                .body("violations", hasSize(1));
        assertViolation(with(admin()).contentType(JSON).body(body("标题", 2021, "机".repeat(201), "2021-04-01")).when().post(ROUNDS),
                "issuer");
    }

    @ParameterizedTest
    @ValueSource(ints = { 1948, 2101, 0, -2021 })
    void shouldRejectAYearOutOfRange(int year) {
        var token = Fixtures.token();
        assertViolation(with(admin()).contentType(JSON).body(body("年份 " + token, year, "机关", "2021-04-01")).when().post(ROUNDS),
                "year").body("violations", hasSize(1));
        assertEquals(0, totalOf("q", token));
    }

    @ParameterizedTest
    @ValueSource(ints = { 1949, 2100 })
    void shouldAcceptTheYearsAtTheEdgesOfTheRange(int year) {
        with(admin()).contentType(JSON).body(body("边界年份 " + Fixtures.token(), year, "机关", "2021-04-01"))
                .when().post(ROUNDS).then().statusCode(201).body("year", equalTo(year));
    }

    // --- malformed input --------------------------------------------------------------------------------------

    static Stream<Arguments> malformedBodies() {
        var valid = "\"title\": \"%s\", \"year\": 2021, \"issuer\": \"机关\", \"publishedOn\": \"2021-04-01\"";
        return Stream.of(
                Arguments.of("{" + valid.formatted("TOKEN") + ",", "body"),
                Arguments.of("{" + valid.formatted("TOKEN") + "} xyz", "body"),
                Arguments.of("{" + valid.formatted("TOKEN") + "} {}", "body"),
                Arguments.of("{'title': 'TOKEN'}", "body"),
                Arguments.of("{\"title\": \"TOKEN\", \"year\": \"abc\", \"issuer\": \"机关\", \"publishedOn\": \"2021-04-01\"}", "year"),
                Arguments.of("{\"title\": \"TOKEN\", \"year\": \"2021\", \"issuer\": \"机关\", \"publishedOn\": \"2021-04-01\"}", "year"),
                Arguments.of("{\"title\": \"TOKEN\", \"year\": 2021.5, \"issuer\": \"机关\", \"publishedOn\": \"2021-04-01\"}", "year"),
                Arguments.of("{\"title\": \"TOKEN\", \"year\": true, \"issuer\": \"机关\", \"publishedOn\": \"2021-04-01\"}", "year"),
                Arguments.of("{\"title\": \"TOKEN\", \"year\": 99999999999999999999, \"issuer\": \"机关\", \"publishedOn\": \"2021-04-01\"}", "year"),
                Arguments.of("{\"title\": \"TOKEN\", \"year\": 3000000000, \"issuer\": \"机关\", \"publishedOn\": \"2021-04-01\"}", "year"),
                Arguments.of("{\"title\": 5, \"year\": 2021, \"issuer\": \"机关\", \"publishedOn\": \"2021-04-01\"}", "title"),
                Arguments.of("{\"title\": [\"TOKEN\"], \"year\": 2021, \"issuer\": \"机关\", \"publishedOn\": \"2021-04-01\"}", "title"),
                Arguments.of("{\"title\": \"TOKEN\", \"year\": 2021, \"issuer\": {}, \"publishedOn\": \"2021-04-01\"}", "issuer"),
                Arguments.of("{" + valid.formatted("TOKEN") + ", \"colour\": \"red\"}", "colour"),
                Arguments.of("{\"title\": \"TOKEN\", \"year\": 2021, \"issuer\": \"机关\", \"publishedOn\": \"2021-02-30\"}", "publishedOn"),
                Arguments.of("{\"title\": \"TOKEN\", \"year\": 2021, \"issuer\": \"机关\", \"publishedOn\": \"2021/04/01\"}", "publishedOn"),
                Arguments.of("{\"title\": \"TOKEN\", \"year\": 2021, \"issuer\": \"机关\", \"publishedOn\": 20210401}", "publishedOn"),
                Arguments.of("{" + valid.formatted("TOKEN\\u0000") + "}", "title"),
                Arguments.of("{\"title\": \"TOKEN\", \"year\": 2021, \"issuer\": \"机\\u0000关\", \"publishedOn\": \"2021-04-01\"}", "issuer"),
                Arguments.of("", "body"),
                Arguments.of("null", "body"),
                Arguments.of("[{" + valid.formatted("TOKEN") + "}]", "body"),
                Arguments.of("\"TOKEN\"", "body"));
    }

    @ParameterizedTest
    @MethodSource("malformedBodies")
    void shouldRejectMalformedBodyNamingTheField(String template, String field) {
        var token = Fixtures.token();
        var body = template.replace("TOKEN", token);
        var violation = assertViolation(with(admin()).contentType(JSON).body(body).when().post(ROUNDS), field);
        if (field.equals("title") && !body.contains("\\u0000")) {
            violation.body("violations[0].message", not(containsString("NUL")));
        }
        assertEquals(0, totalOf("q", token), "a malformed request wrote something");
    }

    @Test
    void shouldRejectAMalformedBodyOnPut() {
        var title = "格式错误替换 " + Fixtures.token();
        var id = Fixtures.round(title, 2021, "2021-04-01");
        assertViolation(with(admin())
                .header("If-Match", Api.etag(ROUNDS + "/" + id))
                .contentType(JSON).body("{\"title\": \"新\", \"year\": \"abc\", \"issuer\": \"机关\", "
                + "\"publishedOn\": \"2021-04-01\"}").when().put(ROUNDS + "/" + id), "year");
        assertViolation(with(admin())
                .header("If-Match", Api.etag(ROUNDS + "/" + id))
                .contentType(JSON).body("").when().put(ROUNDS + "/" + id), "body");
        assertEquals(title, get(id).getString("title"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "abc", "12345", "01a223be-14f2-76e0-a824-9fa01391facbX", "01a223be14f276e0a8249fa01391facb" })
    void shouldRejectAMalformedIdInThePath(String id) {
        assertViolation(given().when().get(ROUNDS + "/" + id), "id");
        assertViolation(with(admin())
                .contentType(JSON).body(body("t", 2021, "i", "2021-04-01")).when().put(ROUNDS + "/" + id), "id");
        assertViolation(with(admin())
                .contentType(MERGE_PATCH).body("{}").when().patch(ROUNDS + "/" + id), "id");
        assertViolation(with(admin()).when().delete(ROUNDS + "/" + id), "id");
    }

    @Test
    void shouldAnswer415ForAWrongContentType() {
        var token = Fixtures.token();
        var json = "{\"title\": \"" + token + "\", \"year\": 2021, \"issuer\": \"机关\", \"publishedOn\": \"2021-04-01\"}";
        assertProblem(with(admin()).contentType("text/plain").body(json).when().post(ROUNDS), 415);
        assertProblem(with(admin()).contentType("application/xml").body("<round/>").when().post(ROUNDS), 415);
        assertProblem(with(admin()).contentType(MERGE_PATCH).body(json).when().post(ROUNDS), 415);
        assertEquals(0, totalOf("q", token));
    }

    @Test
    void shouldAnswer405ForAnUnsupportedMethod() {
        var id = Fixtures.round("方法 " + Fixtures.token(), 2021, "2021-04-01");
        assertProblem(with(admin()).when().delete(ROUNDS), 405);
        assertProblem(with(admin()).contentType(JSON).body("{}").when().put(ROUNDS), 405);
        assertProblem(with(admin()).contentType(JSON).body("{}").when().post(ROUNDS + "/" + id), 405);
        get(id);
    }

    // --- ETag and If-Match ------------------------------------------------------------------------------------

    /** A client holding the current copy revalidates it for free; a changed resource comes back in full. */
    @Test
    void shouldAnswer304WhileTheCopyIsCurrent() {
        var id = Fixtures.round();
        given().header("If-None-Match", "\"0\"").when().get(ROUNDS + "/" + id)
                .then().statusCode(304).header("ETag", "\"0\"").body(equalTo(""));
        given().header("If-None-Match", "W/\"0\", \"7\"").when().get(ROUNDS + "/" + id).then().statusCode(304);
        given().header("If-None-Match", "*").when().get(ROUNDS + "/" + id).then().statusCode(304);
        with(admin())
                .header("If-Match", Api.etag(ROUNDS + "/" + id))
                .contentType(MERGE_PATCH).body("{\"issuer\": \"淄博市人大常委会办公室\"}").when().patch(ROUNDS + "/" + id)
                .then().statusCode(200);
        given().header("If-None-Match", "\"0\"").when().get(ROUNDS + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("issuer", equalTo("淄博市人大常委会办公室"));
        // lists carry no ETag, and a missing resource stays a 404
        given().header("If-None-Match", "*").when().get(ROUNDS).then().statusCode(200);
        given().header("If-None-Match", "*").when().get(ROUNDS + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void shouldHonourIfMatchOnPut() {
        var title = "条件替换 " + Fixtures.token();
        var id = Fixtures.round(title, 2021, "2021-04-01");
        assertProblem(with(admin()).contentType(JSON).header("If-Match", "\"3\"").body(body("过期", 2022, "机关", "2022-01-01"))
                .when().put(ROUNDS + "/" + id), 412).body("detail", containsString("\"0\""));
        var unchanged = get(id);
        assertEquals(title, unchanged.getString("title"));
        assertEquals(0, unchanged.getInt("version"));

        with(admin()).contentType(JSON).header("If-Match", "\"0\"").body(body("第一次", 2022, "机关", "2022-01-01"))
                .when().put(ROUNDS + "/" + id).then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));
        assertProblem(with(admin()).contentType(JSON).header("If-Match", "\"0\"").body(body("第二次", 2022, "机关", "2022-01-01"))
                .when().put(ROUNDS + "/" + id), 412);
        assertEquals("第一次", get(id).getString("title"));
        with(admin()).contentType(JSON).header("If-Match", "*").body(body("第三次", 2022, "机关", "2022-01-01"))
                .when().put(ROUNDS + "/" + id).then().statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void shouldHonourIfMatchOnPatch() {
        var id = Fixtures.round("条件补丁 " + Fixtures.token(), 2021, "2021-04-01");
        assertProblem(with(admin()).contentType(MERGE_PATCH).header("If-Match", "\"1\"").body("{\"year\": 2030}")
                .when().patch(ROUNDS + "/" + id), 412);
        assertEquals(2021, get(id).getInt("year"));
        with(admin()).contentType(MERGE_PATCH).header("If-Match", "W/\"0\"").body("{\"year\": 2030}")
                .when().patch(ROUNDS + "/" + id).then().statusCode(200).header("ETag", "\"1\"").body("year", equalTo(2030));
        with(admin()).contentType(MERGE_PATCH).header("If-Match", "*").body("{\"year\": 2031}")
                .when().patch(ROUNDS + "/" + id).then().statusCode(200).header("ETag", "\"2\"").body("year", equalTo(2031));
        with(admin()).contentType(MERGE_PATCH).header("If-Match", "\"7\", \"2\"").body("{\"year\": 2032}")
                .when().patch(ROUNDS + "/" + id).then().statusCode(200).header("ETag", "\"3\"");
    }

    @Test
    void shouldHonourIfMatchOnDelete() {
        var id = Fixtures.round("条件删除 " + Fixtures.token(), 2021, "2021-04-01");
        assertProblem(with(admin()).header("If-Match", "\"1\"").when().delete(ROUNDS + "/" + id), 412);
        assertProblem(with(admin()).header("If-Match", "W/\"5\"").when().delete(ROUNDS + "/" + id), 412);
        get(id);
        with(admin()).header("If-Match", "W/\"0\"").when().delete(ROUNDS + "/" + id).then().statusCode(204);
        assertProblem(given().when().get(ROUNDS + "/" + id), 404);

        var other = Fixtures.round("条件删除星号 " + Fixtures.token(), 2021, "2021-04-01");
        with(admin()).header("If-Match", "*").when().delete(ROUNDS + "/" + other).then().statusCode(204);
        assertProblem(given().when().get(ROUNDS + "/" + other), 404);
    }

    // --- Idempotency-Key --------------------------------------------------------------------------------------

    @Test
    void shouldReplayTheFirstResponseForARepeatedIdempotencyKey() {
        var token = Fixtures.token();
        var key = UUID.randomUUID().toString();
        var request = body("幂等 " + token, 2021, "淄博市人大常委会", "2021-04-01");
        var first = with(admin()).contentType(JSON).header("Idempotency-Key", key).body(request)
                .when().post(ROUNDS).then().statusCode(201).header("ETag", "\"0\"").extract();
        var second = with(admin()).contentType(JSON).header("Idempotency-Key", key).body(request)
                .when().post(ROUNDS).then().statusCode(201).extract();

        assertEquals(first.header("Location"), second.header("Location"));
        assertEquals(first.header("ETag"), second.header("ETag"));
        assertEquals(first.jsonPath().getMap(""), second.jsonPath().getMap(""));
        assertEquals(1, totalOf("q", token));
    }

    @Test
    void shouldNotReuseAnIdempotencyKeyForADifferentBody() {
        var token = Fixtures.token();
        var key = UUID.randomUUID().toString();
        with(admin()).contentType(JSON).header("Idempotency-Key", key).body(body("幂等甲 " + token, 2021, "机关", "2021-04-01"))
                .when().post(ROUNDS).then().statusCode(201);
        assertProblem(with(admin()).contentType(JSON).header("Idempotency-Key", key)
                .body(body("幂等乙 " + token, 2021, "机关", "2021-04-01")).when().post(ROUNDS), 422);
        assertThat(list("q", token).getList("items.title"),
                containsInAnyOrder("幂等甲 " + token));
    }

    @Test
    void shouldKeepIdempotencyKeysOfDifferentPathsApart() {
        var token = Fixtures.token();
        var key = UUID.randomUUID().toString();
        String roundId = with(admin()).contentType(JSON).header("Idempotency-Key", key)
                .body(body("幂等路径 " + token, 2021, "机关", "2021-04-01"))
                .when().post(ROUNDS).then().statusCode(201).extract().path("id");
        String departmentId = with(admin()).contentType(JSON).header("Idempotency-Key", key)
                .body(Map.of("code", token, "name", "幂等局"))
                .when().post("/api/v1/departments").then().statusCode(201).body("code", equalTo(token)).extract().path("id");
        assertThat(departmentId, not(equalTo(roundId)));
        given().when().get("/api/v1/departments/" + departmentId).then().statusCode(200).body("name", equalTo("幂等局"));
        assertEquals(1, totalOf("q", token));
    }

    @ParameterizedTest
    @ValueSource(strings = { "with space", "schlüssel" })
    void shouldRejectAMalformedIdempotencyKey(String key) {
        var token = Fixtures.token();
        assertViolation(with(admin()).contentType(JSON).header("Idempotency-Key", key)
                .body(body("坏键 " + token, 2021, "机关", "2021-04-01")).when().post(ROUNDS), "Idempotency-Key");
        assertEquals(0, totalOf("q", token));
    }

    @Test
    void shouldRejectAnOverlongIdempotencyKey() {
        var token = Fixtures.token();
        assertViolation(with(admin()).contentType(JSON).header("Idempotency-Key", "k".repeat(201))
                .body(body("长键 " + token, 2021, "机关", "2021-04-01")).when().post(ROUNDS), "Idempotency-Key");
        assertEquals(0, totalOf("q", token));
    }

    @Test
    void shouldCreateOnlyOnceForConcurrentRequestsWithOneIdempotencyKey() throws Exception {
        var token = Fixtures.token();
        var json = "{\"title\": \"并发幂等 " + token + "\", \"year\": 2021, \"issuer\": \"机关\", \"publishedOn\": \"2021-04-01\"}";
        var responses = Concurrently.send(8, "POST", ROUNDS, json,
                Map.of("Authorization", "Bearer " + admin(), "Idempotency-Key", UUID.randomUUID().toString()));

        var ids = new HashSet<String>();
        for (var response : responses) {
            assertEquals(201, response.statusCode(), response.body());
            ids.add(JsonPath.from(response.body()).getString("id"));
            assertThat(response.headers().firstValue("Location").orElseThrow(), endsWith(ROUNDS + "/" + ids.iterator().next()));
        }
        assertThat(ids, hasSize(1));
        assertThat(idsOf("q", token), equalTo(List.copyOf(ids)));
    }

    // --- concurrent updates -----------------------------------------------------------------------------------

    @Test
    void shouldLetExactlyOneOfTwoConcurrentPutsWin() throws Exception {
        var id = Fixtures.round("并发替换 " + Fixtures.token(), 2021, "2021-04-01");
        var json = "{\"title\": \"并发后\", \"year\": 2022, \"issuer\": \"机关\", \"publishedOn\": \"2022-04-01\"}";
        var responses = Concurrently.send(2, "PUT", ROUNDS + "/" + id, json,
                Map.of("Authorization", "Bearer " + admin(), "If-Match", "\"0\""));

        var statuses = responses.stream().map(r -> r.statusCode()).sorted().toList();
        assertEquals(200, statuses.get(0), "one PUT must win: " + statuses);
        assertEquals(412, statuses.get(1), "the other PUT must lose: " + statuses);
        var loser = responses.stream().filter(r -> r.statusCode() != 200).findFirst().orElseThrow();
        assertThat(loser.headers().firstValue("Content-Type").orElseThrow(), containsString("application/problem+json"));
        assertNoLeak(loser.body());
        var stored = get(id);
        assertEquals(1, stored.getInt("version"));
        assertEquals("并发后", stored.getString("title"));
    }

    // --- UTF-8 ------------------------------------------------------------------------------------------------

    @Test
    void shouldRoundTripChineseTextExactly() {
        var title = "市人大常委会2021年评议工作“第一批次”、《意见》落实情况😀 " + Fixtures.token();
        var issuer = "淄博市人大常委会（办公室）·〔2021〕3号";
        var id = Fixtures.post(ROUNDS, body(title, 2021, issuer, "2021-04-01"));
        var stored = get(id);
        assertEquals(title, stored.getString("title"));
        assertEquals(issuer, stored.getString("issuer"));

        var patched = "《关于优化营商环境的报告》——“补丁”😀";
        with(admin())
                .header("If-Match", Api.etag(ROUNDS + "/" + id))
                .contentType(MERGE_PATCH).body("{\"title\": \"" + patched + "\"}").when().patch(ROUNDS + "/" + id)
                .then().statusCode(200).body("title", equalTo(patched));
        assertEquals(patched, get(id).getString("title"));
    }

    @Test
    void shouldStripSurroundingWhitespaceButKeepInnerText() {
        var id = Fixtures.post(ROUNDS, body("\u3000 内 部  空格 \u3000", 2021, " 机关 ", "2021-04-01"));
        var stored = get(id);
        assertEquals("内 部  空格", stored.getString("title"));
        assertEquals("机关", stored.getString("issuer"));
    }
}
