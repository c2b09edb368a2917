package org.commitmenttracker.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a problem for the requests the HTTP layer turns away before any resource sees them (a path with a broken
 * percent-encoding such as {@code /api/v1/rounds/%zz}), which would otherwise get an empty 400.
 */
@ApplicationScoped
public class MalformedRequests {

    private final ObjectMapper mapper;

    MalformedRequests(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.errorHandler(400, this::badRequest);
    }

    private void badRequest(RoutingContext context) {
        var response = context.response();
        if (response.headWritten()) {
            return;
        }
        var problem = new Problem(Problem.TYPE_PREFIX + "bad-request", "Bad Request", 400,
                ProblemMapper.UNREADABLE_REQUEST, null, null);
        try {
            response.setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            response.setStatusCode(400).end();
        }
    }
}
