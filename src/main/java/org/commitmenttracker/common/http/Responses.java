package org.commitmenttracker.common.http;

import java.net.URI;

import jakarta.ws.rs.core.Response;

/** The shapes of successful single-resource responses: the body with its ETag, and 201 with its Location. */
public final class Responses {

    private Responses() {
    }

    public static Response ok(Object body, long version) {
        return Response.ok(body).tag(Etags.of(version)).build();
    }

    public static Idempotency.Outcome created(String collectionPath, Object id, Object body, long version) {
        return new Idempotency.Outcome(201, URI.create(collectionPath + "/" + id), body, version);
    }
}
