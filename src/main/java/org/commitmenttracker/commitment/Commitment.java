package org.commitmenttracker.commitment;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.commitmenttracker.common.persistence.BaseEntity;
import org.commitmenttracker.department.Department;
import org.commitmenttracker.round.Round;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;

/** One problem (突出问题) a department committed to fix in a round, with its goal, measures and who answers for it. */
@Entity
@Table(name = "commitment")
@Audited
public class Commitment extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "round_id", nullable = false)
    public Round round;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "department_id", nullable = false)
    public Department department;

    @Column(nullable = false)
    public int seq;

    @Column(nullable = false)
    public String title;

    public String problem;

    public String goal;

    @Column(name = "deadline_text")
    public String deadlineText;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Measure> measures = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Responsibility responsibility = Responsibility.NONE;

    /** Everything the q filter searches, lower-cased, kept in step with the fields above on every write. */
    @Column(name = "search_text", nullable = false)
    public String searchText;
}
