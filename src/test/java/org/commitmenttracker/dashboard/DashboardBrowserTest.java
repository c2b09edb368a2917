package org.commitmenttracker.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.either;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.commitmenttracker.Fixtures;
import org.commitmenttracker.common.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The dashboard at / in a real (headless) browser, on the demo round plus a few reports posted here: its figures
 * equal the API's, the quarter, verifiedOnly and language switches change them, a table downloads as the API's CSV,
 * the overdue list is the API's, it fits a phone, every control is labelled, the console stays clean, and every
 * request it makes is a documented /api/v1 operation. One browser session serves the whole class; screenshots of
 * each page land in target/dashboard-screenshots/.
 */
@QuarkusTest
class DashboardBrowserTest {

    private static final String API = "/api/v1";
    private static final String ROUND_TITLE = "市人大常委会2021年评议工作第一批次";
    private static final String ZJJ = "市住房城乡建设局";
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots").toAbsolutePath();
    private static final Path DOWNLOADS = Path.of("target", "dashboard-downloads").toAbsolutePath();
    private static final String[] STATUSES = { "MET", "ON_TRACK", "BEHIND", "NO_DATA", "NOT_DUE", "MISSED" };
    private static final Map<String, String> ZH_WORDS = Map.of("MET", "已达成", "ON_TRACK", "进度正常", "BEHIND", "进度滞后",
            "NO_DATA", "未报数据", "NOT_DUE", "未到期", "MISSED", "逾期未完成");
    private static final Map<String, String> EN_WORDS = Map.of("MET", "Met", "ON_TRACK", "On track", "BEHIND", "Behind",
            "NO_DATA", "No data", "NOT_DUE", "Not due", "MISSED", "Missed");
    private static final JsonMapper JSON = new JsonMapper();

