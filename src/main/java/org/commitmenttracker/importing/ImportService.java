package org.commitmenttracker.importing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import org.commitmenttracker.commitment.CommitmentRepository;
import org.commitmenttracker.commitment.CommitmentRequest;
import org.commitmenttracker.commitment.CommitmentService;
import org.commitmenttracker.commitment.Measure;
import org.commitmenttracker.common.http.ApiProblem;
import org.commitmenttracker.common.http.Violation;
import org.commitmenttracker.department.DepartmentRepository;
import org.commitmenttracker.department.DepartmentRequest;
import org.commitmenttracker.department.DepartmentService;
import org.commitmenttracker.importing.ImportDocument.CommitmentDraft;
import org.commitmenttracker.importing.ImportDocument.DepartmentDraft;
import org.commitmenttracker.importing.ImportDocument.MilestoneDraft;
import org.commitmenttracker.importing.ImportDocument.RoundDraft;
import org.commitmenttracker.importing.ImportDocument.TargetDraft;
import org.commitmenttracker.importing.ImportDocument.Warning;
import org.commitmenttracker.round.RoundRepository;
import org.commitmenttracker.round.RoundRequest;
import org.commitmenttracker.round.RoundService;
import org.commitmenttracker.target.MilestoneRequest;
import org.commitmenttracker.target.MilestoneService;
import org.commitmenttracker.target.TargetRequest;
import org.commitmenttracker.target.TargetService;

/**
 * Imports commitment letters: reads one into a preview (writing nothing), and commits a preview — as read, or as an
 * analyst edited it — in one transaction through the services and validation of the API, so that any refusal leaves
 * nothing behind. A letter whose problems a round already holds for a department is refused with 409: importing the
 * same letter into the same round twice creates nothing.
 */
@ApplicationScoped
public class ImportService {

    /** How a preview's warning about a problem the round already holds begins. */
    private static final String DUPLICATE = "already imported";

    private final Validator validator;
    private final RoundRepository rounds;
    private final DepartmentRepository departments;
    private final CommitmentRepository commitments;
    private final RoundService roundService;
    private final DepartmentService departmentService;
    private final CommitmentService commitmentService;
    private final TargetService targetService;
    private final MilestoneService milestoneService;

    ImportService(Validator validator, RoundRepository rounds, DepartmentRepository departments,
            CommitmentRepository commitments, RoundService roundService, DepartmentService departmentService,
            CommitmentService commitmentService, TargetService targetService, MilestoneService milestoneService) {
        this.validator = validator;
        this.rounds = rounds;
        this.departments = departments;
        this.commitments = commitments;
        this.roundService = roundService;
        this.departmentService = departmentService;
        this.commitmentService = commitmentService;
        this.targetService = targetService;
        this.milestoneService = milestoneService;
    }

    /**
     * The preview of {@code text} for {@code round} (an existing round's id, or a new round's fields named as query
     * parameters): departments matched by name, every item with its line, and the warnings.
     */
    @Transactional
    public ImportDocument read(String text, RoundDraft round) {
        var resolved = resolve(round, "");
        var letter = LetterParser.parse(text, resolved.year());
        return annotate(new ImportDocument(resolved, letter.departments(), letter.warnings()));
    }

    /** A posted preview checked again: departments matched by name, duplicates warned about; nothing written. */
    @Transactional
    public ImportDocument check(ImportDocument document) {
        var round = resolve(document.round(), "round.");
        var warnings = new ArrayList<Warning>();
        for (var w : document.warnings()) {
            if (!w.why().startsWith(DUPLICATE)) {
                warnings.add(w);
            }
        }
        return annotate(new ImportDocument(round, document.departments(), warnings));
    }

    /** A committed letter: the document with the ids of everything written, and the version of its round (ETag). */
    public record Committed(ImportDocument document, long roundVersion) {
    }

