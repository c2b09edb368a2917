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
import org.commitmenttracker.common.http.ApiProblem;
import org.commitmenttracker.common.http.CsvBodyWriter;
import org.commitmenttracker.common.http.Idempotency;
import org.commitmenttracker.common.http.MergePatch;
import org.commitmenttracker.common.http.Page;
import org.commitmenttracker.common.http.PageParams;
import org.commitmenttracker.common.http.Params;
import org.commitmenttracker.common.http.Responses;
import org.commitmenttracker.history.HistoryEntry;
import org.commitmenttracker.history.HistoryService;
import org.commitmenttracker.progress.OverdueQuery;
import org.commitmenttracker.progress.ProgressService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

@Path(MilestoneResource.PATH)
@Tag(name = "Milestones", description = "Dated steps (完成时限) of commitments, their completion, and what is overdue")
public class MilestoneResource {

    static final String PATH = "/api/v1/milestones";

    private final MilestoneService service;
    private final ProgressService progress;
    private final Idempotency idempotency;
    private final HistoryService history;

    MilestoneResource(MilestoneService service, ProgressService progress, Idempotency idempotency,
            HistoryService history) {
        this.service = service;
        this.progress = progress;
        this.idempotency = idempotency;
        this.history = history;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, CsvBodyWriter.TEXT_CSV })
    @Operation(operationId = "listMilestones", summary = "List milestones, or those overdue at a date",
            description = "Plain list: sort by dueDate (default) or createdAt; items are Milestone. With overdue=true "
                    + "and asOf: the milestones due before asOf and not completed at asOf (a plannedValue milestone is "
                    + "completed when its target's reported level meets the plan), with department, commitment and "
                    + "daysOverdue; items are OverdueMilestone, sortable by dueDate (default), daysOverdue, department "
                    + "or commitment.")
    @APIResponse(responseCode = "200", description = "One page of milestones (CSV with Accept: text/csv); its "
            + "listing member tells the two shapes apart",
            content = @Content(schema = @Schema(oneOf = { MilestonePage.class, OverdueMilestonePage.class },
                    discriminatorProperty = "listing", discriminatorMapping = {
                            @DiscriminatorMapping(value = MilestonePage.LISTING, schema = MilestonePage.class),
                            @DiscriminatorMapping(value = OverdueMilestonePage.LISTING,
                                    schema = OverdueMilestonePage.class) })))
    public Response list(
            @QueryParam("commitmentId") @Parameter(description = "Only milestones of this commitment",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String commitmentId,
            @QueryParam("targetId") @Parameter(description = "Only milestones planning this target",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String targetId,
            @QueryParam("departmentId") @Parameter(description = "Only milestones of this department's commitments",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String departmentId,
            @QueryParam("roundId") @Parameter(description = "Only milestones of this round's commitments",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String roundId,
            @QueryParam("dueBefore") @Parameter(description = "Only milestones due strictly before this date",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String dueBefore,
            @QueryParam("dueAfter") @Parameter(description = "Only milestones due strictly after this date",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String dueAfter,
            @QueryParam("overdue") @Parameter(description = "true: only milestones overdue at asOf (asOf required)",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) String overdue,
            @QueryParam("asOf") @Parameter(description = "The date at which overdue is judged",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String asOf,
            @QueryParam("verifiedOnly") @Parameter(description = "With overdue: count only VERIFIED reports",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) String verifiedOnly,
            @BeanParam PageParams paging) {
        var filter = new MilestoneRepository.Filter(Params.uuid("commitmentId", commitmentId),
                Params.uuid("targetId", targetId), Params.uuid("departmentId", departmentId),
                Params.uuid("roundId", roundId), Params.date("dueBefore", dueBefore), Params.date("dueAfter", dueAfter));
        var date = Params.date("asOf", asOf);
        var verified = Params.flag("verifiedOnly", verifiedOnly);
        if (!Params.flag("overdue", overdue)) {
            if (date != null) {
                throw ApiProblem.invalid("asOf", "is only used with overdue=true");
            }
            if (verifiedOnly != null && !verifiedOnly.isBlank()) {
                throw ApiProblem.invalid("verifiedOnly", "is only used with overdue=true");
            }
            return Response.ok(MilestonePage.of(service.list(filter, paging))).build();
        }
        if (date == null) {
            throw ApiProblem.invalid("asOf", "is required with overdue=true");
        }
        var page = progress.overdue(new OverdueQuery(filter.commitmentId(), filter.targetId(), filter.departmentId(),
                filter.roundId(), filter.dueBefore(), filter.dueAfter(), date, verified), paging);
        return Response.ok(OverdueMilestonePage.of(page)).build();
    }

    /**
     * The two shapes of GET /milestones. Their constant {@code listing} lets a client (and a generated one) tell them
     * apart even when the page is empty, which their items alone cannot.
     */
    @Schema(name = "MilestonePage", description = "A page of milestones")
    public record MilestonePage(
            @Schema(enumeration = LISTING, examples = LISTING) String listing,
            @Schema(maxItems = PageParams.MAX_SIZE) List<MilestoneView> items,
            @Schema(minimum = "0", maximum = "1000000") int page,
            @Schema(minimum = "1", maximum = "200") int size,
            @Schema(minimum = "0", maximum = "9223372036854775807") long total) {

        static final String LISTING = "milestones";

        static MilestonePage of(Page<MilestoneView> page) {
            return new MilestonePage(LISTING, page.items(), page.page(), page.size(), page.total());
        }
    }

    @Schema(name = "OverdueMilestonePage", description = "A page of the milestones overdue at asOf")
    public record OverdueMilestonePage(
            @Schema(enumeration = LISTING, examples = LISTING) String listing,
            @Schema(maxItems = PageParams.MAX_SIZE) List<OverdueMilestoneView> items,
            @Schema(minimum = "0", maximum = "1000000") int page,
            @Schema(minimum = "1", maximum = "200") int size,
            @Schema(minimum = "0", maximum = "9223372036854775807") long total) {

        static final String LISTING = "overdue";

        static OverdueMilestonePage of(Page<OverdueMilestoneView> page) {
            return new OverdueMilestonePage(LISTING, page.items(), page.page(), page.size(), page.total());
        }
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMilestone", summary = "Get a milestone")
    @APIResponse(responseCode = "200", description = "The milestone, with its ETag",
            content = @Content(schema = @Schema(implementation = MilestoneView.class)))
    public Response get(@PathParam("id") String id) {
        var view = service.get(Params.id(id));
        return Responses.ok(view, view.version());
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createMilestone", summary = "Create a milestone")
    @APIResponse(responseCode = "201", description = "Created; Location names the new milestone",
            content = @Content(schema = @Schema(implementation = MilestoneView.class)))
    public Response create(@Valid @NotNull MilestoneRequest request,
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
    @Operation(operationId = "replaceMilestone", summary = "Replace a milestone")
    @APIResponse(responseCode = "200", description = "The milestone as stored now, with its new ETag",
            content = @Content(schema = @Schema(implementation = MilestoneView.class)))
    public Response replace(@PathParam("id") String id, @Valid @NotNull MilestoneRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        var view = service.update(Params.id(id), request, ifMatch);
        return Responses.ok(view, view.version());
    }

    @RolesAllowed(Roles.ADMIN)
    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "patchMilestone", summary = "Change some fields of a milestone (JSON Merge Patch)")
    @APIResponse(responseCode = "200", description = "The milestone as stored now, with its new ETag",
            content = @Content(schema = @Schema(implementation = MilestoneView.class)))
    public Response patch(@PathParam("id") String id, JsonNode patch, @HeaderParam("If-Match") String ifMatch) {
        var view = service.patch(Params.id(id), patch, ifMatch);
        return Responses.ok(view, view.version());
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteMilestone", summary = "Delete a milestone")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(Params.id(id), ifMatch);
        return Response.noContent().build();
    }

    @RolesAllowed(Roles.REPORTER)
    @POST
    @Path("{id}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "completeMilestone", summary = "Set (or clear, with null) when a qualitative milestone was completed",
            description = "Only for milestones without a plannedValue (409 otherwise): those complete when their "
                    + "target's reported level meets the plan.")
    @APIResponse(responseCode = "200", description = "The milestone as stored now",
            content = @Content(schema = @Schema(implementation = MilestoneView.class)))
    public Response complete(@PathParam("id") String id, @Valid @NotNull CompletionRequest request,
            @HeaderParam("If-Match") String ifMatch, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        var milestoneId = Params.id(id);
        return idempotency.once(idempotencyKey, "POST " + PATH + "/" + milestoneId + "/completion", request, () -> {
            var view = service.complete(milestoneId, request, ifMatch);
            return new Idempotency.Outcome(200, null, view, view.version());
        });
    }

    @GET
    @Path("{id}/history")
    @Produces({ MediaType.APPLICATION_JSON, CsvBodyWriter.TEXT_CSV })
    @Operation(operationId = "milestoneHistory", summary = "Changes to a milestone, newest first",
            description = "Every create, change and delete, with who, when, why and each field before and after; "
                    + "still answers after the milestone is deleted.")
    @APIResponse(responseCode = "200", description = "One page of changes (CSV with Accept: text/csv)")
    public Page<HistoryEntry> history(@PathParam("id") String id, @BeanParam PageParams paging) {
        return history.of(Milestone.class, Params.id(id), paging);
    }
}
