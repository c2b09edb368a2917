package org.commitmenttracker.history;

import org.hibernate.envers.RevisionListener;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Signs each revision with the caller and the transaction's {@link ChangeNote}. Envers creates listeners itself,
 * so the beans are looked up rather than injected.
 */
public class RevisionAuthor implements RevisionListener {

    @Override
    public void newRevision(Object revisionEntity) {
        var revision = (Revision) revisionEntity;
        var container = Arc.container();
        // no identity outside an HTTP request (the seed at start-up): the service itself writes, recorded as null
        if (container.requestContext().isActive()) {
            var identity = container.instance(SecurityIdentity.class).get();
            revision.who = identity == null || identity.isAnonymous() ? null : identity.getPrincipal().getName();
        }
        var note = container.instance(ChangeNote.class).get();
        revision.reason = note.reason();
        revision.action = note.action();
    }
}
