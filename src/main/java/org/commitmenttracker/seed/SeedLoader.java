package org.commitmenttracker.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.commitmenttracker.commitment.CommitmentRequest;
import org.commitmenttracker.commitment.CommitmentService;
import org.commitmenttracker.common.startup.TrackerConfig;
import org.commitmenttracker.department.DepartmentRepository;
import org.commitmenttracker.department.DepartmentRequest;
import org.commitmenttracker.department.DepartmentService;
import org.commitmenttracker.round.RoundRepository;
import org.commitmenttracker.round.RoundService;
import org.commitmenttracker.target.MilestoneRequest;
import org.commitmenttracker.target.MilestoneService;
import org.commitmenttracker.target.TargetRequest;
import org.commitmenttracker.target.TargetService;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.runtime.StartupEvent;

/**
 * Loads the bundled demo round (the Zibo 2021 letters) on start, through the same services and validation as the
 * API. It writes nothing when the round is already there, all or nothing otherwise, and can be switched off with
 * TRACKER_SEED_ENABLED=false.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);
    /** Serialises concurrent starts of several instances on one database. */
    private static final long LOCK_KEY = 0x5eed_2021L;

    private final TrackerConfig config;
    private final Validator validator;
    private final EntityManager em;
    private final RoundRepository rounds;
    private final DepartmentRepository departments;
    private final RoundService roundService;
    private final DepartmentService departmentService;
    private final CommitmentService commitmentService;
    private final TargetService targetService;
    private final MilestoneService milestoneService;

    SeedLoader(TrackerConfig config, Validator validator, EntityManager em, RoundRepository rounds,
            DepartmentRepository departments, RoundService roundService, DepartmentService departmentService,
            CommitmentService commitmentService, TargetService targetService, MilestoneService milestoneService) {
        this.config = config;
        this.validator = validator;
        this.em = em;
        this.rounds = rounds;
        this.departments = departments;
        this.roundService = roundService;
        this.departmentService = departmentService;
        this.commitmentService = commitmentService;
        this.targetService = targetService;
        this.milestoneService = milestoneService;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.seed().enabled()) {
            load(read(config.seed().resource()));
        }
    }

    static SeedFile read(String resource) {
        var mapper = YAMLMapper.builder().findAndAddModules()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("seed resource " + resource + " is not on the classpath");
            }
            return mapper.readValue(in, SeedFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed resource " + resource, e);
        }
    }

    /** Loads {@code seed} unless its round exists; returns whether anything was written. */
    @Transactional
    public boolean load(SeedFile seed) {
        em.createNativeQuery("select pg_advisory_xact_lock(:key)").setParameter("key", LOCK_KEY).getSingleResult();
        var r = seed.round();
        if (rounds.findByYearTitleIssuer(r.year(), r.title(), r.issuer()).isPresent()) {
            LOG.infof("Demo round %s is already loaded; nothing to do", r.title());
            return false;
        }
        UUID roundId = roundService.create(valid(r)).id();
        int commitments = 0;
        int targets = 0;
        int milestones = 0;
        for (var d : seed.departments()) {
            var existing = departments.findByCode(d.code());
            UUID departmentId = existing.isPresent() ? existing.get().id
                    : departmentService.create(valid(new DepartmentRequest(d.code(), d.name()))).id();
            for (var c : d.commitments()) {
                UUID commitmentId = commitmentService.create(valid(new CommitmentRequest(roundId, departmentId, c.seq(),
                        c.title(), c.problem(), c.goal(), c.measures(), c.deadlineText(), c.responsibility()))).id();
                commitments++;
                var targetIds = new HashMap<String, UUID>();
                for (var t : nullSafe(c.targets())) {
                    var id = targetService.create(valid(new TargetRequest(commitmentId, t.name(), t.unit(), t.measure(),
                            t.direction(), t.baseline(), t.targetValue(), t.startDate(), t.dueDate(), t.weight(),
                            t.note(), null))).id();
                    if (targetIds.put(t.key(), id) != null) {
                        throw new IllegalStateException("seed target key " + t.key() + " is used twice");
                    }
                    targets++;
                }
                for (var m : nullSafe(c.milestones())) {
                    UUID targetId = null;
                    if (m.targetKey() != null) {
                        targetId = targetIds.get(m.targetKey());
                        if (targetId == null) {
                            throw new IllegalStateException("seed milestone names unknown target " + m.targetKey());
                        }
                    }
                    milestoneService.create(valid(new MilestoneRequest(commitmentId, targetId, m.dueDate(),
                            m.description(), m.plannedValue())));
                    milestones++;
                }
            }
        }
        LOG.infof("Loaded demo round %s: %d departments, %d commitments, %d targets, %d milestones", r.title(),
                seed.departments().size(), commitments, targets, milestones);
        return true;
    }

    private <T> T valid(T request) {
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException("invalid seed data: " + violations, violations);
        }
        return request;
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
