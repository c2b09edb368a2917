package org.commitmenttracker.auth;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.commitmenttracker.common.startup.TrackerConfig;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * Closes the reads to anonymous callers when {@code tracker.auth.public-reads=false}: a GET then needs a valid token
 * (of any role). Writes are guarded by the roles on their resource methods whatever this setting says.
 */
public class ReadAccess {

    private final TrackerConfig config;
    private final CurrentIdentityAssociation identities;

    ReadAccess(TrackerConfig config, CurrentIdentityAssociation identities) {
        this.config = config;
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Void> requireTokenWhenReadsAreClosed(ContainerRequestContext request) {
        var method = request.getMethod();
        if (config.auth().publicReads() || !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().onItem().transform(identity -> {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            return null;
        });
    }
}
