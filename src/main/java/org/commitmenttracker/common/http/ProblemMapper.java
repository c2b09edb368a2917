package org.commitmenttracker.common.http;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure into application/problem+json. Client mistakes say what is wrong and where; anything
 * unexpected is logged here and answered with a generic 500 that names no class, SQL or stack frame.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /** The WWW-Authenticate challenge of every 401 (RFC 6750). */
    private static final String CHALLENGE = "Bearer realm=\"commitment-tracker\"";

    static final String UNREADABLE_REQUEST =
            "the request could not be read: check that its path and query are correctly percent-encoded (UTF-8)";

    /** Database constraints a request can run into, and what to tell the client instead of the constraint name. */
    private static final Map<String, String> CONSTRAINT_MESSAGES = Map.of(
            "department_code_key", "a department with this code already exists",
            "commitment_round_department_seq_key", "this round already has a commitment with this seq for this department",
            "idempotency_record_pkey", "a request with this Idempotency-Key is being processed; retry shortly");

    /** Seconds a client should wait before retrying while the database is unreachable. */
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e, UriInfo uri) {
        return problem(e.status(), e.type(), e.title(), e.getMessage(), uri, e.violations().isEmpty() ? null : e.violations());
    }

    /** A write without a token (or, with reads closed, any request without one): say how to authenticate. */
    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized(CHALLENGE, "this request needs a bearer token: send Authorization: Bearer <JWT>", uri);
    }

    /** A token that is not valid: bad signature, other issuer, expired, unsigned (alg none) or malformed. */
    @ServerExceptionMapper
    public Response invalidToken(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(CHALLENGE + ", error=\"invalid_token\"",
                "the bearer token is not valid: it must be signed by the configured issuer and not expired", uri);
    }

    /** A valid token whose roles do not include one this operation allows. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, SimpleResourceInfo resource) {
        var allowed = resource == null || resource.getResourceClass() == null ? null
                : rolesAllowed(resource.getResourceClass(), resource.getMethodName());
        return apiProblem(ApiProblem.forbidden(allowed == null ? "the token's roles do not allow this operation"
                : "this operation needs a token with the role " + String.join(" or ", allowed.value())), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        var violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .toList();
        return apiProblem(ApiProblem.invalid(violations), uri);
    }

    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class, InvalidFormatException.class,
            UnrecognizedPropertyException.class, ValueInstantiationException.class, InvalidTypeIdException.class })
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return apiProblem(ApiProblem.invalid(List.of(jsonViolation(e))), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri, null);
        }
        var json = jsonCause(e);
        if (json != null) {
            return unreadableJson(json, uri);
        }
        var reason = Response.Status.fromStatusCode(status);
        var title = reason == null ? "Client error" : reason.getReasonPhrase();
        var detail = switch (status) {
            case 404 -> "no resource at " + uri.getPath();
            case 405 -> "this method is not allowed on " + uri.getPath();
            case 406 -> "this resource can answer with application/json" + (uri.getPath().contains("/progress")
                    || !uri.getPath().matches(".*/[0-9a-fA-F-]{36}$") ? " or text/csv" : "");
            case 400 -> UNREADABLE_REQUEST;
            case 415 -> uri.getPath().startsWith("/api/v1/imports")
                    ? "send the letter as text/plain (a preview as application/json)"
                    : "send the body as application/json (PATCH: application/merge-patch+json)";
            default -> title;
        };
        return problem(status, slug(title), title, detail, uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiProblem p) {
                return apiProblem(p, uri);
            }
            if (databaseUnreachable(t)) {
                return databaseUnavailable(uri);
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                // a write that named the version it changed lost a race to another write of that version: its If-Match
                // is stale now, as if it had arrived a moment later
                return apiProblem(headers != null && headers.getHeaderString(HttpHeaders.IF_MATCH) != null
                        ? ApiProblem.preconditionFailed("the resource was changed by another request at the same time "
                                + "as this one; fetch it again and retry with its new ETag")
                        : ApiProblem.conflict(
                                "the resource was changed by another request at the same time; fetch it again and retry"),
                        uri);
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException c) {
                var name = c.getConstraintName() == null ? "" : c.getConstraintName().toLowerCase();
                var message = CONSTRAINT_MESSAGES.entrySet().stream()
                        .filter(entry -> name.contains(entry.getKey())).map(Map.Entry::getValue).findFirst()
                        .orElse("the request conflicts with stored data (another record refers to it or duplicates it)");
                return apiProblem(ApiProblem.conflict(message), uri);
            }
            if (t instanceof ConstraintViolationException c) {
                return constraintViolation(c, uri);
            }
            if (t instanceof JsonProcessingException json) {
                return unreadableJson(json, uri);
            }
        }
        LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
        return problem(500, "internal-error", "Internal Server Error",
                "the service could not complete the request; it has been logged", uri, null);
    }

    private static Response unauthorized(String challenge, String detail, UriInfo uri) {
        var response = problem(401, "unauthorized", "Unauthorized", detail, uri, null);
        response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return response;
    }

    private static RolesAllowed rolesAllowed(Class<?> resource, String methodName) {
        for (var method : resource.getMethods()) {
            if (method.getName().equals(methodName) && method.isAnnotationPresent(RolesAllowed.class)) {
                return method.getAnnotation(RolesAllowed.class);
            }
        }
        return null;
    }

    static Response problem(int status, String type, String title, String detail, UriInfo uri, List<Violation> violations) {
        var body = new Problem(Problem.TYPE_PREFIX + type, title, status, detail, uri == null ? null : uri.getPath(),
                violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /**
     * 503 while the database cannot be reached: the request did nothing (its transaction never committed), and the
     * pool reconnects by itself once the database is back, so retrying later is the client's whole remedy. Logged
     * as one line: during an outage every request ends here.
     */
    private static Response databaseUnavailable(UriInfo uri) {
        LOG.warnf("Database unreachable; answered 503 on %s", uri.getPath());
        var response = problem(503, "database-unavailable", "Service Unavailable",
                "the database is unreachable; the request was not carried out, retry in a few seconds", uri, null);
        return Response.fromResponse(response).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    /**
     * A failure to reach the database rather than a refusal by it: no connection could be opened or borrowed in
     * time (the pool's own exceptions carry no SQLState), the connection broke (SQLState class 08), or the server
     * is shutting down, starting or full (57P01–57P03, 53300).
     */
    private static boolean databaseUnreachable(Throwable t) {
        if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            var state = sql.getSQLState();
            if (state == null) {
                var origin = sql.getStackTrace();
                return origin.length > 0 && origin[0].getClassName().startsWith("io.agroal.");
            }
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                    || state.equals("53300");
        }
        return false;
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    /** The field a violation is about: the JSON path inside the body, or the query/path parameter's name. */
    private static String fieldOf(ConstraintViolation<?> v) {
        var path = v.getPropertyPath().toString();
        var first = v.getPropertyPath().iterator();
        if (first.hasNext() && first.next().getKind() == ElementKind.METHOD) {
            path = path.substring(path.indexOf('.') + 1);
        }
        for (var body : List.of("request", "body")) {
            if (path.equals(body)) {
                path = "";
            } else if (path.startsWith(body + ".")) {
                path = path.substring(body.length() + 1);
            }
        }
        // container elements are reported as "persons[0].<list element>"; the client knows them as "persons[0]"
        path = path.replaceAll("\\.<[^>]*>", "");
        return path.isEmpty() ? "body" : path;
    }

    private static Violation jsonViolation(JsonProcessingException e) {
        var field = e instanceof JsonMappingException m ? pathOf(m.getPath()) : "";
        if (field.isEmpty() && e instanceof InputCoercionException c && c.getProcessor() != null) {
            field = pathOf(c.getProcessor().getParsingContext());
        }
        if (field.isEmpty()) {
            field = "body";
        }
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            message = unknownField(u);
        } else if (e instanceof InvalidFormatException f) {
            var target = f.getTargetType();
            if (target != null && target.isEnum()) {
                var allowed = new ArrayList<String>();
                for (Object constant : target.getEnumConstants()) {
                    allowed.add(constant.toString());
                }
                message = "'" + f.getValue() + "' is not one of " + String.join(", ", allowed);
            } else if (target == LocalDate.class) {
                message = f.getOriginalMessage();
            } else if (target == String.class) {
                message = String.valueOf(f.getValue()).indexOf('\u0000') >= 0 ? "must not contain NUL characters"
                        : "expected string";
            } else {
                message = "'" + f.getValue() + "' is not a valid " + describe(target);
            }
        } else if (e instanceof ValueInstantiationException v && v.getCause() != null && v.getCause().getMessage() != null) {
            message = v.getCause().getMessage();
        } else if (e instanceof MismatchedInputException m && m.getOriginalMessage().startsWith("Trailing token")) {
            message = "unexpected content after the JSON value";
        } else if (e instanceof MismatchedInputException m) {
            message = m.getTargetType() == null ? "has the wrong type" : "expected " + describe(m.getTargetType());
        } else if (e instanceof InputCoercionException) {
            message = "number out of range";
        } else {
            message = "the body is not valid JSON";
        }
        return new Violation(field, message);
    }

    private static String unknownField(UnrecognizedPropertyException e) {
        if (e.getReferringClass() != null) {
            for (var elsewhere : e.getReferringClass().getAnnotationsByType(SetElsewhere.class)) {
                if (elsewhere.field().equals(e.getPropertyName())) {
                    return "is set by " + elsewhere.by();
                }
            }
        }
        return "unknown field '" + e.getPropertyName() + "'";
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "UUID" -> "UUID";
            case "BigDecimal", "Integer", "int", "Long", "long", "Double", "double" -> "number";
            case "Boolean", "boolean" -> "boolean";
            case "String" -> "string";
            case "List", "Set", "Collection" -> "array";
            default -> type.isRecord() || Map.class.isAssignableFrom(type) ? "object" : "value";
        };
    }

    private static String pathOf(List<JsonMappingException.Reference> path) {
        var out = new StringBuilder();
        for (var ref : path) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** Where the parser stood, for failures the parser reports before any field path is recorded. */
    private static String pathOf(JsonStreamContext context) {
        var parts = new ArrayList<String>();
        for (var c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.add(0, c.getCurrentName());
            }
        }
        var out = new StringBuilder();
        for (var part : parts) {
            if (!out.isEmpty() && !part.startsWith("[")) {
                out.append('.');
            }
            out.append(part);
        }
        return out.toString();
    }

    /** The Jackson failure anywhere in the cause chain (JAX-RS wraps it, sometimes with its own cause below it). */
    private static JsonProcessingException jsonCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                return json;
            }
        }
        return null;
    }
}
