package org.commitmenttracker.common.http;

import jakarta.ws.rs.core.EntityTag;

/** ETags are the row's version; If-Match must name the current one (or *) for a write to proceed. */
public final class Etags {

    private Etags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * For PUT, PATCH, DELETE and review: throws 428 without If-Match, so that no client overwrites a change it has not
     * seen, and 412 when it names neither * nor {@code version}.
     */
    public static void require(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiProblem.preconditionRequired(
                    "If-Match is required: send the ETag of the version your change is based on (GET gives it)");
        }
        check(ifMatch, version);
    }

    /** Throws 412 when {@code ifMatch} is given and names neither * nor {@code version}. */
    public static void check(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        var current = "\"" + version + "\"";
        if (!matchesAny(ifMatch, current)) {
            throw ApiProblem.preconditionFailed("If-Match " + ifMatch.replaceAll("\\p{Cntrl}", "?")
                    + " does not match the current ETag " + current + "; fetch the resource again");
        }
    }

    /**
     * Whether a list of entity tags as If-Match and If-None-Match carry it ({@code "3", W/"4"} or *) names
     * {@code etag} (the header form, "3"). A weak tag names the same version, since versions are all there is.
     */
    static boolean matchesAny(String tags, String etag) {
        var current = bare(etag);
        for (var tag : tags.split(",")) {
            var value = tag.trim();
            if (value.equals("*") || bare(value).equals(current)) {
                return true;
            }
        }
        return false;
    }

    private static String bare(String tag) {
        var value = tag.startsWith("W/") ? tag.substring(2) : tag;
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
