package org.commitmenttracker.target;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.commitmenttracker.commitment.Commitment;
import org.commitmenttracker.common.persistence.BaseEntity;
import org.hibernate.envers.Audited;

/**
 * A dated step of a commitment (完成时限). With a plannedValue it fixes the planned level of one target at its due
 * date, and its completion follows from reports; without one it is qualitative and completed by completedOn.
 */
@Entity
@Table(name = "milestone")
@Audited
public class Milestone extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "commitment_id", nullable = false)
    public Commitment commitment;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "target_id")
    public Target target;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(nullable = false)
    public String description;

    @Column(name = "planned_value")
    public BigDecimal plannedValue;

    @Column(name = "completed_on")
    public LocalDate completedOn;
}
