package org.commitmenttracker.department;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.commitmenttracker.common.persistence.BaseEntity;
import org.hibernate.envers.Audited;

/** A city department that can be evaluated (被评议部门), e.g. 市教育局; its code is unique. */
@Entity
@Table(name = "department")
@Audited
public class Department extends BaseEntity {

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;
}
