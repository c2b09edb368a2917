package org.commitmenttracker.seed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.commitmenttracker.commitment.Measure;
import org.commitmenttracker.commitment.Responsibility;
import org.commitmenttracker.round.RoundRequest;
import org.commitmenttracker.target.Direction;
import org.commitmenttracker.target.MeasureType;

/** The shape of the bundled demo data file: a round, its departments, their commitments, targets and milestones. */
record SeedFile(RoundRequest round, List<SeedDepartment> departments) {

    record SeedDepartment(String code, String name, List<SeedCommitment> commitments) {
    }

    record SeedCommitment(int seq, String title, String problem, String goal, List<Measure> measures,
            String deadlineText, Responsibility responsibility, List<SeedTarget> targets,
            List<SeedMilestone> milestones) {
    }

    /** A target; {@code key} names it for the milestones of the same commitment. */
    record SeedTarget(String key, String name, String unit, MeasureType measure, Direction direction,
            BigDecimal baseline, BigDecimal targetValue, LocalDate startDate, LocalDate dueDate, BigDecimal weight,
            String note) {
    }

    record SeedMilestone(LocalDate dueDate, String description, String targetKey, BigDecimal plannedValue) {
    }
}
