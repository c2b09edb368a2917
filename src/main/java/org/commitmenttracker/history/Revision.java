package org.commitmenttracker.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/**
 * One transaction's worth of audited changes (Envers' revision), with who made it and why. Every *_aud row points to
 * one; {@link RevisionAuthor} fills in the caller and the change note when Envers opens it.
 */
@Entity
@Table(name = "revinfo")
@RevisionEntity(RevisionAuthor.class)
public class Revision {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "revinfo_seq")
    @SequenceGenerator(name = "revinfo_seq", sequenceName = "revinfo_seq", allocationSize = 50)
    @RevisionNumber
    @Column(name = "rev")
    public int id;

    @RevisionTimestamp
    @Column(name = "revtstmp")
    public long timestamp;

    /** The caller's principal name; null for an unauthenticated caller or the service itself (seed data). */
    public String who;

    /** Why, when the change needed saying (a target's planned values) or the caller said it anyway. */
    public String reason;

    /** What a change to an existing resource was, when it was more than an update (a review, a completion). */
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    public Action action;
}
