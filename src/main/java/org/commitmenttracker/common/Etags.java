package org.commitmenttracker.common;

import jakarta.ws.rs.core.EntityTag;

/** ETags are the row's version; If-Match must name the current one (or *) for a write to proceed. */
public final class Etags {

    private Etags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Throws 412 when {@code ifMatch} is given and names neither * nor {@code version}. */
    public static void check(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        var current = Long.toString(version);
        for (var tag : ifMatch.split(",")) {
            var value = tag.trim();
            if (value.equals("*")) {
                return;
            }
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (value.equals(current)) {
                return;
            }
        }
        throw ApiProblem.preconditionFailed("If-Match " + ifMatch.replaceAll("\\p{Cntrl}", "?")
                + " does not match the current ETag \"" + current + "\"; fetch the resource again");
    }
}
