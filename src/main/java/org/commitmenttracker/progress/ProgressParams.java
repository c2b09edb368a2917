package org.commitmenttracker.progress;

import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.ws.rs.QueryParam;

import org.commitmenttracker.common.http.ApiProblem;
import org.commitmenttracker.common.http.Params;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The parameters every progress answer takes: which reports count, and optionally one quarter. */
public class ProgressParams {

    @QueryParam("verifiedOnly")
    @Parameter(description = "Count only VERIFIED reports (default: SUBMITTED and VERIFIED; RETURNED never count)",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    public String verifiedOnly;

    @QueryParam("knownAt")
    @Parameter(description = "Answer as it could have been given on this date: only reports recorded by the end of "
            + "that day (in the service's zone) count", schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String knownAt;

    @QueryParam("quarter")
    @Parameter(description = "Only this quarter's row; it must lie within the series",
            schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{4}-Q[1-4]$", maxLength = 7, examples = "2021-Q3"))
    public String quarter;

    /** The parameters as given, for telling one question from another before they are checked. */
    record Given(String verifiedOnly, String knownAt, String quarter) {
    }

    Given given() {
        return new Given(verifiedOnly, knownAt, quarter);
    }

    Basis basis(ZoneId zone) {
        LocalDate known = Params.date("knownAt", knownAt);
        return new Basis(Params.flag("verifiedOnly", verifiedOnly),
                known == null ? null : known.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** The requested quarter, or null for the whole series. */
    Quarter quarter() {
        return parseQuarter("quarter", quarter);
    }

    static Quarter parseQuarter(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Quarter.parse(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(name, "'" + value.replaceAll("\\p{Cntrl}", "?")
                    + "' is not a quarter such as 2021-Q3 (year, then Q1 to Q4)");
        }
    }
}
