package org.commitmenttracker.progress;

/** Status of a target at a quarter end; domain.md's rules are tried in this order and the first that applies wins. */
public enum ProgressStatus {
    MET,
    ON_TRACK,
    BEHIND,
    NO_DATA,
    NOT_DUE,
    MISSED
}
