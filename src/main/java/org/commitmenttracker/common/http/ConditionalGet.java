package org.commitmenttracker.common.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Answers a GET whose If-None-Match names the resource's current ETag with 304 Not Modified and no body, so that a
 * client holding a copy revalidates it without downloading it again. Every single resource carries its ETag.
 */
public class ConditionalGet {

    @ServerResponseFilter
    public void notModified(ContainerRequestContext request, ContainerResponseContext response) {
        var ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        var etag = response.getHeaderString(HttpHeaders.ETAG);
        if (ifNoneMatch == null || etag == null || !HttpMethod.GET.equals(request.getMethod())
                || response.getStatus() != Response.Status.OK.getStatusCode()) {
            return;
        }
        if (Etags.matchesAny(ifNoneMatch, etag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
        }
    }
}
