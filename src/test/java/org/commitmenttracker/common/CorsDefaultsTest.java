package org.commitmenttracker.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The CORS allow-list is configuration: empty in prod until origins are listed, open in dev and test. */
class CorsDefaultsTest {

    private static SmallRyeConfig config(String profile) throws IOException {
        var properties = Objects.requireNonNull(CorsDefaultsTest.class.getResource("/application.properties"));
        return new SmallRyeConfigBuilder().withProfile(profile).withSources(new PropertiesConfigSource(properties))
                .build();
    }

    @Test
    void shouldAllowNoOtherOriginInProdUntilConfigured() throws IOException {
        assertTrue(config("prod").getOptionalValue("quarkus.http.cors.origins", String.class).isEmpty());
    }

    @Test
    void shouldAllowAnyOriginInDevAndTest() throws IOException {
        assertEquals("/.*/", config("dev").getValue("quarkus.http.cors.origins", String.class));
        assertEquals("/.*/", config("test").getValue("quarkus.http.cors.origins", String.class));
    }

    @Test
    void shouldLetBrowsersSendABearerToken() throws IOException {
        assertTrue(config("prod").getValue("quarkus.http.cors.headers", String.class).contains("Authorization"));
    }
}
