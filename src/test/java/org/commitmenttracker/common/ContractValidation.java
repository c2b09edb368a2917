package org.commitmenttracker.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Holds every exchange the tests make through rest-assured to openapi.yaml, so that a drift between what the service
 * does and what the contract says fails the build. Registered once for all {@code @QuarkusTest} classes (a Quarkus
 * test callback, see META-INF/services), so tests written later are checked too.
 * <p>
 * For each request to a documented path under /api: the status must be documented for the operation, the content type
 * must be one the response declares, required headers (ETag, Location, WWW-Authenticate) must be present, and a JSON
 * body must validate against its schema (JSON Schema 2020-12 as OpenAPI 3.1 uses it: types, nullability, required
 * fields, formats, lengths and bounds). A request the service accepted (2xx) must itself be valid by the contract: its
 * query parameters declared, its body of a declared media type and valid against the request schema. Unknown paths and
 * methods may only be answered 404 or 405; CORS preflights belong to the HTTP layer, not to the contract.
 */
public final class ContractValidation implements Filter, QuarkusTestBeforeEachCallback {

    private static final Path CONTRACT = Path.of("openapi.yaml");
    private static final String BASE = "https://commitment-tracker.invalid/openapi.json";
    private static final String CHECKS = "x-contract-validation";
    private static final Pattern TEMPLATE = Pattern.compile("\\{[^/}]+}");
    /** Reads bodies as the validator needs them (Jackson 3), decimals exactly: 999999999999999.999999 is not 1E15. */
    private static final tools.jackson.databind.ObjectMapper BODIES = tools.jackson.databind.json.JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private static volatile Contract contract;

