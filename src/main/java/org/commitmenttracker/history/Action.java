package org.commitmenttracker.history;

/** What a history entry records. CREATE and DELETE come from the audit row itself; the others from the write. */
public enum Action {
    CREATE, UPDATE, DELETE, REVIEW, COMPLETE
}
