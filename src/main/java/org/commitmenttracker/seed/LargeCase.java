package org.commitmenttracker.seed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.commitmenttracker.commitment.CommitmentRequest;
import org.commitmenttracker.commitment.CommitmentService;
import org.commitmenttracker.common.startup.TrackerConfig;
import org.commitmenttracker.department.DepartmentRequest;
import org.commitmenttracker.department.DepartmentService;
import org.commitmenttracker.report.ProgressReportRequest;
import org.commitmenttracker.report.ProgressReportService;
import org.commitmenttracker.report.ReviewRequest;
import org.commitmenttracker.report.ReviewStatus;
import org.commitmenttracker.round.RoundRepository;
import org.commitmenttracker.round.RoundRequest;
import org.commitmenttracker.round.RoundService;
import org.commitmenttracker.target.CompletionRequest;
import org.commitmenttracker.target.Direction;
import org.commitmenttracker.target.MeasureType;
import org.commitmenttracker.target.MilestoneRequest;
import org.commitmenttracker.target.MilestoneService;
import org.commitmenttracker.target.TargetRequest;
import org.commitmenttracker.target.TargetService;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/**
 * The province-scale case the benchmark and the performance tests run on: with TRACKER_LARGE_CASE_SEED=N the service
 * fills its database on start with one round of 100 departments, 2,000 commitments, 10,000 targets (every measure and
 * direction, with and without baselines and start dates), 20,000 milestones (half planning a target's level, half
 * qualitative, some completed) and 100,000 progress reports over 2021–2022 (some VERIFIED, some RETURNED, some
 * correcting an earlier report of the same date). The same seed gives the same case. Everything goes through the
 * services and their validation, as a client's requests would, one commitment per transaction.
 */
@ApplicationScoped
public class LargeCase {

    /** The sizes of the case; tests build smaller ones with the same shape. */
    public record Size(int departments, int commitmentsPerDepartment, int targetsPerCommitment, int reportsPerTarget) {

        public static final Size PROVINCE = new Size(100, 20, 5, 10);
    }

    /** What was written: the round and how many of each. */
    public record Written(UUID roundId, int departments, int commitments, int targets, int milestones, int reports) {
    }

    private static final Logger LOG = Logger.getLogger(LargeCase.class);
    private static final LocalDate FIRST_DAY = LocalDate.of(2021, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2022, 12, 31);
    private static final BigDecimal[] WEIGHTS = { BigDecimal.ONE, new BigDecimal("2"), new BigDecimal("0.5"),
            new BigDecimal("1.5") };

    private final TrackerConfig config;
    private final Validator validator;
    private final RoundRepository rounds;
    private final RoundService roundService;
    private final DepartmentService departmentService;
    private final CommitmentService commitmentService;
    private final TargetService targetService;
    private final MilestoneService milestoneService;
    private final ProgressReportService reportService;
    private final CurrentIdentityAssociation identity;

    /**
     * Who writes the case: the services take the caller from the security identity (history, reportedBy, no
     * self-review), so the generator files as one subject and reviews as another, as two people would.
     */
    private static final SecurityIdentity FILER = named("large-case-filer");
    private static final SecurityIdentity REVIEWER = named("large-case-reviewer");