    private static ChromeDriver driver;
    private static boolean reported;
    private static String roundId;
    private static String zjjId;
    private static String shantyId;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() {
        driver = Browser.startOrSkip(DOWNLOADS);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** The demo round as the seed loads it, plus reports on two of its targets, one of them verified. */
    @BeforeEach
    void reportProgressOnce() {
        if (reported) {
            return;
        }
        roundId = Api.list(API + "/rounds", "q", ROUND_TITLE).getString("items[0].id");
        zjjId = Api.list(API + "/departments", "code", "zjj").getString("items[0].id");
        shantyId = Api.list(API + "/targets", "q", "棚户区改造开工", "roundId", roundId).getString("items[0].id");
        var canteens = Api.list(API + "/targets", "q", "长者食堂", "measure", "NUMBER", "roundId", roundId)
                .getString("items[0].id");
        var june = write("POST", API + "/progress-reports",
                Map.of("targetId", shantyId, "asOf", "2021-06-28", "value", 4500, "note", "二季度开工4500套"));
        write("POST", API + "/progress-reports/" + june + "/review", Map.of("decision", "VERIFIED"));
        write("POST", API + "/progress-reports",
                Map.of("targetId", shantyId, "asOf", "2021-09-20", "value", 7000, "note", "三季度开工7000套"));
        write("POST", API + "/progress-reports",
                Map.of("targetId", canteens, "asOf", "2021-09-25", "value", 120, "note", "全市长者食堂累计120处"));
        reported = true;
    }

    /** The page wrote no error to the console, and every request it sent is an operation of openapi.yaml. */
    @AfterEach
    void checkConsoleAndRequests() throws IOException {
        if (driver == null) {
            return;
        }
        assertEquals(List.of(), Browser.consoleErrors(driver), "errors in the browser console");
        var operations = documentedOperations();
        var requests = apiRequests();
        assertFalse(requests.isEmpty(), "the page called the API");
        for (var request : requests) {
            assertTrue(operations.stream().anyMatch(op -> op.matches(request)),
                    () -> request + " is not an operation documented in /q/openapi");
        }
    }

    @Test
    void shouldShowTheApisFiguresForADepartmentAndFollowTheQuarterAndVerifiedOnlySwitches() throws IOException {
        open("/overview?round=" + roundId + "&quarter=2021-Q2");
        waitReady("quarter=2021-Q2", "|zh");
        var q2 = assertDepartmentRowMatchesApi("2021-Q2", false);
        assertEquals(percentOf(Api.read(API + "/rounds/" + roundId + "/progress?quarter=2021-Q2")
                .getString("[0].completionRatio")), cards().get(0));

        act(() -> new Select(driver.findElement(By.id("f-quarter"))).selectByValue("2021-Q3"));
        waitReady("quarter=2021-Q3", "|zh");
        var q3 = assertDepartmentRowMatchesApi("2021-Q3", false);
        assertNotEquals(q2.get(1), q3.get(1), "completion of " + ZJJ + " moved from Q2 to Q3");
        screenshot("overview", 1280);

        act(() -> driver.findElement(By.id("f-verified")).click());
        waitReady("quarter=2021-Q3", "verifiedOnly=true", "|zh");
        var verified = assertDepartmentRowMatchesApi("2021-Q3", true);
        assertEquals("f-verified", driver.switchTo().activeElement().getAttribute("id"),
                "focus stays on the switch just used, though the filters are drawn anew");
        assertNotEquals(q3.get(1), verified.get(1), "only the June report is verified, so completion falls");
        act(() -> driver.findElement(By.id("f-verified")).click());
        waitReady("quarter=2021-Q3", "|zh");
    }

    @Test
    void shouldShowADepartmentWithItsResponsibilityChainAndTargetStatusInEitherLanguage() throws IOException {
        open("/department/" + zjjId + "?round=" + roundId + "&quarter=2021-Q3");
        waitReady("department/" + zjjId, "|zh");
        assertEquals("zh-CN", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals(ZJJ, driver.findElement(By.id("department-name")).getText().replace("zjj", "").trim());
        var series = Api.read(API + "/departments/" + zjjId + "/progress?roundId=" + roundId + "&quarter=2021-Q3");
        assertEquals(percentOf(series.getString("[0].completionRatio")), cards().get(0));

        var commitments = Api.list(API + "/commitments", "departmentId", zjjId, "roundId", roundId, "size", 200);
        var chains = driver.findElements(By.cssSelector(".commitment .chain")).stream().map(WebElement::getText)
                .toList();
        assertTrue(chains.get(0).contains(commitments.getString("items.find { it.seq == 1 }.responsibility.cityLeader")),
                () -> "the city leader heads the chain: " + chains.get(0));

        var status = Api.read(API + "/targets/" + shantyId + "/progress?quarter=2021-Q3").getString("[0].status");
        assertEquals("2021-Q3 状态：" + ZH_WORDS.get(status), targetStatus(shantyId).split(" ?[（(]")[0]);
        screenshot("department", 1280);

        act(() -> driver.findElement(By.id("lang")).click());
        waitReady("department/" + zjjId, "|en");
        assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Status at 2021-Q3: " + EN_WORDS.get(status), targetStatus(shantyId).split(" ?[（(]")[0]);
        assertEquals("Commitments", driver.findElements(By.cssSelector("main h2")).get(1).getText());
        assertEquals(percentOf(series.getString("[0].completionRatio")), cards().get(0), "figures stay in English");

        act(() -> driver.findElement(By.id("lang")).click());
        waitReady("department/" + zjjId, "|zh");
        assertEquals("整改承诺", driver.findElements(By.cssSelector("main h2")).get(1).getText());
    }

    @Test
    void shouldDownloadATableAsTheApisOwnCsv() throws IOException, InterruptedException {
        open("/overview?round=" + roundId + "&quarter=2021-Q3");
        waitReady("quarter=2021-Q3", "|zh");
        var file = DOWNLOADS.resolve("progress-departments-2021-Q3.csv");
        Files.deleteIfExists(file);

        driver.findElement(By.cssSelector("#departments-table button.csv")).click();

        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Files.exists(file));
        var expected = given().accept("text/csv")
                .queryParams(Map.of("groupBy", "department", "roundId", roundId, "quarter", "2021-Q3"))
                .when().get(API + "/progress")
                .then().statusCode(200).extract().asString();
        assertTrue(expected.contains(ZJJ), expected);
        assertEquals(expected, Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void shouldListWhatIsOverdueAsTheApiDoes() throws IOException {
        open("/overdue?round=" + roundId + "&asOf=2021-09-01");
        waitReady("asOf=2021-09-01", "|zh");

        var api = Api.list(API + "/milestones", "overdue", true, "asOf", "2021-09-01", "roundId", roundId,
                "sort", "daysOverdue,desc", "size", 200);
        var expected = new ArrayList<String>();
        for (var item : api.getList("items", Map.class)) {
            expected.add(item.get("description") + " | " + item.get("daysOverdue") + " | " + item.get("departmentName"));
        }
        var shown = new ArrayList<String>();
        for (var row : driver.findElements(By.cssSelector("#overdue-table tbody tr"))) {
            var cells = row.findElements(By.cssSelector("td"));
            shown.add(row.findElement(By.cssSelector("th")).getText() + " | " + cells.get(0).getText().replace(",", "")
                    + " | " + cells.get(2).getText());
        }
        assertTrue(api.getInt("total") > 10 && api.getInt("total") <= 200, "a page of overdue milestones: " + api.getInt("total"));
        assertEquals(api.getInt("total"), shown.size());
        assertEquals(new TreeSet<>(expected), new TreeSet<>(shown));
        assertEquals(expected.get(0).split(" \\| ")[1], shown.get(0).split(" \\| ")[1], "longest overdue first");
        screenshot("overdue", 1280);
    }

    @Test
    void shouldFitAPhoneAndLabelEveryControl() throws IOException {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            open("/overview?round=" + roundId + "&quarter=2021-Q3");
            act(() -> driver.navigate().refresh());
            waitReady("quarter=2021-Q3", "|zh");
            assertTrue(script("return document.documentElement.scrollWidth <= window.innerWidth"),
                    "no sideways scrolling of the page at 390 px (wide tables scroll inside their own box)");
            screenshot("overview-phone", 390);
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1000));
        }
        var unlabelled = (List<?>) driver.executeScript("return [...document.querySelectorAll('select, input, button')]"
                + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())"
                + ".map(e => e.outerHTML)");
        assertEquals(List.of(), unlabelled, "every control has a label");

        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        var focused = driver.switchTo().activeElement();
        assertEquals("skip", focused.getAttribute("class"), "the first Tab reaches the skip link");
        assertNotEquals("none", focused.getCssValue("outline-style"), "focus is visible");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** Every write of this test goes through here, so that credentials or If-Match are a one-line change. */
    private static String write(String method, String path, Map<String, ?> body) {
        var response = Fixtures.writer(method, path, body).contentType(ContentType.JSON).body(body)
                .when().request(method, path)
                .then().statusCode(either(is(200)).or(is(201)))
                .extract();
        return response.path("id");
    }

    /** Opens a route; the ready mark is cleared first, so that waitReady sees the new rendering, not the last one. */
    private void open(String route) {
        var url = base.toString().replaceAll("/$", "") + "/#" + route;
        if (!url.equals(driver.getCurrentUrl())) {
            clearReady();
        }
        driver.get(url);
    }

    /** Does what a user does (choose, click) after clearing the ready mark, so waitReady waits for its effect. */
    private static void act(Runnable action) {
        clearReady();
        action.run();
    }

    private static void clearReady() {
        driver.executeScript("document.getElementById('main')?.removeAttribute('data-ready')");
    }

    /** Waits until the page has rendered a route whose address (and language) holds all these fragments. */
    private static void waitReady(String... fragments) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            var ready = d.findElement(By.id("main")).getAttribute("data-ready");
            if (ready == null) {
                return false;
            }
            for (var fragment : fragments) {
                if (!ready.contains(fragment)) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The cells of the department's row in the overview table, checked against GET /progress at that quarter. */
    private List<String> assertDepartmentRowMatchesApi(String quarter, boolean verifiedOnly) {
        var rows = Api.list(API + "/progress", "groupBy", "department", "roundId", roundId, "quarter", quarter,
                "verifiedOnly", verifiedOnly);
        Map<String, Object> api = rows.getMap("find { it.name == '" + ZJJ + "' }");
        var cells = departmentRow(ZJJ);
        var expected = new ArrayList<String>();
        expected.add(ZJJ);
        expected.add(percentOf(api.get("completionRatio")));
        expected.add(percentOf(api.get("onTimeRatio")));
        expected.add(api.get("targets").toString());
        expected.add(api.get("milestonesDue").toString());
        expected.add(api.get("milestonesDone").toString());
        @SuppressWarnings("unchecked")
        var counts = (Map<String, Object>) api.get("statusCounts");
        for (var status : STATUSES) {
            expected.add(counts.get(status).toString());
        }
        assertEquals(expected, cells, "row of " + ZJJ + " at " + quarter + " (verifiedOnly=" + verifiedOnly + ")");
        return cells;
    }

    private static List<String> departmentRow(String name) {
        for (var row : driver.findElements(By.cssSelector("#departments-table tbody tr"))) {
            if (row.findElement(By.cssSelector("th")).getText().equals(name)) {
                var cells = new ArrayList<String>();
                cells.add(name);
                row.findElements(By.cssSelector("td")).forEach(td -> cells.add(td.getText()));
                return cells;
            }
        }
        throw new AssertionError(name + " is not in the table");
    }

    private static List<String> cards() {
        return driver.findElements(By.cssSelector(".cards dd")).stream().map(WebElement::getText).toList();
    }

    private static String targetStatus(String targetId) {
        return driver.findElement(By.cssSelector("[data-target='" + targetId + "'] .target-status")).getText();
    }

    /** A ratio as the page shows it: a percentage with one decimal, rounded half up from the exact API value. */
    private static String percentOf(Object ratio) {
        if (ratio == null) {
            return "—";
        }
        return new BigDecimal(ratio.toString()).movePointRight(2).setScale(1, RoundingMode.HALF_UP) + "%";
    }

    private static boolean script(String js) {
        return Boolean.TRUE.equals(driver.executeScript(js));
    }

    /** A screenshot of the whole page at this width, under target/dashboard-screenshots/. */
    private static void screenshot(String name, int width) throws IOException {
        var original = driver.manage().window().getSize();
        long height = (Long) driver.executeScript("return Math.ceil(document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(width, (int) Math.min(height + 120, 4000)));
        try {
            Files.createDirectories(SCREENSHOTS);
            var png = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.manage().window().setSize(original);
        }
    }

    /** A request the page sent to the API: its method, path and the names of its query parameters. */
    private record ApiRequest(String method, String path, List<String> query) {
    }

    private static List<ApiRequest> apiRequests() throws IOException {
        var requests = new ArrayList<ApiRequest>();
        for (var event : Browser.performanceEvents(driver)) {
            var message = JSON.readTree(event).path("message");
            if (!"Network.requestWillBeSent".equals(message.path("method").asText())) {
                continue;
            }
            var request = message.path("params").path("request");
            var url = URI.create(request.path("url").asText());
            if (url.getPath() == null || !url.getPath().startsWith(API + "/")) {
                continue;
            }
            var names = new ArrayList<String>();
            if (url.getRawQuery() != null) {
                for (var pair : url.getRawQuery().split("&")) {
                    names.add(pair.split("=")[0]);
                }
            }
            requests.add(new ApiRequest(request.path("method").asText(), url.getPath(), names));
        }
        return requests;
    }

    /** An operation of the live contract: its method, its path as a pattern, and the query parameters it takes. */
    private record Operation(String method, Pattern path, List<String> query) {
        boolean matches(ApiRequest request) {
            return method.equalsIgnoreCase(request.method()) && path.matcher(request.path()).matches()
                    && query.containsAll(request.query());
        }
    }

    private static List<Operation> documentedOperations() throws IOException {
        JsonNode contract = JSON.readTree(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
        var operations = new ArrayList<Operation>();
        contract.path("paths").fields().forEachRemaining(path -> {
            var pattern = Pattern.compile(Pattern.quote(path.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
            path.getValue().fields().forEachRemaining(op -> {
                if (!op.getValue().isObject() || !op.getValue().has("responses")) {
                    return;
                }
                var names = new ArrayList<String>();
                for (var parameters : List.of(path.getValue().path("parameters"), op.getValue().path("parameters"))) {
                    parameters.forEach(p -> {
                        if ("query".equals(p.path("in").asText())) {
                            names.add(p.path("name").asText());
                        }
                    });
                }
                operations.add(new Operation(op.getKey(), pattern, names));
            });
        });
        return operations;
    }
}
