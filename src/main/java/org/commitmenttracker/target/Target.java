package org.commitmenttracker.target;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.commitmenttracker.commitment.Commitment;
import org.commitmenttracker.common.persistence.BaseEntity;
import org.hibernate.envers.Audited;

/** A measurable quantity a commitment promises (指标): a value to reach, or stay under, by a due date. */
@Entity
@Table(name = "target")
@Audited
public class Target extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "commitment_id", nullable = false)
    public Commitment commitment;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public MeasureType measure;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Direction direction;

    public BigDecimal baseline;

    @Column(name = "target_value", nullable = false)
    public BigDecimal targetValue;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(nullable = false)
    public BigDecimal weight;

    public String note;
}