    /** Writes {@code document} in one transaction and answers it with the ids of everything written. */
    @Transactional
    public Committed commit(ImportDocument document) {
        var violations = new ArrayList<Violation>();
        checkShape(document, violations);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        var round = resolve(document.round(), "round.");
        var roundView = round.id() != null ? roundService.get(round.id())
                : roundService.create(valid(new RoundRequest(round.title(), round.year(), round.issuer(),
                        round.publishedOn()), "round."));
        var roundId = roundView.id();
        var duplicates = new ArrayList<String>();
        var departmentIds = new ArrayList<UUID>();
        for (int d = 0; d < document.departments().size(); d++) {
            var department = document.departments().get(d);
            var id = departmentId(department, "departments[" + d + "].");
            departmentIds.add(id);
            if (id != null) {
                for (var c : department.commitments()) {
                    if (c.seq() != null && commitments.exists(roundId, id, c.seq())) {
                        duplicates.add(department.name() + " " + c.seq());
                    }
                }
            }
        }
        if (!duplicates.isEmpty()) {
            throw ApiProblem.conflict("the round already holds these problems (department and seq): "
                    + String.join(", ", duplicates) + "; was this letter imported before? Nothing was written");
        }
        var written = new ArrayList<DepartmentDraft>();
        for (int d = 0; d < document.departments().size(); d++) {
            var department = document.departments().get(d);
            var path = "departments[" + d + "].";
            var id = departmentIds.get(d);
            if (id == null) {
                id = departmentService.create(valid(new DepartmentRequest(department.code(), department.name()), path))
                        .id();
            }
            var drafts = new ArrayList<CommitmentDraft>();
            for (int c = 0; c < department.commitments().size(); c++) {
                drafts.add(write(roundId, id, department.commitments().get(c), path + "commitments[" + c + "]."));
            }
            written.add(new DepartmentDraft(id, department.code(), department.name(), drafts, department.line(),
                    department.source()));
        }
        return new Committed(new ImportDocument(new RoundDraft(roundId, round.title(), round.year(), round.issuer(),
                round.publishedOn()), written, List.of()), roundView.version());
    }

    private CommitmentDraft write(UUID roundId, UUID departmentId, CommitmentDraft c, String path) {
        var measures = c.measures().stream().map(m -> new Measure(m.seq(), m.title(), m.text(), m.deadline())).toList();
        var commitmentId = call(path, () -> commitmentService.create(valid(new CommitmentRequest(roundId, departmentId,
                c.seq(), c.title(), c.problem(), c.goal(), measures, c.deadlineText(), c.responsibility()), path)).id());
        var targetIds = new HashMap<String, UUID>();
        var targets = new ArrayList<TargetDraft>();
        for (int i = 0; i < c.targets().size(); i++) {
            var t = c.targets().get(i);
            var at = path + "targets[" + i + "].";
            var id = call(at, () -> targetService.create(valid(new TargetRequest(commitmentId, t.name(), t.unit(),
                    t.measure(), t.direction(), t.baseline(), t.targetValue(), t.startDate(), t.dueDate(), t.weight(),
                    t.note(), null), at)).id());
            if (t.key() != null) {
                targetIds.put(t.key(), id);
            }
            targets.add(new TargetDraft(id, t.key(), t.name(), t.unit(), t.measure(), t.direction(), t.baseline(),
                    t.targetValue(), t.startDate(), t.dueDate(), t.weight(), t.note(), t.review(), t.line(),
                    t.source()));
        }
        var milestones = new ArrayList<MilestoneDraft>();
        for (int i = 0; i < c.milestones().size(); i++) {
            var m = c.milestones().get(i);
            var at = path + "milestones[" + i + "].";
            var targetId = m.targetKey() == null ? null : targetIds.get(m.targetKey());
            var id = call(at, () -> milestoneService.create(valid(new MilestoneRequest(commitmentId, targetId,
                    m.dueDate(), m.description(), m.plannedValue()), at)).id());
            milestones.add(new MilestoneDraft(id, m.dueDate(), m.description(), m.targetKey(), m.plannedValue(),
                    m.line(), m.source()));
        }
        return new CommitmentDraft(commitmentId, c.seq(), c.title(), c.problem(), c.goal(), c.measures(),
                c.deadlineText(), c.responsibility(), targets, milestones, c.line(), c.source());
    }

    /** What the services cannot see: something to write, unique target keys, milestones naming known targets. */
    private static void checkShape(ImportDocument document, List<Violation> violations) {
        if (document.departments().stream().allMatch(d -> d.commitments().isEmpty())) {
            violations.add(new Violation("departments", "nothing to import: no department with a problem"));
        }
        for (int d = 0; d < document.departments().size(); d++) {
            var department = document.departments().get(d);
            var seqs = new HashSet<Integer>();
            for (int c = 0; c < department.commitments().size(); c++) {
                var commitment = department.commitments().get(c);
                var path = "departments[" + d + "].commitments[" + c + "].";
                if (commitment.seq() != null && !seqs.add(commitment.seq())) {
                    violations.add(new Violation(path + "seq", "another problem of this department has seq "
                            + commitment.seq()));
                }
                var keys = new HashSet<String>();
                for (int t = 0; t < commitment.targets().size(); t++) {
                    var key = commitment.targets().get(t).key();
                    if (key != null && !keys.add(key)) {
                        violations.add(new Violation(path + "targets[" + t + "].key", "another target has key " + key));
                    }
                }
                for (int m = 0; m < commitment.milestones().size(); m++) {
                    var key = commitment.milestones().get(m).targetKey();
                    if (key != null && !keys.contains(key)) {
                        violations.add(new Violation(path + "milestones[" + m + "].targetKey",
                                "no target of this problem has key " + key));
                    }
                }
            }
        }
    }

