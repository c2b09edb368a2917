package org.commitmenttracker.common;

import java.time.ZoneId;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings (prefix {@code tracker}); each can be set by environment variable, e.g. TRACKER_ZONE. */
@ConfigMapping(prefix = "tracker")
public interface TrackerConfig {

    /** Zone in which instants such as recordedAt are read as calendar dates (knownAt, "today"). */
    @WithDefault("Asia/Shanghai")
    String zone();

    Seed seed();

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

    interface LargeCase {
        /** When set, fill the database on start with the province-scale case generated from this seed (bench/). */
        Optional<Long> seed();
    }
}
