package org.commitmenttracker.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.commitmenttracker.auth.Caller;
import org.commitmenttracker.common.http.ApiProblem;
import org.commitmenttracker.common.http.Etags;
import org.commitmenttracker.common.http.MergePatch;
import org.commitmenttracker.common.http.Page;
import org.commitmenttracker.common.http.PageParams;
import org.commitmenttracker.common.http.Sortable;
import org.commitmenttracker.common.http.Violation;
import org.commitmenttracker.common.persistence.BaseEntity;
import org.commitmenttracker.common.startup.TrackerConfig;
import org.commitmenttracker.history.Action;
import org.commitmenttracker.history.ChangeNote;
import org.commitmenttracker.target.TargetRepository;

import com.fasterxml.jackson.databind.JsonNode;

/** Progress reports: recording them, correcting them until reviewed, and the review itself. */
@ApplicationScoped
public class ProgressReportService {

    static final Sortable SORTABLE = Sortable.of("asOf", "asOf", "recordedAt", "createdAt", "value", "value",
            "status", "status");

    private final ProgressReportRepository reports;
    private final TargetRepository targets;
    private final MergePatch mergePatch;
    private final TrackerConfig config;
    private final Caller caller;
    private final ChangeNote changeNote;

    ProgressReportService(ProgressReportRepository reports, TargetRepository targets, MergePatch mergePatch,
            TrackerConfig config, Caller caller, ChangeNote changeNote) {
        this.reports = reports;
        this.targets = targets;
        this.mergePatch = mergePatch;
        this.config = config;
        this.caller = caller;
        this.changeNote = changeNote;
    }

    @Transactional
    public Page<ProgressReportView> list(ProgressReportRepository.Filter filter, PageParams paging) {
        return paging.page(reports.search(filter, paging.toSort(SORTABLE)), ProgressReportView::from);
    }

    /** One statement, so no transaction: read in the request's session, without JTA's begin and commit. */
    public ProgressReportView get(UUID id) {
        return ProgressReportView.from(find(id));
    }

    @Transactional
    public ProgressReportView create(ProgressReportRequest request) {
        var report = new ProgressReport();
        apply(report, request);
        reports.persistAndFlush(report);
        return ProgressReportView.from(report);
    }

    @Transactional
    public ProgressReportView update(UUID id, ProgressReportRequest request, String ifMatch) {
        var report = findToChange(id, ifMatch);
        apply(report, request);
        reports.flush();
        return ProgressReportView.from(report);
    }

    @Transactional
    public ProgressReportView patch(UUID id, JsonNode patch, String ifMatch) {
        var report = findToChange(id, ifMatch);
        apply(report, mergePatch.apply(ProgressReportRequest.from(report), patch, ProgressReportRequest.class));
        reports.flush();
        return ProgressReportView.from(report);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        var report = findToChange(id, ifMatch);
        if (report.status != ReviewStatus.SUBMITTED) {
            throw ApiProblem.conflict("report " + id + " was reviewed (" + report.status
                    + ") and is kept as a record; it cannot be deleted");
        }
        reports.delete(report);
        reports.flush();
    }

    /**
     * Only a SUBMITTED report can be reviewed, by someone else than the one who filed it; RETURNED needs a comment
     * saying why.
     */
    @Transactional
    public ProgressReportView review(UUID id, ReviewRequest request, String ifMatch) {
        var report = findToChange(id, ifMatch);
        caller.requireNotFiler(report.reportedBy);
        if (request.decision() == ReviewStatus.SUBMITTED) {
            throw ApiProblem.invalid("decision", "must be VERIFIED or RETURNED");
        }
        var comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        if (request.decision() == ReviewStatus.RETURNED && comment == null) {
            throw ApiProblem.invalid("comment", "is required when returning a report");
        }
        if (report.status != ReviewStatus.SUBMITTED) {
            throw ApiProblem.conflict("report " + id + " was already reviewed (" + report.status
                    + "); only a SUBMITTED report can be reviewed; a correction is a new report");
        }
        changeNote.action(Action.REVIEW);
        report.status = request.decision();
        report.reviewComment = comment;
        report.reviewedAt = BaseEntity.now();
        reports.flush();
        return ProgressReportView.from(report);
    }

    /** The report with this id, or 404. */
    public ProgressReport find(UUID id) {
        return reports.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("progress report", id));
    }

    /** The report, if the caller may change it (its own department's, 403 otherwise) and names its version. */
    private ProgressReport findToChange(UUID id, String ifMatch) {
        var report = find(id);
        caller.requireDepartment(departmentOf(report.target.id));
        Etags.require(ifMatch, report.version);
        return report;
    }

    /** The code of the department a target belongs to, read with the same projection as filing uses. */
    private String departmentOf(UUID targetId) {
        return targets.findReported(targetId).orElseThrow().departmentCode();
    }

    private void apply(ProgressReport report, ProgressReportRequest request) {
        var violations = new ArrayList<Violation>();
        var target = targets.findReported(request.targetId());
        // the target a report is filed on, or moved to, is the caller's department's too
        target.ifPresent(t -> caller.requireDepartment(t.departmentCode()));
        if (target.isEmpty()) {
            violations.add(new Violation("targetId", "no target with id " + request.targetId()));
        } else {
            var misfit = target.get().measure().misfit(request.value());
            if (misfit != null) {
                violations.add(new Violation("value", misfit));
            }
        }
        if (request.asOf().isAfter(LocalDate.now(config.zoneId()))) {
            violations.add(new Violation("asOf", "must not be in the future"));
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        if (report.status != ReviewStatus.SUBMITTED && (!report.target.id.equals(request.targetId())
                || !report.asOf.equals(request.asOf()) || report.value.compareTo(request.value()) != 0)) {
            throw ApiProblem.conflict("report " + report.id + " was reviewed (" + report.status
                    + "): its target, date and value can no longer change; post a new report instead");
        }
        report.target = targets.reference(request.targetId());
        report.asOf = request.asOf();
        report.value = request.value();
        report.note = request.note();
        report.evidenceUrls = new ArrayList<>(request.evidenceUrls());
        report.reportedBy = caller.subject();
    }
}
