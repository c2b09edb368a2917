package org.commitmenttracker.auth;

import static org.commitmenttracker.common.Tokens.with;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.commitmenttracker.Fixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The README's token command (java tools/Token.java ROLES [DEPARTMENT] [SUBJECT]) prints tokens the service accepts. */
@QuarkusTest
class TokenCommandTest {

    private static String token(String... args) throws Exception {
        var command = new java.util.ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("tools/Token.java");
        command.addAll(java.util.List.of(args));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    @Test
    void shouldPrintTokensThatWriteAsTheirRoleAndDepartment() throws Exception {
        with(token("admin")).contentType("application/json")
                .body(Map.of("title", "命令令牌 " + Fixtures.token(), "year", 2021, "issuer", "淄博市人大常委会",
                        "publishedOn", "2021-04-01"))
                .when().post("/api/v1/rounds").then().statusCode(201);

        var code = Fixtures.token();
        var target = Fixtures.target(Fixtures.commitment(Fixtures.round(), Fixtures.department(code, "命令测试局 " + code)),
                Map.of());
        with(token("reporter", code, "liu.yang")).contentType("application/json")
                .body(Map.of("targetId", target, "asOf", "2021-06-28", "value", 4500))
                .when().post("/api/v1/progress-reports").then().statusCode(201).body("reportedBy", equalTo("liu.yang"));
        with(token("reporter", "elsewhere")).contentType("application/json")
                .body(Map.of("targetId", target, "asOf", "2021-06-28", "value", 4500))
                .when().post("/api/v1/progress-reports").then().statusCode(403);
    }
}
