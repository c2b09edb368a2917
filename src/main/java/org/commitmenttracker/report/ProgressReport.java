package org.commitmenttracker.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.commitmenttracker.common.persistence.BaseEntity;
import org.commitmenttracker.target.Target;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;

/**
 * A reported level of a target as of a date (进展报告). Its creation instant is its recordedAt; once reviewed, its
 * value and date are fixed.
 */
@Entity
@Table(name = "progress_report")
@AttributeOverride(name = "createdAt", column = @Column(name = "recorded_at", nullable = false, updatable = false))
@Audited
public class ProgressReport extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "target_id", nullable = false)
    public Target target;

    @Column(name = "as_of", nullable = false)
    public LocalDate asOf;

    @Column(nullable = false)
    public BigDecimal value;

    public String note;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "evidence_urls", nullable = false)
    public List<String> evidenceUrls = new ArrayList<>();

    @Column(name = "reported_by")
    public String reportedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ReviewStatus status = ReviewStatus.SUBMITTED;

    @Column(name = "review_comment")
    public String reviewComment;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;
}
