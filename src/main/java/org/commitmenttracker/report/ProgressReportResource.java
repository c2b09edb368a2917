package org.commitmenttracker.report;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

@Path(ProgressReportResource.PATH)
@Tag(name = "Progress reports", description = "Reported levels of targets (进展报告) and their review")
public class ProgressReportResource {

    static final String PATH = "/api/v1/progress-reports";

    private final ProgressReportService service;
    private final Idempotency idempotency;
    private final HistoryService history;

    ProgressReportResource(ProgressReportService service, Idempotency idempotency, HistoryService history) {
        this.service = service;
        this.idempotency = idempotency;
        this.history = history;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, CsvBodyWriter.TEXT_CSV })
    @Operation(operationId = "listProgressReports", summary = "List progress reports",
            description = "Sort by asOf (default), recordedAt, value or status.")
    @APIResponse(responseCode = "200", description = "One page of progress reports (CSV with Accept: text/csv)")
    public Page<ProgressReportView> list(
            @QueryParam("targetId") @Parameter(description = "Only reports on this target",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String targetId,
            @QueryParam("commitmentId") @Parameter(description = "Only reports on this commitment's targets",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String commitmentId,
            @QueryParam("departmentId") @Parameter(description = "Only reports on this department's targets",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String departmentId,
            @QueryParam("roundId") @Parameter(description = "Only reports on this round's targets",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String roundId,
            @QueryParam("from") @Parameter(description = "Only reports with asOf on or after this date",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
            @QueryParam("to") @Parameter(description = "Only reports with asOf on or before this date",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String to,
            @QueryParam("status") @Parameter(description = "Only reports with this review status",
                    schema = @Schema(implementation = ReviewStatus.class)) String status,
            @BeanParam PageParams paging) {
        var filter = new ProgressReportRepository.Filter(Params.uuid("targetId", targetId),
                Params.uuid("commitmentId", commitmentId), Params.uuid("departmentId", departmentId),
                Params.uuid("roundId", roundId), Params.date("from", from), Params.date("to", to),
                Params.enumValue("status", status, ReviewStatus.class));
        return service.list(filter, paging);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getProgressReport", summary = "Get a progress report")
    @APIResponse(responseCode = "200", description = "The progress report, with its ETag",
            content = @Content(schema = @Schema(implementation = ProgressReportView.class)))
    public Response get(@PathParam("id") String id) {
        var view = service.get(Params.id(id));
        return Responses.ok(view, view.version());
    }

    @RolesAllowed(Roles.REPORTER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createProgressReport", summary = "Report a target's level as of a date",
            description = "The value is the level of the indicator as of asOf (a running total), never an increment.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new progress report",
            content = @Content(schema = @Schema(implementation = ProgressReportView.class)))
    public Response create(@Valid @NotNull ProgressReportRequest request,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(idempotencyKey, "POST " + PATH, request, () -> {
            var view = service.create(request);
            return Responses.created(PATH, view.id(), view, view.version());
        });
    }

    @RolesAllowed(Roles.REPORTER)
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceProgressReport", summary = "Replace a progress report")
    @APIResponse(responseCode = "200", description = "The progress report as stored now, with its new ETag",
            content = @Content(schema = @Schema(implementation = ProgressReportView.class)))
    public Response replace(@PathParam("id") String id, @Valid @NotNull ProgressReportRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        var view = service.update(Params.id(id), request, ifMatch);
        return Responses.ok(view, view.version());
    }

    @RolesAllowed(Roles.REPORTER)
    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "patchProgressReport", summary = "Change some fields of a progress report (JSON Merge Patch)")
    @APIResponse(responseCode = "200", description = "The progress report as stored now, with its new ETag",
            content = @Content(schema = @Schema(implementation = ProgressReportView.class)))
    public Response patch(@PathParam("id") String id, JsonNode patch, @HeaderParam("If-Match") String ifMatch) {
        var view = service.patch(Params.id(id), patch, ifMatch);
        return Responses.ok(view, view.version());
    }

    @RolesAllowed(Roles.REPORTER)
    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteProgressReport", summary = "Delete a progress report that has not been reviewed")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(Params.id(id), ifMatch);
        return Response.noContent().build();
    }

    @RolesAllowed(Roles.REVIEWER)
    @POST
    @Path("{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reviewProgressReport", summary = "Verify or return a submitted report",
            description = "Only a SUBMITTED report can be reviewed (409 otherwise). A RETURNED report never counts; "
                    + "a correction is a new report. After review, the report's target, asOf and value are fixed.")
    @APIResponse(responseCode = "200", description = "The reviewed report",
            content = @Content(schema = @Schema(implementation = ProgressReportView.class)))
    public Response review(@PathParam("id") String id, @Valid @NotNull ReviewRequest request,
            @HeaderParam("If-Match") String ifMatch, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        var reportId = Params.id(id);
        return idempotency.once(idempotencyKey, "POST " + PATH + "/" + reportId + "/review", request, () -> {
            var view = service.review(reportId, request, ifMatch);
            return new Idempotency.Outcome(200, null, view, view.version());
        });
    }

    @GET
    @Path("{id}/history")
    @Produces({ MediaType.APPLICATION_JSON, CsvBodyWriter.TEXT_CSV })
    @Operation(operationId = "progressReportHistory", summary = "Changes to a progress report, newest first",
            description = "Every create, change and delete, with who, when, why and each field before and after; "
                    + "still answers after the progress report is deleted.")
    @APIResponse(responseCode = "200", description = "One page of changes (CSV with Accept: text/csv)")
    public Page<HistoryEntry> history(@PathParam("id") String id, @BeanParam PageParams paging) {
        return history.of(ProgressReport.class, Params.id(id), paging);
    }
}
