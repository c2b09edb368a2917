package org.commitmenttracker.common.http;

import java.util.List;

/**
 * A failure that the client caused and can fix; {@link ProblemMapper} turns it into application/problem+json.
 * Services throw it; nothing below the resource layer deals with HTTP otherwise.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Violation> violations;

    private ApiProblem(int status, String type, String title, String detail, List<Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.violations = violations;
    }

    public static ApiProblem notFound(String resource, Object id) {
        return new ApiProblem(404, "not-found", "Not found", "no " + resource + " with id " + id, List.of());
    }

    /** A field of the request breaks a rule; the message says which rule. */
    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new Violation(field, message)));
    }

    public static ApiProblem invalid(List<Violation> violations) {
        var detail = violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid";
        return new ApiProblem(400, "validation-failed", "Invalid request", detail, List.copyOf(violations));
    }

    /** The request is well-formed but clashes with what is stored (dependents, duplicates, a reviewed report). */
    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "conflict", "Conflict", detail, List.of());
    }

    /** The caller is known but may not do this: a role it lacks, or an object of another department. */
    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", "Forbidden", detail, List.of());
    }

    public static ApiProblem preconditionFailed(String detail) {
        return new ApiProblem(412, "precondition-failed", "Precondition failed", detail, List.of());
    }

    /** A change sent without the If-Match that would show it was made on the current version. */
    public static ApiProblem preconditionRequired(String detail) {
        return new ApiProblem(428, "precondition-required", "Precondition required", detail, List.of());
    }

    public static ApiProblem unprocessable(String type, String title, String detail) {
        return new ApiProblem(422, type, title, detail, List.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }
}
