package org.commitmenttracker.common.startup;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The launcher starts no embedded PostgreSQL when a datasource is configured. That it starts one otherwise, whose
 * data survives a restart, is tested end to end on the packaged service by EmbeddedDefaultIT.
 */
class LauncherTest {

    @AfterEach
    void forgetDatasource() {
        System.clearProperty("quarkus.datasource.jdbc.url");
        System.clearProperty("quarkus.datasource.username");
    }

    @Test
    void shouldStartNothingWhenADatasourceIsConfigured() {
        var started = Launcher.startEmbeddedIfUnconfigured(
                Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db.example:5432/tracker")::get);
        assertTrue(started.isEmpty());
        assertEquals(null, System.getProperty("quarkus.datasource.jdbc.url"));
    }
}
