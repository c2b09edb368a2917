package org.commitmenttracker.common.startup;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service. When no datasource URL is configured (QUARKUS_DATASOURCE_JDBC_URL or the system property
 * quarkus.datasource.jdbc.url), it first starts an embedded PostgreSQL whose data directory survives restarts:
 * by default ~/.commitment-tracker/pgdata, or TRACKER_EMBEDDED_DB_DATA_DIR; its port is TRACKER_EMBEDDED_DB_PORT
 * (default: any free port).
 */
@QuarkusMain
public final class Launcher {

    private static final Logger LOG = Logger.getLogger(Launcher.class);

    private Launcher() {
    }

    public static void main(String... args) {
        // Quarkus would turn away a URI that java.net.URI cannot parse (a broken %-escape) with an empty 400;
        // without that check, such requests reach MalformedRequests and the resources, which answer a problem.
        System.setProperty("vertx.disableURIValidation", "true");
        startEmbeddedIfUnconfigured(Launcher::setting);
        Quarkus.run(args);
    }

    /**
     * Starts the embedded server and points the datasource at it, unless {@code settings} already name a datasource
     * URL. The server stops with the JVM.
     */
    static Optional<EmbeddedDatabase> startEmbeddedIfUnconfigured(UnaryOperator<String> settings) {
        if (settings.apply("quarkus.datasource.jdbc.url") != null) {
            return Optional.empty();
        }
        var dataDir = settings.apply("tracker.embedded-db.data-dir");
        var directory = dataDir != null ? Path.of(dataDir)
                : Path.of(System.getProperty("user.home"), ".commitment-tracker", "pgdata");
        var port = settings.apply("tracker.embedded-db.port");
        var database = EmbeddedDatabase.start(directory, port == null ? 0 : Integer.parseInt(port));
        System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl("postgres"));
        System.setProperty("quarkus.datasource.username", database.username());
        LOG.infof("No datasource configured: started embedded PostgreSQL at %s with data directory %s"
                + " (set QUARKUS_DATASOURCE_JDBC_URL to use another server)",
                database.jdbcUrl("postgres"), database.dataDirectory());
        return Optional.of(database);
    }

    /** A setting from a system property, else from its environment variable (FOO_BAR_BAZ for foo.bar-baz). */
    private static String setting(String key) {
        var value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            value = System.getenv(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
        return value == null || value.isBlank() ? null : value;
    }
}
