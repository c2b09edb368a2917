package org.commitmenttracker.department;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.commitmenttracker.commitment.CommitmentRepository;
import org.commitmenttracker.common.http.ApiProblem;
import org.commitmenttracker.common.http.Etags;
import org.commitmenttracker.common.http.MergePatch;
import org.commitmenttracker.common.http.Page;
import org.commitmenttracker.common.http.PageParams;
import org.commitmenttracker.common.http.Sortable;

import com.fasterxml.jackson.databind.JsonNode;

/** Departments: listing, reading and writing them, and refusing to delete one that still has commitments. */
@ApplicationScoped
public class DepartmentService {

    static final Sortable SORTABLE = Sortable.of("code", "code", "name", "name", "createdAt", "createdAt");

    private final DepartmentRepository departments;
    private final CommitmentRepository commitments;
    private final MergePatch mergePatch;

    DepartmentService(DepartmentRepository departments, CommitmentRepository commitments, MergePatch mergePatch) {
        this.departments = departments;
        this.commitments = commitments;
        this.mergePatch = mergePatch;
    }

    @Transactional
    public Page<DepartmentView> list(String code, UUID roundId, String q, PageParams paging) {
        return paging.page(departments.search(code, roundId, q, paging.toSort(SORTABLE)), DepartmentView::from);
    }

    /** One statement, so no transaction: read in the request's session, without JTA's begin and commit. */
    public DepartmentView get(UUID id) {
        return DepartmentView.from(find(id));
    }

    @Transactional
    public DepartmentView create(DepartmentRequest request) {
        var department = new Department();
        apply(department, request);
        departments.persistAndFlush(department);
        return DepartmentView.from(department);
    }

    @Transactional
    public DepartmentView update(UUID id, DepartmentRequest request, String ifMatch) {
        var department = find(id);
        Etags.require(ifMatch, department.version);
        apply(department, request);
        departments.flush();
        return DepartmentView.from(department);
    }

    @Transactional
    public DepartmentView patch(UUID id, JsonNode patch, String ifMatch) {
        var department = find(id);
        Etags.require(ifMatch, department.version);
        apply(department, mergePatch.apply(DepartmentRequest.from(department), patch, DepartmentRequest.class));
        departments.flush();
        return DepartmentView.from(department);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        var department = find(id);
        Etags.require(ifMatch, department.version);
        long dependents = commitments.countByDepartment(id);
        if (dependents > 0) {
            throw ApiProblem.conflict("department " + id + " still has " + dependents
                    + " commitment(s); delete them first");
        }
        departments.delete(department);
        departments.flush();
    }

    /** The department with this id, or 404; for other features that refer to departments. */
    public Department find(UUID id) {
        return departments.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("department", id));
    }

    private static void apply(Department department, DepartmentRequest request) {
        department.code = request.code();
        department.name = request.name().strip();
    }
}
