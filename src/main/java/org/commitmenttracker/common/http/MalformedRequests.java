package org.commitmenttracker.common.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a problem for the requests the HTTP layer turns away before any resource sees them, which would otherwise
 * get an empty answer: a path with a broken percent-encoding such as {@code /api/v1/rounds/%zz} (400), a body
 * over {@code quarkus.http.limits.max-body-size} (413), and a body sent without its length (411): Quarkus finds a
 * chunked body too large only while reading it, when it can answer nothing but an empty 413, so a body must say its
 * length up front, as every ordinary client (curl, browsers, java.net.http with a byte or string body) does.
 */
@ApplicationScoped
public class MalformedRequests {

    private final ObjectMapper mapper;
    private final long maxBodySize;

    MalformedRequests(ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBodySize) {
        this.mapper = mapper;
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.errorHandler(400, context -> answer(context, 400, "bad-request", "Bad Request",
                ProblemMapper.UNREADABLE_REQUEST));
        // Quarkus refuses a declared Content-Length over the limit with an empty 413 at the next route; say why first
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseOversizedBody);
        router.errorHandler(413, this::bodyTooLarge);
    }

    private void refuseOversizedBody(RoutingContext context) {
        var length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBodySize) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            bodyTooLarge(context);
        } else if (length == null && context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            answer(context, 411, "length-required", "Length Required", "send the body with a Content-Length header "
                    + "(at most " + maxBodySize + " bytes); a body of unannounced length is not accepted");
        } else {
            context.next();
        }
    }

    private void bodyTooLarge(RoutingContext context) {
        answer(context, 413, "body-too-large", "Content Too Large",
                "the request body is larger than the " + maxBodySize + " bytes this service accepts");
    }

    private void answer(RoutingContext context, int status, String type, String title, String detail) {
        var response = context.response();
        if (response.headWritten()) {
            return;
        }
        var problem = new Problem(Problem.TYPE_PREFIX + type, title, status, detail, null, null);
        try {
            response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            response.setStatusCode(status).end();
        }
    }
}
