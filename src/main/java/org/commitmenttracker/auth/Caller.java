package org.commitmenttracker.auth;

import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;

import org.commitmenttracker.common.http.ApiProblem;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, from the verified token: its subject, roles and department. The object-level rules that roles
 * alone cannot express live here, each in one method that the services call where the object is known.
 */
@RequestScoped
public class Caller {

    /** The token claim naming the code of the department a reporter acts for. */
    public static final String DEPARTMENT_CLAIM = "department";

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The token's subject (also the principal's name, see SubjectPrincipal). */
    public String subject() {
        return identity.getPrincipal().getName();
    }

    /** The code of the department the token names, if any. */
    public Optional<String> department() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object claim = token.getClaim(DEPARTMENT_CLAIM);
            if (claim instanceof JsonString json) {
                return Optional.of(json.getString());
            }
            if (claim instanceof String text) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    /**
     * A reporter acts only for its own department: writing, completing or reviewing anything of another department is
     * refused. A caller without the reporter role is not bound to a department (its role already limits it).
     */
    public void requireDepartment(String departmentCode) {
        if (!identity.hasRole(Roles.REPORTER)) {
            return;
        }
        var own = department().orElseThrow(() -> ApiProblem.forbidden(
                "the token has the reporter role but no '" + DEPARTMENT_CLAIM + "' claim naming its department"));
        if (!own.equals(departmentCode)) {
            throw ApiProblem.forbidden("a reporter of department " + own
                    + " cannot write for department " + departmentCode);
        }
    }

    /** Nobody reviews a report that they filed or last corrected themselves. */
    public void requireNotFiler(String reportedBy) {
        if (Objects.equals(reportedBy, subject())) {
            throw ApiProblem.forbidden("this report was filed by " + reportedBy
                    + "; a report is reviewed by someone else than the one who filed it");
        }
    }

    /**
     * Whose an Idempotency-Key is: the subject, with the department it acted for, so that a key names one request of
     * one caller and a replay is never answered to a caller that the request itself would refuse.
     */
    public String idempotencyOwner() {
        return subject() + department().map(code -> " of " + code).orElse("");
    }
}
