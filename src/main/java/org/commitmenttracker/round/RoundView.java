package org.commitmenttracker.round;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A round as the API shows it. */
@Schema(name = "Round", description = "An evaluation round (评议批次)")
public record RoundView(
        @Schema(examples = "0190f3a2-6c1e-7b2a-9d40-3f5e8a1b2c3d") UUID id,
        @Schema(examples = "市人大常委会2021年评议工作第一批次", maxLength = 500) String title,
        @Schema(examples = "2021", minimum = "1949", maximum = "2100") int year,
        @Schema(examples = "淄博市人大常委会", maxLength = 200) String issuer,
        @Schema(examples = "2021-04-01") LocalDate publishedOn,
        @Schema(description = "Changes with every update; also the ETag", examples = "0", minimum = "0", maximum = "9223372036854775807") long version,
        Instant createdAt,
        Instant updatedAt) {

    static RoundView from(Round round) {
        return new RoundView(round.id, round.title, round.year, round.issuer, round.publishedOn, round.version,
                round.createdAt, round.updatedAt);
    }
}
