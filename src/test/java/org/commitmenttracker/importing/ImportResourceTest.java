package org.commitmenttracker.importing;

import static io.restassured.RestAssured.given;
import static org.commitmenttracker.common.Problems.assertProblem;
import static org.commitmenttracker.common.Problems.assertViolation;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commitmenttracker.Fixtures;
import org.commitmenttracker.common.Api;
import org.commitmenttracker.common.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * POST /api/v1/imports through HTTP: previews write nothing; a commit writes the whole letter through the ordinary
 * endpoints' rules, all or nothing; an edited preview commits exactly as edited; a second import of a letter into the
 * same round is a 409; malformed input of every kind is a 4xx problem.
 */
@QuarkusTest
class ImportResourceTest {

    private static final String IMPORTS = "/api/v1/imports";
    private static final String API = "/api/v1";
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String JSON = "application/json";
    private static final String DEMO_ROUND = "市人大常委会2021年评议工作第一批次";
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();
    static final List<String> LETTERS = Letters.OWN;

    /** Every write of these tests starts here, so that a bearer token (only admin may commit) is one line away. */
    private static RequestSpecification write() {
        return Tokens.with(Tokens.admin()).config(Api.DECIMALS);
    }

    private static Response postText(byte[] body, String contentType, Map<String, ?> params) {
        return write().contentType(contentType).body(body).queryParams(params).when().post(IMPORTS);
    }

    private static Response postText(String text, Map<String, ?> params) {
        return postText(text.getBytes(StandardCharsets.UTF_8), TEXT, params);
    }

    private static Response postJson(String json, Map<String, ?> params) {
        return write().contentType(JSON).body(json.getBytes(StandardCharsets.UTF_8)).queryParams(params)
                .when().post(IMPORTS);
    }

    private static Map<String, Object> newRound(String title, int year, String publishedOn) {
        var params = new LinkedHashMap<String, Object>();
        params.put("title", title);
        params.put("year", year);
        params.put("issuer", "淄博市人大常委会");
        params.put("publishedOn", publishedOn);
        return params;
    }

    private static Map<String, Object> committing(Map<String, Object> params) {
        var with = new LinkedHashMap<>(params);
        with.put("commit", "true");
        return with;
    }

