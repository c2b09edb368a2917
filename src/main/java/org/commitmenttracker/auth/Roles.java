package org.commitmenttracker.auth;

/** The roles a token carries in its {@code groups} claim, and what each may write. */
public final class Roles {

    /** Manages rounds, departments, commitments, targets and milestones. */
    public static final String ADMIN = "admin";

    /** Reviews progress reports (verifies or returns them), never its own. */
    public static final String REVIEWER = "reviewer";

    /**
     * Files and corrects progress reports and completes qualitative milestones, only for the department whose code is
     * the token's {@code department} claim.
     */
    public static final String REPORTER = "reporter";

    private Roles() {
    }
}