    /** Adds this filter to rest-assured's global filters, unless a test reset them. */
    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(ContractValidation.class::isInstance)) {
            RestAssured.filters(new ContractValidation());
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        var response = context.next(request, responseSpec);
        var problems = contract().check(request, response);
        if (!problems.isEmpty()) {
            throw new AssertionError("The exchange " + request.getMethod() + " " + request.getURI() + " → "
                    + response.getStatusCode() + " breaks openapi.yaml:\n  " + String.join("\n  ", problems)
                    + "\nFix the code or the contract (annotations, common/OpenApiContract), then refresh openapi.yaml.");
        }
        return response;
    }

    private static Contract contract() {
        if (contract == null) {
            synchronized (ContractValidation.class) {
                if (contract == null) {
                    contract = new Contract(CONTRACT);
                }
            }
        }
        return contract;
    }

    /** openapi.yaml, with each body schema to check placed under a key of its own so that validators can find it. */
    static final class Contract {

        private final JsonNode document;
        private final Map<String, String> schemaKeys = new LinkedHashMap<>();
        private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
        private final List<PathTemplate> paths = new ArrayList<>();
        private final SchemaRegistry registry;

        Contract(Path file) {
            try {
                document = new YAMLMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the contract " + file.toAbsolutePath(), e);
            }
            var checks = ((ObjectNode) document).putObject(CHECKS);
            document.path("paths").fields().forEachRemaining(path -> {
                paths.add(new PathTemplate(path.getKey()));
                path.getValue().fields().forEachRemaining(op -> {
                    var where = op.getKey() + " " + path.getKey();
                    op.getValue().path("requestBody").path("content").fields().forEachRemaining(media -> key(checks,
                            where + " request " + media.getKey(), media.getValue().path("schema")));
                    op.getValue().path("responses").fields().forEachRemaining(status -> status.getValue()
                            .path("content").fields().forEachRemaining(media -> key(checks,
                                    where + " " + status.getKey() + " " + media.getKey(),
                                    media.getValue().path("schema"))));
                });
            });
            // literal segments win over templates, as in JAX-RS
            paths.sort((a, b) -> Long.compare(a.templates(), b.templates()));
            var text = document.toString();
            registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder
                    .schemas(Map.of(BASE, text))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        }

        private void key(ObjectNode checks, String name, JsonNode schema) {
            if (!schema.isMissingNode()) {
                var key = "s" + schemaKeys.size();
                schemaKeys.put(name, key);
                checks.set(key, schema);
            }
        }

        List<String> check(FilterableRequestSpecification request, Response response) {
            var problems = new ArrayList<String>();
            var uri = URI.create(request.getURI());
            var method = request.getMethod().toLowerCase(Locale.ROOT);
            if (!uri.getRawPath().startsWith("/api/") || method.equals("options")) {
                return problems;
            }
            var template = paths.stream().filter(p -> p.matches(uri.getRawPath())).findFirst().orElse(null);
            var operation = template == null ? null : document.path("paths").path(template.path()).get(method);
            int status = response.getStatusCode();
            if (operation == null) {
                if (status != 404 && status != 405) {
                    problems.add("no operation " + method.toUpperCase(Locale.ROOT) + " " + uri.getRawPath()
                            + " in the contract, yet the service answered " + status);
                }
                return problems;
            }
            var where = method + " " + template.path();
            var documented = operation.path("responses").path(String.valueOf(status));
            if (documented.isMissingNode()) {
                problems.add("status " + status + " is not documented (documented: "
                        + iterable(operation.path("responses").fieldNames()) + ")");
                return problems;
            }
            checkHeaders(documented, response, problems);
            checkBody(where + " " + status, documented, response, problems);
            if (status >= 200 && status < 300) {
                checkRequest(where, operation, uri, request, problems);
            }
            return problems;
        }

        private static void checkHeaders(JsonNode documented, Response response, List<String> problems) {
            documented.path("headers").fields().forEachRemaining(header -> {
                if (header.getValue().path("required").asBoolean(false) && !response.getHeaders().hasHeaderWithName(header.getKey())) {
                    problems.add("required header " + header.getKey() + " is missing");
                }
            });
        }

        private void checkBody(String where, JsonNode documented, Response response, List<String> problems) {
            var body = response.asString();
            var contentType = response.getContentType();
            if ((contentType == null || contentType.isBlank()) && body.isEmpty()) {
                if (documented.has("content")) {
                    problems.add("no body, but the contract declares " + iterable(documented.path("content").fieldNames()));
                }
                return;
            }
            var media = mediaType(contentType);
            if (!documented.path("content").has(media)) {
                problems.add("content type " + contentType + " is not declared (declared: "
                        + iterable(documented.path("content").fieldNames()) + ")");
                return;
            }
            if (media.endsWith("json")) {
                validate(where + " " + media, body, "response body", problems);
            }
        }

        private void checkRequest(String where, JsonNode operation, URI uri, FilterableRequestSpecification request,
                List<String> problems) {
            var declared = new ArrayList<String>();
            operation.path("parameters").forEach(p -> {
                if (p.path("in").asText().equals("query")) {
                    declared.add(p.path("name").asText());
                }
            });
            for (var name : queryNames(uri)) {
                if (!declared.contains(name)) {
                    problems.add("the request's query parameter " + name + " is not declared (declared: " + declared + ")");
                }
            }
            Object body = request.getBody();
            if (body == null) {
                return;
            }
            var media = mediaType(request.getContentType());
            var content = operation.path("requestBody").path("content");
            if (!content.has(media)) {
                problems.add("the request's content type " + request.getContentType() + " is not declared (declared: "
                        + iterable(content.fieldNames()) + ")");
            } else if (media.endsWith("json")) {
                validate(where + " request " + media, body instanceof byte[] bytes
                        ? new String(bytes, StandardCharsets.UTF_8) : body.toString(), "request body", problems);
            }
        }

        private void validate(String name, String json, String what, List<String> problems) {
            var key = schemaKeys.get(name);
            if (key == null) {
                return;
            }
            tools.jackson.databind.JsonNode instance;
            try {
                instance = BODIES.readTree(json);
            } catch (RuntimeException e) {
                problems.add(what + " is not JSON: " + e.getMessage());
                return;
            }
            var schema = schemas.computeIfAbsent(key, k -> registry.getSchema(SchemaLocation.of(BASE + "#/" + CHECKS + "/" + k)));
            for (var error : schema.validate(instance)) {
                problems.add(what + " " + error.getInstanceLocation() + ": " + error.getMessage());
            }
        }

        private static List<String> queryNames(URI uri) {
            var names = new ArrayList<String>();
            if (uri.getRawQuery() != null) {
                for (var pair : uri.getRawQuery().split("&")) {
                    var name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
                    if (!name.isEmpty() && !names.contains(name)) {
                        names.add(name);
                    }
                }
            }
            return names;
        }

        private static String mediaType(String contentType) {
            return contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        }

        private static List<String> iterable(Iterator<String> names) {
            var list = new ArrayList<String>();
            names.forEachRemaining(list::add);
            return list;
        }
    }

    /** A path of the contract, such as /api/v1/targets/{id}/progress, matched against request paths. */
    private record PathTemplate(String path, Pattern pattern, long templates) {

        PathTemplate(String path) {
            this(path, Pattern.compile(String.join("[^/]+",
                    Arrays.stream(TEMPLATE.split(path, -1)).map(Pattern::quote).toList())),
                    TEMPLATE.matcher(path).results().count());
        }

        boolean matches(String rawPath) {
            return pattern.matcher(rawPath).matches();
        }
    }
}
