package org.commitmenttracker.round;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What a client sends to create or replace a round. */
@Schema(name = "RoundRequest", description = "An evaluation round (评议批次) as written by a client")
@JsonIgnoreProperties(value = { "id", "version", "createdAt", "updatedAt" }, allowGetters = false)
public record RoundRequest(
        @NotBlank @Size(max = 500) @Schema(examples = "市人大常委会2021年评议工作第一批次", maxLength = 500) String title,
        @NotNull @Min(1949) @Max(2100) @Schema(examples = "2021", minimum = "1949", maximum = "2100") Integer year,
        @NotBlank @Size(max = 200) @Schema(examples = "淄博市人大常委会", maxLength = 200) String issuer,
        @NotNull @Schema(examples = "2021-04-01") LocalDate publishedOn) {

    static RoundRequest from(Round round) {
        return new RoundRequest(round.title, round.year, round.issuer, round.publishedOn);
    }
}
