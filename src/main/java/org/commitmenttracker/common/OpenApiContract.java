package org.commitmenttracker.common;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the OpenAPI document with what every operation shares, so it is said once: the problem responses each
 * kind of operation can give, the ETag/Location headers, the merge-patch request bodies, the CSV alternative of
 * lists, the common headers' meaning, and the domain rules in the description.
 */
public class OpenApiContract implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

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
        var components = openAPI.getComponents();
        // PATCH bodies are declared below as merge patches of the request schemas, not as Jackson's tree type.
        components.removeSchema("JsonNode");
        components.removeSchema("JsonNodeType");
        components.addSchema("Violation", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid field of a request")
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("JSON path in the body, or the parameter name").examples(List.of("dueDate")))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .examples(List.of("must not be before startDate")))
                .required(List.of("field", "message")));
        components.addSchema("Problem", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details (application/problem+json)")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .examples(List.of("urn:commitment-tracker:problem:validation-failed")))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .examples(List.of("Invalid request")))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .examples(List.of(400)))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .examples(List.of("dueDate: must not be before startDate")))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .examples(List.of("/api/v1/targets")))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("For validation failures: each invalid field and why")
                        .items(OASFactory.createSchema().ref("#/components/schemas/Violation")))
                .required(List.of("type", "title", "status")));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                complete(path, item);
            }
        });
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
            parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid"));
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
            problem(responses, "500", "Unexpected failure; logged, with no internals in the answer");
            csvAsText(responses);
            var ok = responses.getAPIResponse(method == PathItem.HttpMethod.POST && !path.contains("{id}") ? "201" : "200");
            if (single && method == PathItem.HttpMethod.GET) {
                operation.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                        .description("The ETag of the copy the client holds; when it is still current the answer "
                                + "is 304 with no body")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
                responses.addAPIResponse("304", OASFactory.createAPIResponse()
                        .description("Not modified: If-None-Match names the current ETag"));
            }
            if (ok != null && (single || method == PathItem.HttpMethod.POST)) {
                ok.addHeader("ETag", OASFactory.createHeader().description("The version of the resource")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            }
            if (method == PathItem.HttpMethod.POST && !path.contains("{id}") && ok != null) {
                ok.addHeader("Location", OASFactory.createHeader().description("URL of the created resource")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")));
            }
            if (method == PathItem.HttpMethod.PATCH && operation.getOperationId() != null) {
                var request = operation.getOperationId().replaceFirst("^patch", "") + "Request";
                operation.setRequestBody(OASFactory.createRequestBody().required(true)
                        .description("A JSON Merge Patch (RFC 7396) of the " + request + " fields: members present "
                                + "replace, null removes; the result is validated like a PUT body")
                        .content(OASFactory.createContent().addMediaType(MergePatch.MEDIA_TYPE,
                                OASFactory.createMediaType().schema(
                                        OASFactory.createSchema().ref("#/components/schemas/" + request)))));
            }
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
                                        + "statusCounts.MET), then one row per item")));
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