    private static SecurityIdentity named(String subject) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(subject)).build();
    }

    LargeCase(TrackerConfig config, Validator validator, RoundRepository rounds, RoundService roundService,
            DepartmentService departmentService, CommitmentService commitmentService, TargetService targetService,
            MilestoneService milestoneService, ProgressReportService reportService,
            CurrentIdentityAssociation identity) {
        this.config = config;
        this.validator = validator;
        this.rounds = rounds;
        this.roundService = roundService;
        this.departmentService = departmentService;
        this.commitmentService = commitmentService;
        this.targetService = targetService;
        this.milestoneService = milestoneService;
        this.reportService = reportService;
        this.identity = identity;
    }

    @ActivateRequestContext
    void onStart(@Observes StartupEvent event) {
        config.largeCase().seed().ifPresent(seed -> {
            var title = title(seed);
            if (QuarkusTransaction.requiringNew().call(() -> rounds.findByYearTitleIssuer(2021, title, ISSUER))
                    .isPresent()) {
                LOG.infof("Large case %s is already loaded; nothing to do", title);
                return;
            }
            long start = System.nanoTime();
            var written = write(seed, Size.PROVINCE);
            LOG.infof("Large case loaded in %d s: round %s, %d departments, %d commitments, %d targets, "
                    + "%d milestones, %d progress reports", (System.nanoTime() - start) / 1_000_000_000L,
                    written.roundId(), written.departments(), written.commitments(), written.targets(),
                    written.milestones(), written.reports());
        });
    }

    private static final String ISSUER = "省人大常委会";

    static String title(long seed) {
        return "全省评议工作大规模批次 (seed " + seed + ")";
    }

    /**
     * Writes a case of {@code size} generated from {@code seed}; department codes carry the seed to stay unique. Each
     * commitment with its targets, milestones and reports is one transaction: small enough that flushing stays cheap.
     */
    @ActivateRequestContext
    public Written write(long seed, Size size) {
        identity.setIdentity(FILER);
        var random = new Random(seed);
        var roundId = QuarkusTransaction.requiringNew().call(() -> roundService.create(valid(new RoundRequest(
                title(seed), 2021, ISSUER, LocalDate.of(2021, 1, 15)))).id());
        var counts = new int[3];
        for (int d = 0; d < size.departments(); d++) {
            var request = new DepartmentRequest("lc" + Long.toString(seed, 36) + "-" + d, "大规模测试局" + d);
            var departmentId = QuarkusTransaction.requiringNew().call(() -> departmentService.create(valid(request))
                    .id());
            for (int seq = 1; seq <= size.commitmentsPerDepartment(); seq++) {
                var commitment = new CommitmentRequest(roundId, departmentId, seq, "第" + d + "局问题" + seq,
                        "问题描述 " + d + "-" + seq, "整改目标 " + d + "-" + seq, List.of(), "2022年底前", null);
                QuarkusTransaction.requiringNew().run(() -> writeCommitment(random, commitment, size, counts));
            }
        }
        return new Written(roundId, size.departments(), size.departments() * size.commitmentsPerDepartment(),
                counts[0], counts[1], counts[2]);
    }

    /** One commitment, its targets, a planned and a qualitative milestone per target, and the targets' reports. */
    private void writeCommitment(Random random, CommitmentRequest request, Size size, int[] counts) {
        var commitmentId = commitmentService.create(valid(request)).id();
        for (int i = 0; i < size.targetsPerCommitment(); i++) {
            var t = target(random, commitmentId, counts[0]++);
            var targetId = targetService.create(valid(t)).id();
            milestoneService.create(valid(plannedMilestone(random, commitmentId, targetId, t)));
            var due = date(random, LocalDate.of(2021, 3, 1), LAST_DAY);
            var qualitative = milestoneService.create(valid(new MilestoneRequest(commitmentId, null, due,
                    "阶段性工作 " + due, null)));
            counts[1] += 2;
            if (random.nextInt(2) == 0) {
                var completedOn = due.plusDays(random.nextInt(61) - 30);
                milestoneService.complete(qualitative.id(), new CompletionRequest(completedOn),
                        quoted(qualitative.version()));
            }
            for (var r : reports(random, targetId, t, size.reportsPerTarget())) {
                identity.setIdentity(FILER);
                var view = reportService.create(valid(r));
                int review = random.nextInt(20);
                identity.setIdentity(REVIEWER);
                if (review < 6) {
                    reportService.review(view.id(), new ReviewRequest(ReviewStatus.VERIFIED, null),
                            quoted(view.version()));
                } else if (review == 6) {
                    reportService.review(view.id(), new ReviewRequest(ReviewStatus.RETURNED, "请补充证明材料"),
                            quoted(view.version()));
                }
                counts[2]++;
            }
        }
    }

    private static TargetRequest target(Random random, UUID commitmentId, int n) {
        var measure = MeasureType.values()[n % 3];
        var direction = measure == MeasureType.BOOLEAN || random.nextInt(10) < 7 ? Direction.INCREASE
                : Direction.DECREASE;
        BigDecimal baseline;
        BigDecimal targetValue;
        switch (measure) {
            case BOOLEAN -> {
                baseline = random.nextBoolean() ? BigDecimal.ZERO : null;
                targetValue = BigDecimal.ONE;
            }
            case PERCENT -> {
                int b = random.nextInt(60);
                baseline = random.nextInt(10) < 4 ? null : BigDecimal.valueOf(direction == Direction.INCREASE ? b
                        : 40 + b);
                targetValue = BigDecimal.valueOf(direction == Direction.INCREASE ? b + 1 + random.nextInt(100 - b)
                        : random.nextInt(40));
            }
            default -> {
                int b = random.nextInt(500);
                baseline = random.nextInt(10) < 4 ? null : BigDecimal.valueOf(direction == Direction.INCREASE ? b
                        : 1000 + b);
                targetValue = direction == Direction.INCREASE
                        ? BigDecimal.valueOf(b + 10 + random.nextInt(2000))
                        : BigDecimal.valueOf(10 + random.nextInt(900));
            }
        }
        var startDate = random.nextInt(10) < 3 ? null : date(random, FIRST_DAY, LocalDate.of(2021, 6, 30));
        var dueDate = date(random, LocalDate.of(2021, 9, 30), LAST_DAY);
        return new TargetRequest(commitmentId, "大规模指标" + n, measure == MeasureType.PERCENT ? "%" : "项", measure,
                direction, baseline, targetValue, startDate, dueDate, WEIGHTS[random.nextInt(WEIGHTS.length)], null,
                null);
    }

    private static MilestoneRequest plannedMilestone(Random random, UUID commitmentId, UUID targetId,
            TargetRequest t) {
        var from = t.startDate() == null ? LocalDate.of(2021, 1, 15) : t.startDate();
        // Before the target's own due date, on which the full target value is owed whatever a milestone says.
        var due = date(random, from, t.dueDate().minusDays(1));
        return new MilestoneRequest(commitmentId, targetId, due, "阶段目标 " + due, between(random, t, 0.3, 0.7));
    }

    /** Levels moving from the baseline towards the target value, some overshooting, some going back. */
    private static List<ProgressReportRequest> reports(Random random, UUID targetId, TargetRequest t, int count) {
        var dates = new ArrayList<LocalDate>();
        for (int i = 0; i < count; i++) {
            // Now and then a correction: a second report for a date already reported.
            dates.add(i > 0 && random.nextInt(20) == 0 ? dates.get(i - 1) : date(random, FIRST_DAY, LAST_DAY));
        }
        dates.sort(null);
        var requests = new ArrayList<ProgressReportRequest>();
        for (int i = 0; i < count; i++) {
            double share = (i + 1.0) / count * (0.6 + random.nextDouble() * 0.6);
            requests.add(new ProgressReportRequest(targetId, dates.get(i), between(random, t, share, share), null,
                    List.of()));
        }
        return requests;
    }

    /** A level between {@code low} and {@code high} of the way from the baseline to the target value. */
    private static BigDecimal between(Random random, TargetRequest t, double low, double high) {
        double share = low + random.nextDouble() * (high - low);
        if (t.measure() == MeasureType.BOOLEAN) {
            return share >= 0.8 ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        double from = t.baseline() == null ? (t.direction() == Direction.INCREASE ? 0 : t.targetValue().doubleValue()
                * 3) : t.baseline().doubleValue();
        double level = from + (t.targetValue().doubleValue() - from) * share;
        if (t.measure() == MeasureType.PERCENT) {
            level = Math.max(0, Math.min(100, level));
        }
        return BigDecimal.valueOf(Math.round(Math.max(0, level) * 10) / 10.0).stripTrailingZeros();
    }

    private static LocalDate date(Random random, LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        return days <= 0 ? from : from.plusDays(random.nextLong(days + 1));
    }

    private static String quoted(long version) {
        return "\"" + version + "\"";
    }

    private <T> T valid(T request) {
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException("invalid large-case data: " + violations, violations);
        }
        return request;
    }
}
