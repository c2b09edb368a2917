package org.commitmenttracker.common.http;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.commitmenttracker.progress.ProgressStatus;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the OpenAPI document with what every operation shares, so it is said once: the problem responses each
 * kind of operation can give, the ETag/Location/CORS headers, who may call it (bearer JWT on writes), the merge-patch
 * request bodies, the CSV alternative of lists, the common headers' meaning, and the domain rules in the description.
 * It also states what the annotations cannot: which fields every response carries, that optional request fields
 * accept null, and plain string formats (uuid, date, date-time) in place of references to Java type names.
 */
public class OpenApiContract implements OASFilter {

    private static final String SCHEMAS = "#/components/schemas/";
    private static final String PROBLEM_REF = SCHEMAS + "Problem";
    private static final String BEARER = "bearerAuth";
    private static final String CORS_HEADER = "Access-Control-Allow-Origin";
    /** Java types SmallRye names as schemas, which are plain strings on the wire, with their longest form. */
    private static final Map<String, Consumer<Schema>> SCALARS = Map.of(
            "UUID", schema -> schema.addType(Schema.SchemaType.STRING).format("uuid").maxLength(36),
            "LocalDate", schema -> schema.addType(Schema.SchemaType.STRING).format("date").maxLength(10),
            "Instant", schema -> schema.addType(Schema.SchemaType.STRING).format("date-time").maxLength(35));

