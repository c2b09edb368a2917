package org.commitmenttracker.dashboard;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless chromium driven through its own chromedriver, named explicitly so that Selenium never tries to
 * download a driver or a browser (nothing outside Maven Central, npm and Debian is reachable). CHROME_BIN and
 * CHROMEDRIVER point it at another browser; without one the browser tests are skipped, and say so.
 */
final class Browser {

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Browser() {
    }

    /** A fresh headless browser session, or the test class is skipped with the reason printed. */
    static ChromeDriver startOrSkip(Path downloads) {
        var browser = find("CHROME_BIN", BROWSERS);
        var driver = find("CHROMEDRIVER", DRIVERS);
        if (browser.isEmpty() || driver.isEmpty()) {
            var reason = "Browser tests skipped: no "
                    + (browser.isEmpty() ? "chromium (" + lookedFor("CHROME_BIN", BROWSERS)
                            : "chromedriver (" + lookedFor("CHROMEDRIVER", DRIVERS))
                    + "); install them with: apt-get install chromium chromium-driver";
            System.out.println("*** " + reason);
            Assumptions.abort(reason);
        }
        Path profile;
        try {
            Files.createDirectories(downloads);
            profile = Files.createTempDirectory("dashboard-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(browser.get());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,1000");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver.get())).build();
        var session = new ChromeDriver(service, options);
        // headless chromium saves downloads only where it is told to, through the DevTools protocol
        session.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        return session;
    }

    /** What the page wrote to the console at level SEVERE (errors, failed requests) since the last call. */
    static List<String> consoleErrors(ChromeDriver driver) {
        var errors = new ArrayList<String>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    /** The DevTools events (as JSON) since the last call: the requests the page made are among them. */
    static List<String> performanceEvents(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.PERFORMANCE).getAll().stream().map(LogEntry::getMessage).toList();
    }

    private static String lookedFor(String variable, List<String> candidates) {
        var configured = System.getenv(variable);
        return configured != null && !configured.isBlank() ? "$" + variable + " = " + configured + " is not executable"
                : "looked for " + String.join(", ", candidates) + "; $" + variable + " names another";
    }

    private static Optional<String> find(String variable, List<String> candidates) {
        var configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            return Files.isExecutable(Path.of(configured)) ? Optional.of(configured) : Optional.empty();
        }
        return candidates.stream().filter(c -> Files.isExecutable(Path.of(c))).findFirst();
    }
}
