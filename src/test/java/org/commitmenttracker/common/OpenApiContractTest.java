package org.commitmenttracker.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.test.junit.QuarkusTest;

/** openapi.yaml at the project root is the contract: it must be exactly what the service serves. */
@QuarkusTest
class OpenApiContractTest {

    private static final Path CONTRACT = Path.of("openapi.yaml");
    private static final String REFRESH = "./mvnw test -Dtest=OpenApiContractTest -Dopenapi.refresh=true";

    private static String served() {
        return given().queryParam("format", "yaml").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
    }

    @Test
    void shouldServeExactlyTheCommittedContract() throws Exception {
        var served = served();
        if (Boolean.getBoolean("openapi.refresh")) {
            Files.writeString(CONTRACT, served, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(CONTRACT), "openapi.yaml is missing; create it with: " + REFRESH);
        assertEquals(Files.readString(CONTRACT, StandardCharsets.UTF_8), served,
                "openapi.yaml differs from what the service serves at /q/openapi; refresh it with: " + REFRESH);
    }

    @Test
    void shouldDescribeEveryOperationCompletely() throws Exception {
        JsonNode document = new YAMLMapper().readTree(served());
        assertEquals("3.1.0", document.get("openapi").asText());
        var problems = new ArrayList<String>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            var operation = op.getValue();
            var where = op.getKey().toUpperCase() + " " + path.getKey();
            for (var field : new String[] { "operationId", "summary", "tags", "responses" }) {
                if (!operation.hasNonNull(field)) {
                    problems.add(where + " lacks " + field);
                }
            }
            if (path.getKey().startsWith("/api/")) {
                for (var status : new String[] { "400", "500" }) {
                    var response = operation.path("responses").path(status);
                    if (!response.path("content").has("application/problem+json")) {
                        problems.add(where + " lacks a problem+json " + status);
                    }
                }
            }
        }));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(document.at("/info/description").asText().contains("How completion is computed"));
    }

    @Test
    void shouldServeSwaggerUi() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
