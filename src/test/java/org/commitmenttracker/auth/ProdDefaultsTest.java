package org.commitmenttracker.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** What application.properties gives the prod profile when an operator sets nothing: safe defaults (CORS: CorsDefaultsTest). */
class ProdDefaultsTest {

    private static SmallRyeConfig config(String profile) throws IOException {
        return new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(Path.of("src/main/resources/application.properties").toUri().toURL()))
                .build();
    }

    @Test
    void shouldRefuseTheDevelopmentKeyAndKeepReadsPublicInProd() throws IOException {
        var prod = config("prod");
        assertEquals(false, prod.getValue("tracker.auth.allow-development-key", Boolean.class));
        assertEquals(true, prod.getValue("tracker.auth.public-reads", Boolean.class));
        assertEquals(true, config("dev").getValue("tracker.auth.allow-development-key", Boolean.class));
    }
}
