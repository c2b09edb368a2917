package org.commitmenttracker.round;

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

@Path(RoundResource.PATH)
@Tag(name = "Rounds", description = "Evaluation rounds (评议批次): one campaign of the standing committee")
public class RoundResource {

    static final String PATH = "/api/v1/rounds";

    private final RoundService service;
    private final Idempotency idempotency;
    private final ProgressService progress;
    private final HistoryService history;

    RoundResource(RoundService service, Idempotency idempotency, ProgressService progress, HistoryService history) {
        this.service = service;
        this.idempotency = idempotency;
        this.progress = progress;
        this.history = history;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, CsvBodyWriter.TEXT_CSV })
    @Operation(operationId = "listRounds", summary = "List rounds",
            description = "Sort by publishedOn (default), year, title or createdAt.")
    @APIResponse(responseCode = "200", description = "One page of rounds (CSV with Accept: text/csv)")
    public Page<RoundView> list(
            @QueryParam("year") @Parameter(description = "Only rounds of this year",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1949", maximum = "2100")) String year,
            @QueryParam("q") @Parameter(description = "Text contained in the title or issuer",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 200)) String q,
            @BeanParam PageParams paging) {
        return service.list(Params.integer("year", year, 1949, 2100), Params.text("q", q), paging);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getRound", summary = "Get a round")
    @APIResponse(responseCode = "200", description = "The round, with its ETag",
            content = @Content(schema = @Schema(implementation = RoundView.class)))
    public Response get(@PathParam("id") String id) {
        var view = service.get(Params.id(id));
        return Responses.ok(view, view.version());
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createRound", summary = "Create a round")
    @APIResponse(responseCode = "201", description = "Created; Location names the new round",
            content = @Content(schema = @Schema(implementation = RoundView.class)))
    public Response create(@Valid @NotNull RoundRequest request,
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
    @Operation(operationId = "replaceRound", summary = "Replace a round")
    @APIResponse(responseCode = "200", description = "The round as stored now, with its new ETag",
            content = @Content(schema = @Schema(implementation = RoundView.class)))
    public Response replace(@PathParam("id") String id, @Valid @NotNull RoundRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        var view = service.update(Params.id(id), request, ifMatch);
        return Responses.ok(view, view.version());
    }

    @RolesAllowed(Roles.ADMIN)
    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "patchRound", summary = "Change some fields of a round (JSON Merge Patch)")
    @APIResponse(responseCode = "200", description = "The round as stored now, with its new ETag",
            content = @Content(schema = @Schema(implementation = RoundView.class)))
    public Response patch(@PathParam("id") String id, JsonNode patch, @HeaderParam("If-Match") String ifMatch) {
        var view = service.patch(Params.id(id), patch, ifMatch);
        return Responses.ok(view, view.version());
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteRound", summary = "Delete a round that has no commitments")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(Params.id(id), ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/progress")
    @Produces({ MediaType.APPLICATION_JSON, CsvBodyWriter.TEXT_CSV })
    @Operation(operationId = "roundProgress", summary = "Completion of a round per quarter",
            description = "One roll-up row per quarter over all targets and milestones of the round: weighted completionRatio (each target's ratio "
                    + "clamped to [0, 1], unknown = 0), statusCounts, milestonesDue, milestonesDone and onTimeRatio.")
    @APIResponse(responseCode = "200", description = "One row per quarter (CSV with Accept: text/csv)")
    public List<Rollup> progress(@PathParam("id") String id,
            @BeanParam ProgressParams params) {
        return progress.roundSeries(Params.id(id), params);
    }

    @GET
    @Path("{id}/history")
    @Produces({ MediaType.APPLICATION_JSON, CsvBodyWriter.TEXT_CSV })
    @Operation(operationId = "roundHistory", summary = "Changes to an evaluation round, newest first",
            description = "Every create, change and delete, with who, when, why and each field before and after; "
                    + "still answers after the round is deleted.")
    @APIResponse(responseCode = "200", description = "One page of changes (CSV with Accept: text/csv)")
    public Page<HistoryEntry> history(@PathParam("id") String id, @BeanParam PageParams paging) {
        return history.of(Round.class, Params.id(id), paging);
    }
}
