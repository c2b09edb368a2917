package org.commitmenttracker.auth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The prod profile refuses the development key pair unless a setting allows it (the packaged run: EmbeddedDefaultIT). */
class DevelopmentKeyGuardTest {

    private static final String DEVELOPMENT_KEY = read("src/main/resources/" + DevelopmentKeyGuard.DEVELOPMENT_KEY);

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldRefuseTheDevelopmentKeyUnlessAllowed() {
        var refused = assertThrows(IllegalStateException.class,
                () -> DevelopmentKeyGuard.refuseDevelopmentKey(false, Optional.of(DEVELOPMENT_KEY), DEVELOPMENT_KEY));
        assertThat(refused.getMessage(), containsString("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
        assertThat(refused.getMessage(), containsString("TRACKER_AUTH_ALLOW_DEVELOPMENT_KEY"));
        assertDoesNotThrow(() -> DevelopmentKeyGuard.refuseDevelopmentKey(true, Optional.of(DEVELOPMENT_KEY), DEVELOPMENT_KEY));
    }

    @Test
    void shouldRecogniseTheDevelopmentKeyHoweverItIsWrapped() {
        var inline = DEVELOPMENT_KEY.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        assertThrows(IllegalStateException.class,
                () -> DevelopmentKeyGuard.refuseDevelopmentKey(false, Optional.of(inline), DEVELOPMENT_KEY));
    }

    @Test
    void shouldAcceptAnotherKeyOrNone() {
        var other = DEVELOPMENT_KEY.replace("MIIB", "MIIC");
        assertDoesNotThrow(() -> DevelopmentKeyGuard.refuseDevelopmentKey(false, Optional.of(other), DEVELOPMENT_KEY));
        assertDoesNotThrow(() -> DevelopmentKeyGuard.refuseDevelopmentKey(false, Optional.empty(), DEVELOPMENT_KEY));
    }
}
