package org.commitmenttracker.auth;

import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Names every caller by its token's subject. SmallRye JWT would prefer a {@code upn} or {@code preferred_username}
 * claim when a token has one; the audit trail and reportedBy must name the same caller whatever the issuer adds.
 */
@ApplicationScoped
public class SubjectPrincipal implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)
                || Objects.equals(token.getName(), token.getSubject())) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .setPrincipal(new NamedBySubject(token)).build());
    }

    /** The same token, named by its subject. */
    private record NamedBySubject(JsonWebToken token) implements JsonWebToken {

        @Override
        public String getName() {
            return token.getSubject();
        }

        @Override
        public Set<String> getClaimNames() {
            return token.getClaimNames();
        }

        @Override
        public <T> T getClaim(String claimName) {
            return token.getClaim(claimName);
        }
    }
}
