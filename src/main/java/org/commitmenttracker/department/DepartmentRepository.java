package org.commitmenttracker.department;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commitmenttracker.common.persistence.Where;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class DepartmentRepository implements PanacheRepositoryBase<Department, UUID> {

    PanacheQuery<Department> search(String code, UUID roundId, String q, Sort sort) {
        var where = new Where()
                .and("code = :code", "code", code)
                .and("id in (select c.department.id from Commitment c where c.round.id = :roundId)", "roundId", roundId)
                .contains("q", q, "name", "code");
        return find(where.query(), sort, where.parameters());
    }

    public Optional<Department> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** The oldest department of this name (names are not unique; a letter names departments, not codes). */
    public Optional<Department> findByName(String name) {
        return find("name = ?1 order by createdAt, id", name).firstResultOptional();
    }
}
