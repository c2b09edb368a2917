package org.commitmenttracker.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.commitmenttracker.Fixtures;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * ContractValidation notices a drift: each case changes one thing in a copy of openapi.yaml and checks that a real
 * exchange with the service is then reported as breaking it (while the committed contract, checked on every test by
 * the global filter, holds).
 */
@QuarkusTest
class ContractValidationTest {

    /** The problems that a contract changed by {@code change} finds in the exchanges {@code exchanges} makes. */
    private static List<String> problemsWith(Consumer<ObjectNode> change, Consumer<Filter> exchanges) throws Exception {
        var document = (ObjectNode) new YAMLMapper().readTree(Path.of("openapi.yaml").toFile());
        change.accept(document);
        var file = Files.createTempFile("openapi-", ".yaml");
        try {
            new YAMLMapper().writeValue(file.toFile(), document);
            var changed = new ContractValidation.Contract(file);
            var problems = new ArrayList<String>();
            exchanges.accept((request, response, context) -> {
                var answer = context.next(request, response);
                problems.addAll(changed.check(request, answer));
                return answer;
            });
            return problems;
        } finally {
            Files.delete(file);
        }
    }

    private static ObjectNode at(ObjectNode document, String pointer) {
        return (ObjectNode) document.at(pointer);
    }

    @Test
    void shouldCheckEveryTestsExchanges() {
        assertThat(RestAssured.filters(), hasItem(instanceOf(ContractValidation.class)));
    }

    @Test
    void shouldFindNoProblemWithTheCommittedContract() throws Exception {
        var id = Fixtures.department();
        var problems = problemsWith(document -> {
        }, filter -> given().filter(filter).when().get("/api/v1/departments/" + id).then().statusCode(200));
        assertThat(problems, empty());
    }

    @Test
    void shouldReportANullWhereTheContractAllowsNone() throws Exception {
        var target = Fixtures.target(Fixtures.commitment(), Map.of());
        var problems = problemsWith(
                document -> at(document, "/components/schemas/Target/properties/baseline").put("type", "number"),
                filter -> given().filter(filter).when().get("/api/v1/targets/" + target).then().statusCode(200));
        assertThat(problems.toString(), containsString("baseline"));
    }

    @Test
    void shouldReportAnUndocumentedStatus() throws Exception {
        var problems = problemsWith(
                document -> at(document, "/paths/~1api~1v1~1departments~1{id}/get/responses").remove("404"),
                filter -> given().filter(filter).when().get("/api/v1/departments/" + UUID.randomUUID())
                        .then().statusCode(404));
        assertThat(problems, hasItem(containsString("status 404 is not documented")));
    }

    @Test
    void shouldReportAMissingRequiredHeader() throws Exception {
        var id = Fixtures.department();
        var problems = problemsWith(
                document -> at(document, "/paths/~1api~1v1~1departments~1{id}/get/responses/200/headers")
                        .putObject("X-Signature").put("required", true),
                filter -> given().filter(filter).when().get("/api/v1/departments/" + id).then().statusCode(200));
        assertThat(problems, hasItem(containsString("required header X-Signature is missing")));
    }

    @Test
    void shouldReportAnAcceptedRequestTheContractCallsInvalid() throws Exception {
        var problems = problemsWith(
                document -> at(document, "/components/schemas/DepartmentRequest/properties/name").put("maxLength", 2),
                filter -> Tokens.with(Tokens.admin()).filter(filter).contentType("application/json")
                        .body(Map.of("code", "v" + UUID.randomUUID().toString().substring(0, 8), "name", "验证测试局"))
                        .when().post("/api/v1/departments").then().statusCode(201));
        assertThat(problems, hasItem(containsString("request body")));
    }
}
