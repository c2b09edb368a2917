package org.commitmenttracker.round;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.commitmenttracker.common.persistence.BaseEntity;
import org.hibernate.envers.Audited;

/** An evaluation round (评议批次): one campaign of the standing committee, e.g. 2021's first batch. */
@Entity
@Table(name = "round")
@Audited
public class Round extends BaseEntity {

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public String issuer;

    @Column(name = "published_on", nullable = false)
    public LocalDate publishedOn;
}
