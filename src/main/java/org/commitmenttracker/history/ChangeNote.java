package org.commitmenttracker.history;

import jakarta.transaction.TransactionScoped;

/**
 * What a service says about the change it is making (why, and what kind of change), for the revision of the same
 * transaction: one transaction is one revision, so the note lives exactly as long as the transaction.
 */
@TransactionScoped
public class ChangeNote {

    private String reason;
    private Action action;

    /** Records why the change is made; blank text says nothing. */
    public void reason(String text) {
        reason = text == null || text.isBlank() ? null : text.strip();
    }

    /** Records that this change is a review, a completion, ... rather than a plain update. */
    public void action(Action kind) {
        action = kind;
    }

    String reason() {
        return reason;
    }

    Action action() {
        return action;
    }
}
