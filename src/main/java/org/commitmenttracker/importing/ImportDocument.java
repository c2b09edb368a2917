package org.commitmenttracker.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.commitmenttracker.commitment.Responsibility;
import org.commitmenttracker.target.Direction;
import org.commitmenttracker.target.MeasureType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A letter as the import understood it: the preview the service answers, the document an analyst edits and posts
 * back, and (with ids filled in) the answer to a commit. {@code line} and {@code source} say where each item came
 * from; they and {@code warnings} are ignored on commit. The fields of each part are those of the matching API
 * request (RoundRequest, DepartmentRequest, CommitmentRequest, TargetRequest, MilestoneRequest), validated by the
 * same rules when committed.
 */
@Schema(name = "ImportDocument", description = "A commitment letter as read by the import: preview, edited preview, or committed result")
public record ImportDocument(
        @NotNull @Valid @Schema(description = "The round the letter is imported into") RoundDraft round,
        @NotNull @Size(max = 100) @Schema(description = "One per department heading of the letter") List<@NotNull @Valid DepartmentDraft> departments,
        @Size(max = 10000) @Schema(description = "What the import could not read, by line; ignored on commit") List<@NotNull Warning> warnings) {

    public ImportDocument {
        departments = departments == null ? List.of() : departments;
        warnings = warnings == null ? List.of() : warnings;
    }

    /** The round: {@code id} of an existing one, or the fields of a new one (an existing round with the same year, title and issuer is reused). */
    @Schema(name = "ImportRound")
    public record RoundDraft(
            @Schema(description = "An existing round; null for a new one") UUID id,
            @Size(max = 500) String title,
            @Min(1949) @Max(2100) @Schema(minimum = "1949", maximum = "2100") Integer year,
            @Size(max = 200) String issuer,
            LocalDate publishedOn) {
    }

    /** A department heading: matched to an existing department by name ({@code id} set) or new (created with {@code code}). */
    @Schema(name = "ImportDepartment")
    public record DepartmentDraft(
            @Schema(description = "The existing department of this name; null creates one") UUID id,
            @Size(max = 32) @Schema(description = "Code of a new department; proposed from the name, edit at will", examples = "imp-3f2a9c1b") String code,
            @Size(max = 200) @Schema(examples = "市教育局") String name,
            @Size(max = 200) List<@NotNull @Valid CommitmentDraft> commitments,
            @Min(1) @Max(1000000) @Schema(description = "Line of the letter it came from", minimum = "1", maximum = "1000000") Integer line,
            @Size(max = 10000) @Schema(description = "The sentence it came from", maxLength = 10000) String source) {

        public DepartmentDraft {
            commitments = commitments == null ? List.of() : commitments;
        }
    }

    /** One problem (一、二、…) with its goal, measures, deadline text, responsibility chain, targets and milestones. */
    @Schema(name = "ImportCommitment")
    public record CommitmentDraft(
            UUID id,
            @Min(1) @Max(999) @Schema(minimum = "1", maximum = "999") Integer seq,
            @Size(max = 500) @Schema(maxLength = 500) String title,
            @Size(max = 50000) @Schema(maxLength = 50000) String problem,
            @Size(max = 50000) @Schema(maxLength = 50000) String goal,
            @Size(max = 200) List<@NotNull @Valid MeasureDraft> measures,
            @Size(max = 50000) @Schema(maxLength = 50000) String deadlineText,
            Responsibility responsibility,
            @Size(max = 500) List<@NotNull @Valid TargetDraft> targets,
            @Size(max = 500) List<@NotNull @Valid MilestoneDraft> milestones,
            @Min(1) @Max(1000000) @Schema(description = "Line of the letter it came from", minimum = "1", maximum = "1000000") Integer line,
            @Size(max = 10000) @Schema(description = "The sentence it came from", maxLength = 10000) String source) {

        public CommitmentDraft {
            measures = measures == null ? List.of() : measures;
            targets = targets == null ? List.of() : targets;
            milestones = milestones == null ? List.of() : milestones;
        }
    }

    /** A numbered measure; {@code deadline} is its own date when the letter gives it one. */
    @Schema(name = "ImportMeasure")
    public record MeasureDraft(
            @Min(1) @Max(999) @Schema(minimum = "1", maximum = "999") Integer seq,
            @Size(max = 500) @Schema(maxLength = 500) String title,
            @Size(max = 20000) @Schema(maxLength = 20000) String text,
            LocalDate deadline,
            @Min(1) @Max(1000000) @Schema(description = "Line of the letter it came from", minimum = "1", maximum = "1000000") Integer line,
            @Size(max = 10000) @Schema(description = "The sentence it came from", maxLength = 10000) String source) {
    }

    /**
     * A candidate target. {@code key} names it for the milestones of the same commitment; {@code review} says why a
     * person should check it (a per-unit figure, a range) and is not stored.
     */
    @Schema(name = "ImportTarget")
    public record TargetDraft(
            UUID id,
            @Size(max = 50) @Schema(examples = "t1") String key,
            @Size(max = 200) @Schema(maxLength = 200) String name,
            @Size(max = 20) @Schema(maxLength = 20) String unit,
            MeasureType measure,
            Direction direction,
            BigDecimal baseline,
            BigDecimal targetValue,
            LocalDate startDate,
            LocalDate dueDate,
            BigDecimal weight,
            @Size(max = 5000) @Schema(maxLength = 5000) String note,
            @Size(max = 1000) @Schema(description = "Why a person should check this target before committing; null when it was read plainly", maxLength = 1000) String review,
            @Min(1) @Max(1000000) @Schema(description = "Line of the letter it came from", minimum = "1", maximum = "1000000") Integer line,
            @Size(max = 10000) @Schema(description = "The sentence it came from", maxLength = 10000) String source) {
    }

    /** A dated step; {@code targetKey} names the target whose level {@code plannedValue} plans. */
    @Schema(name = "ImportMilestone")
    public record MilestoneDraft(
            UUID id,
            LocalDate dueDate,
            @Size(max = 5000) @Schema(maxLength = 5000) String description,
            @Size(max = 50) String targetKey,
            BigDecimal plannedValue,
            @Min(1) @Max(1000000) @Schema(description = "Line of the letter it came from", minimum = "1", maximum = "1000000") Integer line,
            @Size(max = 10000) @Schema(description = "The sentence it came from", maxLength = 10000) String source) {
    }

    /** A line the import could not (fully) read, and why. */
    @Schema(name = "ImportWarning")
    public record Warning(
            @Min(1) @Max(1000000) @Schema(description = "Line of the letter it came from", minimum = "1", maximum = "1000000") Integer line,
            @Size(max = 10000) @Schema(description = "The text it could not read", maxLength = 10000) String text,
            @Size(max = 1000) @Schema(maxLength = 1000) String why) {
    }
}
