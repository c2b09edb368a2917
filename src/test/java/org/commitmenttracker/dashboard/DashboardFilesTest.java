package org.commitmenttracker.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The dashboard's files as the service serves them, browser or not: the page at /, and every module it imports,
 * ECharts included, from the service itself (no CDN, so it works on a closed network) with a JavaScript type
 * (browsers refuse modules without one).
 */
@QuarkusTest
class DashboardFilesTest {

    private static final Pattern IMPORT = Pattern.compile("(?:import|from)\\s+['\"]([^'\"]+)['\"]");

    @Test
    void shouldServeTheDashboardAtTheRoot() {
        given().when().get("/")
                .then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("<html lang=\"zh-CN\">"))
                .body(containsString("<script type=\"module\" src=\"/dashboard/app.js\"></script>"));
    }

    @Test
    void shouldServeEveryModuleThePageImportsFromTheServiceItself() {
        var seen = new HashSet<String>();
        var queue = new ArrayDeque<String>();
        queue.add("/dashboard/app.js");
        while (!queue.isEmpty()) {
            var path = queue.poll();
            if (!seen.add(path)) {
                continue;
            }
            var body = given().when().get(path)
                    .then().statusCode(200).contentType(startsWith("text/javascript"))
                    .extract().asString();
            if (path.startsWith("/_static/")) {
                continue;
            }
            var imports = IMPORT.matcher(body);
            while (imports.find()) {
                var target = imports.group(1);
                assertFalse(target.contains("://"), () -> path + " imports " + target + " from another host");
                queue.add(target.startsWith("/") ? target : path.substring(0, path.lastIndexOf('/') + 1)
                        + target.replaceFirst("^\\./", ""));
            }
        }
        assertTrue(seen.contains("/_static/echarts/dist/echarts.esm.min.js"), () -> "ECharts from the jar: " + seen);
        given().when().get("/dashboard/style.css").then().statusCode(200).contentType(startsWith("text/css"));
    }
}