    private static final String DESCRIPTION = """
            Tracks the rectification commitments (整改承诺书) that city departments make to a municipal People's \
            Congress standing committee (人大常委会): rounds, departments, commitments (problems with goals, numbered \
            measures and a responsibility chain), quantitative targets, dated milestones and progress reports, and \
            computes completion per quarter.

            ## Conventions
            - Identifiers are UUIDs; dates are `YYYY-MM-DD`, from 1949-01-01 to 2100-12-31; quarters are `2021-Q3`; \
            decimals are exact JSON numbers.
            - Lists are paged (`page` from 0, `size` 1–200) as `{items, page, size, total}`; every list and progress \
            table is also available as CSV (UTF-8, header row) with `Accept: text/csv`.
            - Errors are `application/problem+json` (RFC 9457) with `violations` naming each invalid field.
            - Single resources carry an `ETag`; `PUT`, `PATCH` (JSON Merge Patch, `application/merge-patch+json`) \
            and `DELETE` honour `If-Match` (412 on mismatch). A `POST` with an `Idempotency-Key` is carried out once: \
            a repeat with the same body returns the first response.

            ## Who may call it
            - Reads (`GET`) are public. Every other operation under `/api/v1` needs a bearer JWT \
            (`Authorization: Bearer …`, see the `bearerAuth` scheme): 401 without a valid token, 403 when its role or \
            department does not allow the change.
            - Browsers may call the API from the origins allowed by `QUARKUS_HTTP_CORS_ORIGINS` (comma-separated); \
            the answer to such a request carries `Access-Control-Allow-Origin`.

            ## Limits
            Pages hold at most 200 items; every string, number and list of a request has the bounds its schema gives \
            (`maxLength`, `minimum`/`maximum`, `maxItems`), checked by the service with a 400 naming the field.

            ## How completion is computed
            B = baseline (0 when absent), T = targetValue, A(d) = the value of the counted report with the latest \
            `asOf` ≤ d (ties: the one recorded last); RETURNED reports never count, and with `verifiedOnly=true` only \
            VERIFIED ones; with `knownAt` only reports recorded by the end of that day (service zone, Asia/Shanghai). \
            A report's value is the level to date, never an increment.
            - completionRatio: INCREASE (A − B)/(T − B); DECREASE (B − A)/(B − T), or without a baseline 1 if A ≤ T \
            else T/A; T = B: 1 if met else 0. Not clamped (over-achievement > 1, regression < 0), not rounded.
            - planned P(d): the plannedValue of the target's milestone with the latest dueDate ≤ d; the target is the \
            final milestone (T at dueDate). planAttainment: (A − B)/(P − B), DECREASE (B − A)/(B − P) (without a \
            baseline 1 if A ≤ P else P/A); null when A or P is unknown or P = B.
            - status at d, first that applies: MET (ratio ≥ 1), MISSED (d ≥ dueDate), NOT_DUE (no P), NO_DATA \
            (no A), ON_TRACK (A meets P), BEHIND.
            - A target's series runs from the quarter of its startDate (or the round's publication date) to the \
            quarter of its dueDate; "at quarter Qn" means at its last day.
            - Milestones: one with a plannedValue is completed at x when A(x) meets it; a qualitative one when \
            completedOn ≤ x. Done on time = completed at its dueDate. Overdue at d = dueDate < d and not completed at d.
            - Roll-ups (commitment, department, round, grouped table) at quarter end d: completionRatio = weighted \
            mean of the targets' ratios clamped to [0, 1] (unknown = 0); statusCounts of all six statuses; \
            milestonesDue (dueDate ≤ d), milestonesDone (of those, done on time), onTimeRatio = done/due \
            (null when none are due).
            """;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getInfo().description(DESCRIPTION);
        openAPI.servers(List.of(OASFactory.createServer().url("/")
                .description("The service itself, where this document is served from: local runs on "
                        + "http://localhost:8080, production behind the city's HTTPS gateway")
                .addExtension("x-internal", false)));
        var components = openAPI.getComponents();
        // PATCH bodies are declared below as merge patches of the request schemas, not as Jackson's tree type.
        components.removeSchema("JsonNode");
        components.removeSchema("JsonNodeType");
        components.addSchema("Violation", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid field of a request")
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(1000)
                        .description("JSON path in the body, or the parameter name").examples(List.of("dueDate")))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .maxLength(100_000).examples(List.of("must not be before startDate")))
                .required(List.of("field", "message")));
        components.addSchema("Problem", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details (application/problem+json)")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .maxLength(200).examples(List.of("urn:commitment-tracker:problem:validation-failed")))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(200)
                        .examples(List.of("Invalid request")))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599))
                        .examples(List.of(400)))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .maxLength(100_000).examples(List.of("dueDate: must not be before startDate")))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .maxLength(10_000).examples(List.of("/api/v1/targets")))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .maxItems(10_000).description("For validation failures: each invalid field and why")
                        .items(OASFactory.createSchema().ref(SCHEMAS + "Violation")))
                .required(List.of("type", "title", "status")));
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT")
                .description("A signed JWT, handled as RFC8725 (JWT best current practices) advises: signature and "
                        + "issuer verified, alg none refused, expiry enforced. Its groups claim holds the role (admin, "
                        + "reporter, reviewer), its department claim a reporter's department code, its subject who "
                        + "is writing"));
        components.addHeader(CORS_HEADER, OASFactory.createHeader()
                .description("The calling browser origin, when QUARKUS_HTTP_CORS_ORIGINS allows it; absent otherwise")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri").maxLength(2000)));
        statusCounts(components);
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    complete(path, item);
                }
            });
        }
        scalarsInline(openAPI);
        pageNames(openAPI);
        var requestSchemas = requestSchemas(openAPI);
        components.getSchemas().forEach((name, schema) -> {
            if (requestSchemas.contains(name)) {
                optionalAcceptsNull(schema);
            } else if (schema.getProperties() != null && schema.getRequired() == null) {
                // Jackson writes every component of a view record, null or not: all are always present
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        });
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().forEach((method, op) -> {
                if (method == PathItem.HttpMethod.PATCH && op.getOperationId() != null) {
                    mergePatchBody(components, op);
                }
            }));
        }
    }

    /** Every roll-up counts targets per status under the six status names, all present. */
    private static void statusCounts(Components components) {
        var counts = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("Number of targets per status, all six included");
        var names = new ArrayList<String>();
        for (var status : ProgressStatus.values()) {
            names.add(status.name());
            counts.addProperty(status.name(), OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                    .format("int32").minimum(BigDecimal.ZERO)
                    .maximum(BigDecimal.valueOf(Integer.MAX_VALUE)));
        }
        components.addSchema("StatusCounts", counts.required(names).additionalPropertiesBoolean(false));
        components.getSchemas().values().forEach(schema -> {
            if (schema.getProperties() != null && schema.getProperties().containsKey("statusCounts")) {
                schema.addProperty("statusCounts", OASFactory.createSchema().ref(SCHEMAS + "StatusCounts"));
            }
        });
    }

    /**
     * Ids, dates and instants become inline strings with their format, instead of references to schemas named after
     * Java types (LocalDate collides with generators' own names) with a {@code type} beside the reference, which
     * generators drop. Enum and object references keep only the reference; nullable ones become anyOf [ref, null].
     */
    private static void scalarsInline(OpenAPI openAPI) {
        forEachSchema(openAPI, OpenApiContract::normalize);
        SCALARS.keySet().forEach(openAPI.getComponents()::removeSchema);
    }

    /** Pages are named after what they hold (DepartmentPage), not after the Java generic (PageDepartmentView). */
    private static void pageNames(OpenAPI openAPI) {
        var components = openAPI.getComponents();
        var renamed = new LinkedHashMap<String, String>();
        components.getSchemas().forEach((name, schema) -> {
            var items = schema.getProperties() == null ? null : schema.getProperties().get("items");
            if (name.startsWith("Page") && items != null && items.getItems() != null && items.getItems().getRef() != null) {
                renamed.put(SCHEMAS + name, items.getItems().getRef().substring(SCHEMAS.length()) + "Page");
            }
        });
        renamed.forEach((ref, name) -> {
            var schema = components.getSchemas().get(ref.substring(SCHEMAS.length()));
            components.removeSchema(ref.substring(SCHEMAS.length()));
            components.addSchema(name, schema.description("A page of " + name.replaceFirst("Page$", "") + " items"));
        });
        forEachSchema(openAPI, schema -> {
            if (renamed.containsKey(schema.getRef())) {
                schema.setRef(SCHEMAS + renamed.get(schema.getRef()));
            }
        });
    }

    /** Applies {@code action} to every schema of the document, nested ones included. */
    private static void forEachSchema(OpenAPI openAPI, Consumer<Schema> action) {
        openAPI.getComponents().getSchemas().values().forEach(schema -> walk(schema, action));
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
                if (op.getParameters() != null) {
                    op.getParameters().forEach(p -> walk(p.getSchema(), action));
                }
                if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                    op.getRequestBody().getContent().getMediaTypes().values().forEach(m -> walk(m.getSchema(), action));
                }
                op.getResponses().getAPIResponses().values().forEach(r -> {
                    if (r.getContent() != null) {
                        r.getContent().getMediaTypes().values().forEach(m -> walk(m.getSchema(), action));
                    }
                });
            }));
        }
    }

    private static void normalize(Schema schema) {
        var scalar = scalar(schema.getRef());
        if (scalar != null) {
            schema.setRef(null);
            schema.setType(null);
            scalar.accept(schema);
            return;
        }
        if (schema.getRef() != null) {
            schema.setType(null);
            return;
        }
        var anyOf = schema.getAnyOf();
        if (anyOf != null && anyOf.size() == 2 && isNull(anyOf.get(1)) && anyOf.get(0).getRef() != null) {
            var inline = scalar(anyOf.get(0).getRef());
            schema.setType(null);
            if (inline != null) {
                schema.setAnyOf(null);
                inline.accept(schema);
                schema.addType(Schema.SchemaType.NULL);
            }
        }
    }

    private static Consumer<Schema> scalar(String ref) {
        return ref != null && ref.startsWith(SCHEMAS) ? SCALARS.get(ref.substring(SCHEMAS.length())) : null;
    }

    private static boolean isNull(Schema schema) {
        return schema.getType() != null && schema.getType().equals(List.of(Schema.SchemaType.NULL));
    }

    private static void walk(Schema schema, Consumer<Schema> action) {
        if (schema == null) {
            return;
        }
        action.accept(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> walk(p, action));
        }
        walk(schema.getItems(), action);
        walk(schema.getAdditionalPropertiesSchema(), action);
        for (var list : Arrays.asList(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())) {
            if (list != null) {
                list.forEach(s -> walk(s, action));
            }
        }
    }

    /** The component schemas a request body can contain, directly or nested. */
    private static Set<String> requestSchemas(OpenAPI openAPI) {
        var found = new HashSet<String>();
        var schemas = openAPI.getComponents().getSchemas();
        Consumer<Schema>[] visit = new Consumer[1];
        visit[0] = schema -> {
            var ref = schema.getRef();
            if (ref != null && ref.startsWith(SCHEMAS) && found.add(ref.substring(SCHEMAS.length()))) {
                walk(schemas.get(ref.substring(SCHEMAS.length())), visit[0]);
            }
        };
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
                if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                    op.getRequestBody().getContent().getMediaTypes().values().forEach(m -> walk(m.getSchema(), visit[0]));
                }
            }));
        }
        return found;
    }

    /** An optional request field may be sent as null, which means the same as leaving it out. */
    private static void optionalAcceptsNull(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        var required = schema.getRequired() == null ? List.<String>of() : schema.getRequired();
        var properties = new LinkedHashMap<String, Schema>();
        schema.getProperties().forEach((name, property) -> {
            if (required.contains(name) || (property.getType() != null && property.getType().contains(Schema.SchemaType.NULL))
                    || (property.getAnyOf() != null && property.getAnyOf().stream().anyMatch(OpenApiContract::isNull))) {
                properties.put(name, property);
            } else if (property.getRef() != null) {
                properties.put(name, OASFactory.createSchema().description(property.getDescription())
                        .anyOf(List.of(OASFactory.createSchema().ref(property.getRef()),
                                OASFactory.createSchema().addType(Schema.SchemaType.NULL))));
            } else {
                properties.put(name, property.addType(Schema.SchemaType.NULL));
            }
        });
        schema.setProperties(properties);
    }

    /**
     * A PATCH body is a JSON Merge Patch of the request: the same fields, none required (absent ones are kept), null
     * removing an optional one. The patched whole is then validated like a PUT body.
     */
    private static void mergePatchBody(Components components, Operation operation) {
        var resource = operation.getOperationId().replaceFirst("^patch", "");
        var request = components.getSchemas().get(resource + "Request");
        components.addSchema(resource + "Patch", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("A JSON Merge Patch (RFC 7396) of " + resource + "Request: members present replace, "
                        + "null removes an optional field, absent ones are kept")
                .properties(new LinkedHashMap<>(request.getProperties())));
        operation.setRequestBody(OASFactory.createRequestBody().required(true)
                .description("A JSON Merge Patch (RFC 7396) of the " + resource + "Request fields; the result is "
                        + "validated like a PUT body")
                .content(OASFactory.createContent().addMediaType(MergePatch.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMAS + resource + "Patch")))));
    }

    @Override
    public Parameter filterParameter(Parameter parameter) {
        var description = switch (parameter.getName()) {
            case "id" -> "The resource's UUID";
            case "If-Match" -> "The ETag the change is based on (or *); a stale one is answered with 412";
            case Idempotency.HEADER -> "Any 1–200 visible ASCII characters; a repeat of the same request with the "
                    + "same key returns the first response and writes nothing";
            default -> null;
        };
        if (description != null && parameter.getDescription() == null) {
            parameter.setDescription(description);
        }
        if (parameter.getName().equals("id") && parameter.getIn() == Parameter.In.PATH) {
            parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid").maxLength(36));
        }
        var schema = parameter.getSchema();
        if (schema != null && schema.getMaxLength() == null && schema.getFormat() != null) {
            // the longest text of a uuid or date parameter; Params refuses anything else with a 400
            switch (schema.getFormat()) {
                case "uuid" -> schema.setMaxLength(36);
                case "date" -> schema.setMaxLength(10);
                default -> {
                }
            }
        }
        if (parameter.getName().equals("If-Match")) {
            parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(1000));
        }
        if (parameter.getName().equals(Idempotency.HEADER)) {
            parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1)
                    .maxLength(200));
        }
        return parameter;
    }

    private static void complete(String path, PathItem item) {
        boolean single = path.endsWith("{id}");
        for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
            var method = entry.getKey();
            var operation = entry.getValue();
            var responses = operation.getResponses();
            problem(responses, "400", "Invalid input: the violations name each field");
            if (path.contains("{id}")) {
                problem(responses, "404", "No resource with this id");
            }
            switch (method) {
                case POST -> {
                    problem(responses, "409", "Conflicts with stored data (a duplicate, or a state that forbids it)");
                    problem(responses, "415", "The body is not application/json");
                    problem(responses, "422", "The Idempotency-Key was already used for a different request");
                }
                case PUT, PATCH -> {
                    problem(responses, "409", "Conflicts with stored data or with a concurrent change");
                    problem(responses, "412", "If-Match names an older version");
                    problem(responses, "415", method == PathItem.HttpMethod.PATCH
                            ? "The body is not application/merge-patch+json" : "The body is not application/json");
                }
                case DELETE -> {
                    problem(responses, "409", "Other records depend on it; the detail says which");
                    problem(responses, "412", "If-Match names an older version");
                }
                default -> problem(responses, "406", "Neither JSON nor (for lists and tables) CSV is acceptable");
            }
            if (path.endsWith("/review") || path.endsWith("/completion")) {
                problem(responses, "412", "If-Match names an older version");
            }
            if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.DELETE) {
                problem(responses, "406", "The answer is JSON, which the Accept header excludes");
                problem(responses, "411", "The body came without a Content-Length (chunked)");
                problem(responses, "413", "The body is larger than the service accepts");
            }
            if (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH
                    || method == PathItem.HttpMethod.DELETE || path.endsWith("/review")) {
                problem(responses, "428", "If-Match is missing: a change names the version (ETag) it is based on");
            }
            problem(responses, "500", "Unexpected failure; logged, with no internals in the answer");
            csvAsText(responses);
            if (path.endsWith("}/progress")) {
                seriesLimit(responses.getAPIResponse("200"));
            }
            var ok = responses.getAPIResponse(method == PathItem.HttpMethod.POST && !path.contains("{id}") ? "201" : "200");
            if (single && method == PathItem.HttpMethod.GET) {
                operation.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                        .description("The ETag of the copy the client holds; when it is still current the answer "
                                + "is 304 with no body")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(1000)));
                responses.addAPIResponse("304", OASFactory.createAPIResponse()
                        .description("Not modified: If-None-Match names the current ETag"));
            }
            if (ok != null && (single || method == PathItem.HttpMethod.POST)) {
                ok.addHeader("ETag", OASFactory.createHeader().description("The version of the resource").required(true)
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(30)));
            }
            if (method == PathItem.HttpMethod.POST && !path.contains("{id}") && ok != null) {
                ok.addHeader("Location", OASFactory.createHeader().description("URL of the created resource")
                        .required(true)
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri").maxLength(2000)));
            }
            if (method == PathItem.HttpMethod.GET) {
                // public; a token is accepted, so that reads can be closed to authenticated callers by a setting
                operation.setSecurity(List.of(OASFactory.createSecurityRequirement(),
                        OASFactory.createSecurityRequirement().addScheme(BEARER)));
                problem(responses, "401", "Reads are closed (TRACKER_AUTH_PUBLIC_READS=false) and no valid bearer "
                        + "token was sent");
            } else {
                operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER)));
                problem(responses, "401", "No valid bearer token (missing, badly signed, expired or from another "
                        + "issuer)");
                problem(responses, "403", "The token's role or department does not allow this change");
            }
            responses.getAPIResponse("401").addHeader("WWW-Authenticate", OASFactory.createHeader().required(true)
                    .description("Bearer, with the reason when a token was sent")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(1000)));
            for (var response : responses.getAPIResponses().values()) {
                response.addHeader(CORS_HEADER, OASFactory.createHeader().ref(CORS_HEADER));
            }
        }
    }

    /** A quarter series lies within the dates the service accepts, so it has at most this many rows. */
    private static void seriesLimit(APIResponse ok) {
        var json = ok == null || ok.getContent() == null ? null : ok.getContent().getMediaType("application/json");
        if (json != null && json.getSchema() != null && json.getSchema().getItems() != null) {
            json.getSchema().maxItems((Dates.LATEST.getYear() - Dates.EARLIEST.getYear() + 1) * 4);
        }
    }

    /** CSV bodies are text with a header row, not the JSON schema SmallRye copies onto them. */
    private static void csvAsText(APIResponses responses) {
        for (var response : responses.getAPIResponses().values()) {
            var content = response.getContent();
            if (content != null && content.hasMediaType(CsvBodyWriter.TEXT_CSV)) {
                content.addMediaType(CsvBodyWriter.TEXT_CSV, OASFactory.createMediaType().schema(
                        OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(
                                "UTF-8 CSV: a header row of the JSON field names (nested ones dotted, e.g. "
                                        + "statusCounts.MET), then one row per item").maxLength(Integer.MAX_VALUE)));
            }
        }
    }

    private static void problem(APIResponses responses, String status, String description) {
        var existing = responses.getAPIResponse(status);
        if (existing != null && existing.getContent() != null) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)))));
    }
}