    /** Matches departments to stored ones by name, proposes codes for new ones, and warns about duplicates. */
    private ImportDocument annotate(ImportDocument document) {
        var warnings = new ArrayList<>(document.warnings());
        var annotated = new ArrayList<DepartmentDraft>();
        for (var d : document.departments()) {
            var id = d.id();
            if (id == null && d.name() != null && !d.name().isBlank()) {
                id = departments.findByName(d.name().strip()).map(found -> found.id).orElse(null);
            }
            var code = d.code();
            if (code == null && id != null) {
                code = departments.findByIdOptional(id).map(found -> found.code).orElse(null);
            } else if (code == null && d.name() != null) {
                code = proposedCode(d.name());
            }
            if (id != null && document.round().id() != null) {
                for (var c : d.commitments()) {
                    if (c.seq() != null && commitments.exists(document.round().id(), id, c.seq())) {
                        warnings.add(new Warning(c.line(), c.source(), DUPLICATE + ": the round already holds problem "
                                + c.seq() + " of " + d.name() + "; committing will be refused (409)"));
                    }
                }
            }
            annotated.add(new DepartmentDraft(id, code, d.name(), d.commitments(), d.line(), d.source()));
        }
        return new ImportDocument(document.round(), annotated, warnings);
    }

    /** The same name always proposes the same code, so a preview read twice reads alike. */
    private static String proposedCode(String name) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(name.strip().getBytes(StandardCharsets.UTF_8));
            return "imp-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The round a letter goes into: an existing one by id, else the stored round with the same year, title and
     * issuer, else a new one (id null) whose fields must make a valid round.
     */
    private RoundDraft resolve(RoundDraft round, String path) {
        if (round.id() != null) {
            var found = rounds.findByIdOptional(round.id())
                    .orElseThrow(() -> ApiProblem.invalid(path.isEmpty() ? "roundId" : path + "id",
                            "no round with id " + round.id()));
            return new RoundDraft(found.id, found.title, found.year, found.issuer, found.publishedOn);
        }
        valid(new RoundRequest(round.title(), round.year(), round.issuer(), round.publishedOn()), path);
        return rounds.findByYearTitleIssuer(round.year(), round.title().strip(), round.issuer().strip())
                .map(found -> new RoundDraft(found.id, found.title, found.year, found.issuer, found.publishedOn))
                .orElse(new RoundDraft(null, round.title().strip(), round.year(), round.issuer().strip(),
                        round.publishedOn()));
    }

    private UUID departmentId(DepartmentDraft department, String path) {
        if (department.id() != null) {
            if (departments.findByIdOptional(department.id()).isEmpty()) {
                throw ApiProblem.invalid(path + "id", "no department with id " + department.id());
            }
            return department.id();
        }
        if (department.name() == null || department.name().isBlank()) {
            return null;
        }
        return departments.findByName(department.name().strip()).map(found -> found.id).orElse(null);
    }

    /** {@code request} if it passes its Bean Validation rules; else a 400 naming each field under {@code path}. */
    private <T> T valid(T request, String path) {
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations.stream()
                    .map(v -> new Violation(path + v.getPropertyPath().toString().replaceAll("\\.<[^>]*>", ""),
                            v.getMessage()))
                    .sorted((a, b) -> a.field().compareTo(b.field()))
                    .toList());
        }
        return request;
    }

    /** Runs a service call, placing the fields of its validation failures under {@code path}. */
    private static <T> T call(String path, Supplier<T> action) {
        try {
            return action.get();
        } catch (ApiProblem e) {
            if (e.status() != 400 || e.violations().isEmpty() || e.violations().get(0).field().startsWith(path)) {
                throw e;
            }
            throw ApiProblem.invalid(e.violations().stream()
                    .map(v -> new Violation(path + v.field(), v.message())).toList());
        }
    }
}
