package org.commitmenttracker.target;

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
import org.commitmenttracker.progress.TargetQuarter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

@Path(TargetResource.PATH)
@Tag(name = "Targets", description = "Quantitative targets (指标) of commitments, and their progress per quarter")
public class TargetResource {

    static final String PATH = "/api/v1/targets";

    private final TargetService service;
    private final Idempotency idempotency;
    private final ProgressService progress;
    private final HistoryService history;

    TargetResource(TargetService service, Idempotency idempotency, ProgressService progress, HistoryService history) {
        this.service = service;
        this.idempotency = idempotency;
        this.progress = progress;
        this.history = history;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, CsvBodyWriter.TEXT_CSV })
    @Operation(operationId = "listTargets", summary = "List and search targets",
            description = "Sort by dueDate (default), name, weight or createdAt.")
    @APIResponse(responseCode = "200", description = "One page of targets (CSV with Accept: text/csv)")
    public Page<TargetView> list(
            @QueryParam("commitmentId") @Parameter(description = "Only targets of this commitment",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String commitmentId,
            @QueryParam("departmentId") @Parameter(description = "Only targets of this department's commitments",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String departmentId,
            @QueryParam("roundId") @Parameter(description = "Only targets of this round's commitments",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String roundId,
            @QueryParam("dueBefore") @Parameter(description = "Only targets due strictly before this date",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String dueBefore,
            @QueryParam("dueAfter") @Parameter(description = "Only targets due strictly after this date",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String dueAfter,
            @QueryParam("measure") @Parameter(description = "Only targets measured this way",
                    schema = @Schema(implementation = MeasureType.class)) String measure,
            @QueryParam("q") @Parameter(description = "Text contained in the name, unit or note",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 200)) String q,
            @BeanParam PageParams paging) {
        var filter = new TargetRepository.Filter(Params.uuid("commitmentId", commitmentId),
                Params.uuid("departmentId", departmentId), Params.uuid("roundId", roundId),
                Params.date("dueBefore", dueBefore), Params.date("dueAfter", dueAfter),
                Params.enumValue("measure", measure, MeasureType.class), Params.text("q", q));
        return service.list(filter, paging);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getTarget", summary = "Get a target")
    @APIResponse(responseCode = "200", description = "The target, with its ETag",
            content = @Content(schema = @Schema(implementation = TargetView.class)))
    public Response get(@PathParam("id") String id) {
        var view = service.get(Params.id(id));
        return Responses.ok(view, view.version());
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createTarget", summary = "Create a target")
    @APIResponse(responseCode = "201", description = "Created; Location names the new target",
            content = @Content(schema = @Schema(implementation = TargetView.class)))
    public Response create(@Valid @NotNull TargetRequest request,
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
    @Operation(operationId = "replaceTarget", summary = "Replace a target")
    @APIResponse(responseCode = "200", description = "The target as stored now, with its new ETag",
            content = @Content(schema = @Schema(implementation = TargetView.class)))
    public Response replace(@PathParam("id") String id, @Valid @NotNull TargetRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        var view = service.update(Params.id(id), request, ifMatch);
        return Responses.ok(view, view.version());
    }

    @RolesAllowed(Roles.ADMIN)
    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "patchTarget", summary = "Change some fields of a target (JSON Merge Patch)")
    @APIResponse(responseCode = "200", description = "The target as stored now, with its new ETag",
            content = @Content(schema = @Schema(implementation = TargetView.class)))
    public Response patch(@PathParam("id") String id, JsonNode patch, @HeaderParam("If-Match") String ifMatch) {
        var view = service.patch(Params.id(id), patch, ifMatch);
        return Responses.ok(view, view.version());
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteTarget", summary = "Delete a target that has no progress reports or milestones")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(Params.id(id), ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/progress")
    @Produces({ MediaType.APPLICATION_JSON, CsvBodyWriter.TEXT_CSV })
    @Operation(operationId = "targetProgress", summary = "Completion of a target per quarter",
            description = "One row per quarter from the quarter of startDate (or the round's publication date) to the "
                    + "quarter of dueDate: actual (latest counted report with asOf ≤ quarter end), planned (step plan "
                    + "from milestones, the target itself final), raw completionRatio, planAttainment and status.")
    @APIResponse(responseCode = "200", description = "One row per quarter (CSV with Accept: text/csv)")
    public List<TargetQuarter> progress(@PathParam("id") String id, @BeanParam ProgressParams params) {
        return progress.targetSeries(Params.id(id), params);
    }

    @GET
    @Path("{id}/history")
    @Produces({ MediaType.APPLICATION_JSON, CsvBodyWriter.TEXT_CSV })
    @Operation(operationId = "targetHistory", summary = "Changes to a target, newest first",
            description = "Every create, change and delete, with who, when, why and each field before and after; "
                    + "still answers after the target is deleted.")
    @APIResponse(responseCode = "200", description = "One page of changes (CSV with Accept: text/csv)")
    public Page<HistoryEntry> history(@PathParam("id") String id, @BeanParam PageParams paging) {
        return history.of(Target.class, Params.id(id), paging);
    }
}
