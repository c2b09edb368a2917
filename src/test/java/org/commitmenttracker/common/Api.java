package org.commitmenttracker.common;

import static io.restassured.RestAssured.given;

import java.util.List;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/** Reads through the API in tests: one resource, one page of a list, or the ids on it. */
public final class Api {

    /** Reads JSON numbers as BigDecimal, so that 147.7829 is compared exactly rather than as a float. */
    public static final RestAssuredConfig DECIMALS = RestAssured.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private static final JsonPathConfig EXACT = JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    private Api() {
    }

    /** The resource at {@code path}, which must answer 200; numbers as BigDecimal. */
    public static JsonPath read(String path) {
        return given().config(DECIMALS).when().get(path).then().statusCode(200).extract().jsonPath(EXACT);
    }

    /** The page {@code path} lists with these query parameters (name, value, name, value, ...); numbers as BigDecimal. */
    public static JsonPath list(String path, Object... parameters) {
        var spec = given().config(DECIMALS);
        for (int i = 0; i < parameters.length; i += 2) {
            spec.queryParam((String) parameters[i], parameters[i + 1]);
        }
        return spec.when().get(path).then().statusCode(200).extract().jsonPath(EXACT);
    }

    /** The current ETag of the resource at {@code path} ("3"), for the If-Match a change must carry. */
    public static String etag(String path) {
        return given().when().get(path).then().statusCode(200).extract().header("ETag");
    }

    /** The ids on the page {@code path} lists with these query parameters. */
    public static List<String> ids(String path, Object... parameters) {
        return list(path, parameters).getList("items.id");
    }
}
