package org.commitmenttracker.auth;

import java.io.IOException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.commitmenttracker.common.startup.TrackerConfig;
import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.util.ResourceUtils;

/**
 * Refuses to start a service that would trust the development key pair, whose private key is in the repository
 * (anyone could mint an admin token), unless {@code tracker.auth.allow-development-key} says this is a demo. The dev
 * and test profiles allow it; prod does not by default.
 */
@ApplicationScoped
public class DevelopmentKeyGuard {

    /** Where the development public key ships, on the classpath. */
    static final String DEVELOPMENT_KEY = "dev-jwt/public-key.pem";

    private final TrackerConfig tracker;
    private final Config config;

    DevelopmentKeyGuard(TrackerConfig tracker, Config config) {
        this.tracker = tracker;
        this.config = config;
    }

    void check(@Observes StartupEvent start) {
        var location = config.getOptionalValue("mp.jwt.verify.publickey.location", String.class);
        // Quarkus passes NONE for an inline key that is not set
        var inline = config.getOptionalValue("mp.jwt.verify.publickey", String.class).filter(key -> !"NONE".equals(key));
        refuseDevelopmentKey(tracker.auth().allowDevelopmentKey(), inline.or(() -> location.flatMap(DevelopmentKeyGuard::read)),
                read(DEVELOPMENT_KEY).orElseThrow());
    }

    /** Throws when the verification key is the development key and that is not allowed. */
    static void refuseDevelopmentKey(boolean allowed, Optional<String> verificationKey, String developmentKey) {
        if (allowed || verificationKey.map(DevelopmentKeyGuard::keyMaterial)
                .filter(keyMaterial(developmentKey)::equals).isEmpty()) {
            return;
        }
        throw new IllegalStateException("Tokens would be verified with the development key pair, whose private key is "
                + "published with the source code: anyone could sign an admin token. Set MP_JWT_VERIFY_PUBLICKEY_LOCATION "
                + "(and MP_JWT_VERIFY_ISSUER) to your token issuer's public key, or, for a demo only, "
                + "TRACKER_AUTH_ALLOW_DEVELOPMENT_KEY=true.");
    }

    /** The key without its PEM armour and line breaks, so that two copies of one key compare equal. */
    private static String keyMaterial(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    private static Optional<String> read(String location) {
        try {
            return Optional.ofNullable(ResourceUtils.readResource(location));
        } catch (IOException | RuntimeException unreadable) {
            // the JWT extension itself reports a key it cannot read when a token arrives
            return Optional.empty();
        }
    }
}
