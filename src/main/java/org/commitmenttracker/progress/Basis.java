package org.commitmenttracker.progress;

import java.time.Instant;

/**
 * Which reports count: with {@code verifiedOnly} only VERIFIED ones; with {@code knownBefore} only those recorded
 * strictly before that instant (the start of the day after {@code knownAt}, in the service's zone). RETURNED reports
 * never count.
 */
record Basis(boolean verifiedOnly, Instant knownBefore) {

    public static final Basis ALL = new Basis(false, null);
}