    private static JsonNode json(Response response) {
        try {
            return MAPPER.readTree(response.asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String seedLetter() {
        return SeedLetterTest.resource(SeedLetterTest.LETTER);
    }

    private static Map<String, Integer> counts() {
        var counts = new LinkedHashMap<String, Integer>();
        for (var list : List.of("rounds", "departments", "commitments", "targets", "milestones")) {
            counts.put(list, Api.list(API + "/" + list, "size", 1).getInt("total"));
        }
        return counts;
    }

    // --- preview and commit ----------------------------------------------------------------------------------

    @Test
    void shouldPreviewTheSeedLetterWithSourcesAndWriteNothing() {
        var before = counts();

        var preview = json(postText(seedLetter(), newRound("预览 " + Fixtures.token(), 2021, "2021-04-01"))
                .then().statusCode(200).extract().response());

        assertEquals(before, counts());
        assertTrue(preview.get("round").get("id").isNull(), "a new round, not written");
        var departments = preview.get("departments");
        assertEquals(6, departments.size());
        var demo = Api.list(API + "/rounds", "q", DEMO_ROUND).getString("items[0].id");
        var demoDepartments = new HashMap<String, String>();
        for (Map<String, Object> d : Api.list(API + "/departments", "roundId", demo, "size", 200)
                .<Map<String, Object>>getList("items")) {
            demoDepartments.put((String) d.get("name"), (String) d.get("id"));
        }
        int commitments = 0;
        for (var d : departments) {
            assertEquals(demoDepartments.get(d.get("name").asText()), d.get("id").asText(),
                    () -> "matched by name to the stored (oldest) department: " + d.get("name"));
            commitments += d.get("commitments").size();
        }
        assertEquals(14, commitments);
        var first = departments.get(0).get("commitments").get(0);
        assertEquals(10, first.get("line").asInt());
        assertEquals("一、优质教育资源供给不足的问题", first.get("source").asText());
        var target = first.get("targets").get(0);
        assertTrue(target.get("line").asInt() > 10);
        assertTrue(target.get("source").asText().contains(target.get("targetValue").asText()), target::toString);
    }

    @Test
    void shouldCommitTheSeedLetterIntoANewRoundOnceAndRefuseItTheSecondTime() {
        var params = newRound("重复导入 " + Fixtures.token(), 2021, "2021-04-01");
        var departmentsBefore = counts().get("departments");

        var committed = postText(seedLetter(), committing(params));

        committed.then().statusCode(201).header("Location", containsString("/api/v1/rounds/")).header("ETag", "\"0\"");
        var body = json(committed);
        var roundId = body.get("round").get("id").asText();
        assertTrue(committed.header("Location").endsWith("/api/v1/rounds/" + roundId));
        int targets = 0;
        int milestones = 0;
        for (var d : body.get("departments")) {
            for (var c : d.get("commitments")) {
                assertNotNull(c.get("id").asText());
                targets += c.get("targets").size();
                milestones += c.get("milestones").size();
            }
        }
        assertEquals(14, Api.list(API + "/commitments", "roundId", roundId, "size", 200).getInt("total"));
        assertEquals(targets, Api.list(API + "/targets", "roundId", roundId, "size", 200).getInt("total"));
        assertEquals(milestones, Api.list(API + "/milestones", "roundId", roundId, "size", 200).getInt("total"));
        assertEquals(6, Api.list(API + "/departments", "roundId", roundId).getInt("total"));
        assertEquals(departmentsBefore, counts().get("departments"), "the six departments are the stored ones");

        var before = counts();
        assertProblem(postText(seedLetter(), committing(params)), 409)
                .body("detail", containsString("市教育局 1"));
        assertEquals(before, counts(), "the second import wrote nothing");

        var again = json(postText(seedLetter(), params).then().statusCode(200).extract().response());
        assertEquals(roundId, again.get("round").get("id").asText(), "the round of that year, title and issuer");
        assertEquals(14, duplicateWarnings(again));
    }

    @Test
    void shouldRefuseTheDemoLetterInTheDemoRoundWhichHoldsItAlready() {
        var demo = Api.list(API + "/rounds", "q", DEMO_ROUND).getString("items[0].id");
        var before = counts();

        var preview = json(postText(seedLetter(), Map.of("roundId", demo)).then().statusCode(200).extract().response());
        assertEquals(14, duplicateWarnings(preview));
        assertProblem(postText(seedLetter(), Map.of("roundId", demo, "commit", "true")), 409);

        assertEquals(before, counts());
    }

    private static int duplicateWarnings(JsonNode preview) {
        int n = 0;
        for (var w : preview.get("warnings")) {
            n += w.get("why").asText().startsWith("already imported") ? 1 : 0;
        }
        return n;
    }

    /** Each letter of our own, previewed, its valueless targets dropped, committed, and read back: its expected result. */
    @ParameterizedTest
    @FieldSource("LETTERS")
    void shouldImportOwnLetterAndServeExactlyItsExpectedResult(String name) {
        var expected = Letters.expected(name);
        var round = expected.get("round");
        var params = newRound(round.get("title").asText() + " " + Fixtures.token(), round.get("year").asInt(),
                round.get("publishedOn").asText());
        params.put("issuer", round.get("issuer").asText());

        var preview = json(postText(Letters.text(name), params).then().statusCode(200).extract().response());
        var warnings = new ArrayList<Integer>();
        preview.get("warnings").forEach(w -> warnings.add(w.get("line").asInt()));
        var expectedWarnings = new ArrayList<Integer>();
        expected.get("warnings").forEach(w -> expectedWarnings.add(w.asInt()));
        assertEquals(expectedWarnings, warnings);
        dropTargetsWithoutValue((ObjectNode) preview);

        var committed = postJson(preview.toString(), Map.of("commit", "true"));

        committed.then().statusCode(201);
        var roundId = json(committed).get("round").get("id").asText();
        var stored = Api.read(API + "/rounds/" + roundId);
        assertEquals(params.get("title"), stored.getString("title"));
        assertEquals(round.get("year").asInt(), stored.getInt("year"));
        assertEquals(round.get("publishedOn").asText(), stored.getString("publishedOn"));
        assertEquals(Letters.expectedForm(expected, true), readBack(roundId));
    }

    @Test
    void shouldCommitExactlyThePreviewAsTheAnalystEditedIt() {
        var params = newRound("编辑后提交 " + Fixtures.token(), 2022, "2022-03-15");
        var preview = (ObjectNode) json(postText(Letters.text("jinan-2022-culture-health"), params)
                .then().statusCode(200).extract().response());
        var culture = preview.get("departments").get(0).get("commitments");
        var targets = (ArrayNode) culture.get(0).get("targets");
        var dropped = targets.get(1);
        assertEquals("公共图书馆年接待读者", dropped.get("name").asText());
        targets.remove(1);
        var complaints = (ObjectNode) culture.get(1).get("targets").get(2);
        assertEquals("旅游投诉量", complaints.get("name").asText());
        complaints.put("unit", "件次");

        var roundId = json(postJson(preview.toString(), Map.of("commit", "true")).then().statusCode(201).extract()
                .response()).get("round").get("id").asText();

        var names = Api.list(API + "/targets", "roundId", roundId, "size", 200).<String>getList("items.name");
        assertTrue(!names.contains("公共图书馆年接待读者") && names.contains("旅游投诉量"), names::toString);
        var units = new ArrayList<String>();
        for (Map<String, Object> t : Api.list(API + "/targets", "roundId", roundId, "size", 200)
                .<Map<String, Object>>getList("items")) {
            if (t.get("name").equals("旅游投诉量")) {
                units.add((String) t.get("unit"));
            }
        }
        assertEquals(List.of("件次"), units);
    }

    @Test
    void shouldWriteNothingWhenAnyPartOfTheDocumentIsInvalid() {
        var params = newRound("全部或全无 " + Fixtures.token(), 2021, "2021-04-01");
        var preview = (ObjectNode) json(postText(seedLetter(), params).then().statusCode(200).extract().response());
        var last = preview.get("departments").get(5).get("commitments").get(2);
        ((ObjectNode) last.get("targets").get(1)).putNull("targetValue");
        var before = counts();

        assertViolation(postJson(preview.toString(), Map.of("commit", "true")),
                "departments[5].commitments[2].targets[1].targetValue");

        assertEquals(before, counts(), "not the round, nor the first 13 problems");
    }

    @Test
    void shouldNameTheFieldOfAnInvalidNewDepartmentAndOfAMilestoneWithoutItsTarget() {
        var params = newRound("字段路径 " + Fixtures.token(), 2022, "2022-03-15");
        var preview = (ObjectNode) json(postText(Letters.text("jinan-2022-culture-health"), params)
                .then().statusCode(200).extract().response());
        ((ObjectNode) preview.get("departments").get(1)).putNull("id").put("name", "市新设局" + Fixtures.token())
                .put("code", "不合规");
        ((ObjectNode) preview.get("departments").get(0).get("commitments").get(0).get("milestones").get(1))
                .put("targetKey", "t99");

        assertViolation(postJson(preview.toString(), Map.of("commit", "true")),
                "departments[0].commitments[0].milestones[1].targetKey");
        ((ObjectNode) preview.get("departments").get(0).get("commitments").get(0).get("milestones").get(1))
                .putNull("targetKey").putNull("plannedValue");
        var before = counts();
        assertViolation(postJson(preview.toString(), Map.of("commit", "true")), "departments[1].code");
        assertEquals(before, counts());
    }

    @Test
    void shouldCheckAPostedPreviewWithoutWritingIt() {
        var params = newRound("检查 " + Fixtures.token(), 2023, "2023-02-20");
        var preview = json(postText(Letters.text("lixia-2023-education"), params).then().statusCode(200).extract()
                .response());
        var before = counts();

        var checked = json(postJson(preview.toString(), Map.of()).then().statusCode(200).extract().response());

        assertEquals(before, counts());
        assertEquals(preview.get("departments"), checked.get("departments"));
    }

    @Test
    void shouldCarryOutACommitOnceForOneIdempotencyKey() {
        var params = committing(newRound("幂等 " + Fixtures.token(), 2023, "2023-02-20"));
        var key = Fixtures.token();
        var body = Letters.text("lixia-2023-education").getBytes(StandardCharsets.UTF_8);
        var first = write().header("Idempotency-Key", key).contentType(TEXT).body(body).queryParams(params)
                .when().post(IMPORTS);
        first.then().statusCode(201);
        var before = counts();

        write().header("Idempotency-Key", key).contentType(TEXT).body(body).queryParams(params).when().post(IMPORTS)
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location")));

        assertEquals(before, counts());
    }

    @Test
    void shouldReadALetterInTheCharsetItDeclares() {
        var gbk = Charset.forName("GBK");
        var letter = Letters.text("lixia-2023-education");

        postText(letter.getBytes(gbk), "text/plain; charset=GBK", newRound("GBK " + Fixtures.token(), 2023, "2023-02-20"))
                .then().statusCode(200)
                .body("departments", hasSize(1))
                .body("departments[0].name", equalTo("区教育和体育局"));
        assertViolation(postText(letter.getBytes(gbk), TEXT, newRound("GBK", 2023, "2023-02-20")), "body")
                .body("detail", containsString("charset"));
    }

    @Test
    void shouldPreviewTextWithoutALetterAsEmptyAndRefuseToCommitIt() {
        var params = newRound("无内容 " + Fixtures.token(), 2021, "2021-04-01");

        postText("首页 > 新闻\n今天天气很好。\n", params).then().statusCode(200)
                .body("departments", hasSize(0)).body("round.id", nullValue());
        assertViolation(postText("首页 > 新闻\n今天天气很好。\n", committing(params)), "departments");
    }

    // --- malformed input ---------------------------------------------------------------------------------------

    @Test
    void shouldRefuseBodiesThatAreNoLetter() {
        var params = newRound("坏输入", 2021, "2021-04-01");
        assertViolation(postText(new byte[0], TEXT, params), "body");
        assertViolation(postText("   \n\n  ", params), "body");
        assertViolation(postText(new byte[] { 0x00, 0x01, 0x02, (byte) 0x89, 0x50, 0x4e, 0x47 }, TEXT, params), "body");
        assertViolation(postText("一、问题\n" + "很".repeat(LetterParser.MAX_LINE + 1), params), "body")
                .body("detail", containsString("line 2"));
        assertViolation(postText(new byte[ImportResource.MAX_BYTES + 1], TEXT, params), "body");
        assertViolation(postText("一、问题".getBytes(StandardCharsets.UTF_8), "text/plain; charset=x-no-such", params),
                "Content-Type");
        assertProblem(write().contentType("application/xml").body("<letter/>").queryParams(params).when().post(IMPORTS),
                415);
    }

    @Test
    void shouldRefuseBadParameters() {
        var letter = Letters.text("lixia-2023-education");
        assertViolation(postText(letter, Map.of()), "roundId");
        assertViolation(postText(letter, Map.of("roundId", "abc")), "roundId");
        assertViolation(postText(letter, Map.of("roundId", "00000000-0000-0000-0000-000000000000")), "roundId");
        var both = newRound("两者", 2023, "2023-02-20");
        both.put("roundId", "00000000-0000-0000-0000-000000000000");
        assertViolation(postText(letter, both), "roundId");
        assertViolation(postText(letter, newRound("年份", 1800, "2023-02-20")), "year");
        assertViolation(postText(letter, newRound("日期", 2023, "2023-13-01")), "publishedOn");
        var untitled = newRound("无标题", 2023, "2023-02-20");
        untitled.remove("title");
        assertViolation(postText(letter, untitled), "title");
        var maybe = newRound("也许", 2023, "2023-02-20");
        maybe.put("commit", "maybe");
        assertViolation(postText(letter, maybe), "commit");
    }

    @Test
    void shouldRefuseBadJsonPreviews() {
        assertViolation(postJson("{", Map.of()), "body");
        assertViolation(postJson("null", Map.of()), "body");
        assertProblem(postJson("{\"round\":{\"title\":\"x\"},\"departments\":5}", Map.of()), 400);
        assertViolation(postJson("{\"round\":{\"title\":\"x\"},\"departments\":[],\"extra\":1}", Map.of()), "extra");
        assertViolation(postJson("{\"departments\":[]}", Map.of()), "round");
        assertViolation(postJson("{\"round\":{\"year\":\"2021\"},\"departments\":[]}", Map.of()), "round.year");
        assertViolation(postJson("{\"round\":{\"title\":\"t\",\"year\":2021,\"issuer\":\"i\",\"publishedOn\":\"2021-04-01\"},"
                + "\"departments\":[]}", Map.of("year", 2021)), "roundId");
        assertViolation(postJson("{\"round\":{\"title\":\"t\",\"year\":2021,\"issuer\":\"i\",\"publishedOn\":\"2021-04-01\"},"
                + "\"departments\":[]}", Map.of("commit", "true")), "departments");
    }

    // --- reading back ----------------------------------------------------------------------------------------

    /** The round's departments, problems, targets and milestones as the ordinary endpoints serve them. */
    private static Map<String, List<Map<String, Object>>> readBack(String roundId) {
        var form = new LinkedHashMap<String, List<Map<String, Object>>>();
        var departments = Api.list(API + "/departments", "roundId", roundId, "sort", "createdAt,asc", "size", 200);
        for (Map<String, Object> d : departments.<Map<String, Object>>getList("items")) {
            var commitments = new ArrayList<Map<String, Object>>();
            var list = Api.list(API + "/commitments", "roundId", roundId, "departmentId", d.get("id"), "sort", "seq,asc",
                    "size", 200);
            for (Map<String, Object> c : list.<Map<String, Object>>getList("items")) {
                var id = (String) c.get("id");
                var measures = new ArrayList<String>();
                for (Map<String, Object> m : ImportResourceTest.<List<Map<String, Object>>>cast(c.get("measures"))) {
                    measures.add(m.get("seq") + "|" + m.get("title") + "|" + m.get("deadline"));
                }
                var names = new HashMap<String, String>();
                var targets = new ArrayList<String>();
                for (Map<String, Object> t : Api.list(API + "/targets", "commitmentId", id, "size", 200)
                        .<Map<String, Object>>getList("items")) {
                    names.put((String) t.get("id"), (String) t.get("name"));
                    targets.add(Letters.target((String) t.get("name"), (String) t.get("unit"), (String) t.get("measure"),
                            (String) t.get("direction"), decimal(t.get("baseline")), decimal(t.get("targetValue")),
                            (String) t.get("dueDate")));
                }
                var milestones = new ArrayList<String>();
                for (Map<String, Object> m : Api.list(API + "/milestones", "commitmentId", id, "size", 200)
                        .<Map<String, Object>>getList("items")) {
                    milestones.add(Letters.milestone((String) m.get("dueDate"), decimal(m.get("plannedValue")),
                            names.get(m.get("targetId"))));
                }
                Map<String, Object> r = cast(c.get("responsibility"));
                commitments.add(Letters.commitment(((Number) c.get("seq")).intValue(), (String) c.get("title"), measures,
                        Letters.responsibility((String) r.get("cityLeader"), (String) r.get("departmentHead"),
                                cast(r.get("leadsInCharge")), cast(r.get("offices")), cast(r.get("persons"))),
                        targets, milestones));
            }
            form.put((String) d.get("name"), commitments);
        }
        return form;
    }

    private static BigDecimal decimal(Object number) {
        return number == null ? null : new BigDecimal(number.toString());
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    /** The analyst's edit of a range without a value: drop the target and the milestones that plan it. */
    private static void dropTargetsWithoutValue(ObjectNode preview) {
        for (var d : preview.get("departments")) {
            for (var c : d.get("commitments")) {
                var targets = (ArrayNode) c.get("targets");
                for (int i = targets.size() - 1; i >= 0; i--) {
                    if (targets.get(i).get("targetValue").isNull()) {
                        var key = targets.get(i).get("key").asText();
                        targets.remove(i);
                        var milestones = (ArrayNode) c.get("milestones");
                        for (int m = milestones.size() - 1; m >= 0; m--) {
                            if (key.equals(milestones.get(m).path("targetKey").asText(null))) {
                                milestones.remove(m);
                            }
                        }
                    }
                }
            }
        }
    }
}
