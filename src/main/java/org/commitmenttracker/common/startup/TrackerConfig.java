package org.commitmenttracker.common.startup;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import org.commitmenttracker.common.http.Idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings (prefix {@code tracker}); each can be set by environment variable, e.g. TRACKER_ZONE. */
@ConfigMapping(prefix = "tracker")
public interface TrackerConfig {

    /** Zone in which instants such as recordedAt are read as calendar dates (knownAt, "today"). */
    @WithDefault("Asia/Shanghai")
    String zone();

    Seed seed();

    Auth auth();

    Idempotency idempotency();

    LargeCase largeCase();

    default ZoneId zoneId() {
        return ZoneId.of(zone());
    }

    interface Seed {
        /** Load the bundled demo round on start; loading writes nothing when the round is already there. */
        @WithDefault("true")
        boolean enabled();

        /** Classpath resource of the demo data. */
        @WithDefault("seed/zibo-2021-round1.yaml")
        String resource();
    }

    interface Auth {
        /** Anyone may read (the commitment letters are public documents); false: reads need a valid token too. */
        @WithDefault("true")
        boolean publicReads();

        /**
         * Whether the service may verify tokens with the development key pair, whose private key is in the
         * repository: true in the dev and test profiles and for the README's demo run, never by default in prod.
         */
        @WithDefault("false")
        boolean allowDevelopmentKey();
    }

    interface Idempotency {
        /** How long an Idempotency-Key is remembered; a later request with the same key is a new request. */
        @WithDefault("24h")
        Duration expiry();

        /** How often the remembered keys older than {@link #expiry()} are removed. */
        @WithDefault("1h")
        Duration cleanupEvery();
    }

    interface LargeCase {
        /** When set, fill the database on start with the province-scale case generated from this seed (bench/). */
        Optional<Long> seed();
    }
}
