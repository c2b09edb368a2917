package org.commitmenttracker.round;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commitmenttracker.common.persistence.Where;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class RoundRepository implements PanacheRepositoryBase<Round, UUID> {

    PanacheQuery<Round> search(Integer year, String q, Sort sort) {
        var where = new Where()
                .and("year = :year", "year", year)
                .contains("q", q, "title", "issuer");
        return find(where.query(), sort, where.parameters());
    }

    public Optional<Round> findByYearTitleIssuer(int year, String title, String issuer) {
        return find("year = ?1 and title = ?2 and issuer = ?3", year, title, issuer).firstResultOptional();
    }
}
