package org.commitmenttracker.progress;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.commitmenttracker.common.http.CsvBodyWriter;
import org.commitmenttracker.common.http.Params;
import org.commitmenttracker.progress.GroupedQuery.GroupBy;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/progress")
@Tag(name = "Progress", description = "Completion per quarter: targets, commitments, departments and rounds")
public class ProgressResource {

    private final ProgressService service;

    ProgressResource(ProgressService service) {
        this.service = service;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, CsvBodyWriter.TEXT_CSV })
    @Operation(operationId = "progressByGroup", summary = "Roll-ups of every round, department or commitment at one quarter",
            description = "Answers \"which departments were behind at 2021-Q3?\". One row per group that has targets or "
                    + "milestones in scope. Sort by name (default order: rounds by publication, departments by code, "
                    + "commitments by department code and seq), completionRatio or onTimeRatio; nulls last.")
    @APIResponse(responseCode = "200", description = "One roll-up row per group (CSV with Accept: text/csv)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = GroupRollup.class)),
            @Content(mediaType = CsvBodyWriter.TEXT_CSV) })
    public WrittenOnce<GroupRollup> grouped(
            @QueryParam("groupBy") @Parameter(description = "How to group (default department)",
                    schema = @Schema(enumeration = { "round", "department", "commitment" }, defaultValue = "department"))
            String groupBy,
            @QueryParam("roundId") @Parameter(description = "Only this round",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String roundId,
            @QueryParam("departmentId") @Parameter(description = "Only this department",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String departmentId,
            @QueryParam("sort") @Parameter(description = "name, completionRatio or onTimeRatio, then ,asc or ,desc",
                    schema = @Schema(type = SchemaType.STRING, examples = "completionRatio,asc", maxLength = 100,
                            pattern = "^[A-Za-z]+(,(asc|desc))?$")) String sort,
            @BeanParam ProgressParams params) {
        var grouping = groupBy == null || groupBy.isBlank() ? GroupBy.department
                : Params.enumValue("groupBy", groupBy, GroupBy.class);
        return service.grouped(new GroupedQuery(grouping, Params.uuid("roundId", roundId),
                Params.uuid("departmentId", departmentId), sort), params);
    }
}
