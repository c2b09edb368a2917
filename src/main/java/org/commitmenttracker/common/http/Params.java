package org.commitmenttracker.common.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Parses path and query parameters, so that a malformed one is a 400 naming it rather than JAX-RS's bare 404.
 * Every method returns null for an absent parameter, unless it has a default.
 */
public final class Params {

    private Params() {
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(name, "'" + printable(value) + "' is not a UUID");
        }
    }

    /** A path id: must be present and a UUID. */
    public static UUID id(String value) {
        var id = uuid("id", value);
        if (id == null) {
            throw ApiProblem.invalid("id", "must be a UUID");
        }
        return id;
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Dates.parse(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(name, e.getMessage());
        }
    }

    public static Integer integer(String name, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw ApiProblem.invalid(name, "must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid(name, "'" + printable(value) + "' is not a whole number");
        }
    }

    static int intInRange(String name, String value, int fallback, int min, int max) {
        var parsed = integer(name, value, min, max);
        return parsed == null ? fallback : parsed;
    }

    public static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiProblem.invalid(name, "must be true or false");
        };
    }

    /** Free text for a search; null when blank. */
    public static String text(String name, String value) {
        return text(name, value, 200);
    }

    /** Free text of at most {@code maxLength} characters, as the parameter's schema declares; null when blank. */
    public static String text(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.indexOf('\u0000') >= 0) {
            throw ApiProblem.invalid(name, "must not contain NUL characters");
        }
        var text = asUtf8(value);
        if (text.length() > maxLength) {
            throw ApiProblem.invalid(name, "must be at most " + maxLength + " characters");
        }
        return text.trim();
    }

    /**
     * curl sends text typed into a URL (?q=长者食堂) as raw UTF-8 bytes rather than %-escapes, and the HTTP layer reads
     * such bytes one character each; when the characters are exactly the bytes of valid UTF-8, read them as that.
     */
    private static String asUtf8(String value) {
        boolean raw = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value;
            }
            raw |= c >= 0x80;
        }
        if (!raw) {
            return value;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return value;
        }
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            var allowed = new StringBuilder();
            for (var constant : type.getEnumConstants()) {
                allowed.append(allowed.isEmpty() ? "" : ", ").append(constant.name());
            }
            throw ApiProblem.invalid(name, "'" + printable(value) + "' is not one of " + allowed);
        }
    }

    /** A LIKE pattern matching {@code text} anywhere, with the pattern characters escaped (escape character '\'). */
    public static String containsPattern(String text) {
        return "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    static String printable(String value) {
        var shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
