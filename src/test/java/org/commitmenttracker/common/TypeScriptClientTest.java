package org.commitmenttracker.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The TypeScript client of clients/typescript (types generated from openapi.yaml, openapi-fetch calls) type-checks with
 * tsc --strict and runs its example against the service under test. It needs that folder's npm packages, which .ci/run
 * installs; without them the test is skipped, and says so.
 */
@QuarkusTest
class TypeScriptClientTest {

    private static final Path CLIENT = Path.of("clients", "typescript");

    @TestHTTPResource("/")
    URI root;

    @Test
    void shouldRunTheTypeScriptExampleAgainstTheService() throws IOException, InterruptedException {
        var installed = Files.isDirectory(CLIENT.resolve("node_modules"));
        if (!installed) {
            System.out.println("TypeScriptClientTest skipped: no " + CLIENT.resolve("node_modules")
                    + "; run `npm ci` there (as .ci/run does) to check the TypeScript client");
        }
        Assumptions.assumeTrue(installed, "clients/typescript has no node_modules: run npm ci there (as .ci/run does)");

        var builder = new ProcessBuilder("npm", "run", "--silent", "example").directory(CLIENT.toFile())
                .redirectErrorStream(true);
        builder.environment().put("API_BASE", root.toString().replaceFirst("/$", ""));
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the example did not finish:\n" + output);

        assertEquals(0, process.exitValue(), "generate, tsc --strict or the example failed:\n" + output);
        assertTrue(output.contains("departments: "), output);
        assertTrue(output.contains("csv header: id,code,name"), output);
        assertTrue(output.contains("problem: 400") || output.contains("problem: 401"), output);
    }
}
