package org.commitmenttracker.department;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.commitmenttracker.auth.Roles;
import org.commitmenttracker.common.http.CsvBodyWriter;
import org.commitmenttracker.common.http.Idempotency;
import org.commitmenttracker.common.http.MergePatch;
import org.commitmenttracker.common.http.Page;
import org.commitmenttracker.common.http.PageParams;
import org.commitmenttracker.common.http.Params;
import org.commitmenttracker.common.http.Responses;
import org.commitmenttracker.history.HistoryEntry;
import org.commitmenttracker.history.HistoryService;
import org.commitmenttracker.progress.ProgressParams;
import org.commitmenttracker.progress.ProgressService;
import org.commitmenttracker.progress.Rollup;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

@Path(DepartmentResource.PATH)
@Tag(name = "Departments", description = "City departments evaluated in rounds (被评议部门)")
public class DepartmentResource {

    static final String PATH = "/api/v1/departments";

    private final DepartmentService service;
    private final Idempotency idempotency;
    private final ProgressService progress;
    private final HistoryService history;

    DepartmentResource(DepartmentService service, Idempotency idempotency, ProgressService progress, HistoryService history) {
        this.service = service;
        this.idempotency = idempotency;
        this.progress = progress;
        this.history = history;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, CsvBodyWriter.TEXT_CSV })
    @Operation(operationId = "listDepartments", summary = "List departments",
            description = "Sort by code (default), name or createdAt.")
    @APIResponse(responseCode = "200", description = "One page of departments (CSV with Accept: text/csv)")
    public Page<DepartmentView> list(
            @QueryParam("code") @Parameter(description = "Only the department with this code",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 32)) String code,
            @QueryParam("roundId") @Parameter(description = "Only departments with commitments in this round",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String roundId,
            @QueryParam("q") @Parameter(description = "Text contained in the name or code",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 200)) String q,
            @BeanParam PageParams paging) {
        return service.list(Params.text("code", code, 32), Params.uuid("roundId", roundId), Params.text("q", q), paging);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDepartment", summary = "Get a department")
    @APIResponse(responseCode = "200", description = "The department, with its ETag",
            content = @Content(schema = @Schema(implementation = DepartmentView.class)))
    public Response get(@PathParam("id") String id) {
        var view = service.get(Params.id(id));
        return Responses.ok(view, view.version());
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createDepartment", summary = "Create a department")
    @APIResponse(responseCode = "201", description = "Created; Location names the new department",
            content = @Content(schema = @Schema(implementation = DepartmentView.class)))
    public Response create(@Valid @NotNull DepartmentRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(idempotencyKey, "POST " + PATH, request, () -> {
            var view = service.create(request);
            return Responses.created(PATH, view.id(), view, view.version());
        });
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceDepartment", summary = "Replace a department")
    @APIResponse(responseCode = "200", description = "The department as stored now, with its new ETag",
            content = @Content(schema = @Schema(implementation = DepartmentView.class)))
    public Response replace(@PathParam("id") String id, @Valid @NotNull DepartmentRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        var view = service.update(Params.id(id), request, ifMatch);
        return Responses.ok(view, view.version());
    }

    @RolesAllowed(Roles.ADMIN)
    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "patchDepartment", summary = "Change some fields of a department (JSON Merge Patch)")
    @APIResponse(responseCode = "200", description = "The department as stored now, with its new ETag",
            content = @Content(schema = @Schema(implementation = DepartmentView.class)))
    public Response patch(@PathParam("id") String id, JsonNode patch, @HeaderParam("If-Match") String ifMatch) {
        var view = service.patch(Params.id(id), patch, ifMatch);
        return Responses.ok(view, view.version());
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteDepartment", summary = "Delete a department that has no commitments")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(Params.id(id), ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/progress")
    @Produces({ MediaType.APPLICATION_JSON, CsvBodyWriter.TEXT_CSV })
    @Operation(operationId = "departmentProgress", summary = "Completion of a department per quarter",
            description = "One roll-up row per quarter over all targets and milestones of the department (optionally of one round): weighted completionRatio (each target's ratio "
                    + "clamped to [0, 1], unknown = 0), statusCounts, milestonesDue, milestonesDone and onTimeRatio.")
    @APIResponse(responseCode = "200", description = "One row per quarter (CSV with Accept: text/csv)")
    public List<Rollup> progress(@PathParam("id") String id,
            @QueryParam("roundId") @Parameter(description = "Only this round's commitments",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String roundId,
            @BeanParam ProgressParams params) {
        return progress.departmentSeries(Params.id(id), Params.uuid("roundId", roundId), params);
    }

    @GET
    @Path("{id}/history")
    @Produces({ MediaType.APPLICATION_JSON, CsvBodyWriter.TEXT_CSV })
    @Operation(operationId = "departmentHistory", summary = "Changes to a department, newest first",
            description = "Every create, change and delete, with who, when, why and each field before and after; "
                    + "still answers after the department is deleted.")
    @APIResponse(responseCode = "200", description = "One page of changes (CSV with Accept: text/csv)")
    public Page<HistoryEntry> history(@PathParam("id") String id, @BeanParam PageParams paging) {
        return history.of(Department.class, Params.id(id), paging);
    }
}
