package org.commitmenttracker.report;

/** Where a progress report stands in review: RETURNED reports never count towards completion. */
public enum ReviewStatus {
    SUBMITTED,
    VERIFIED,
    RETURNED
}
