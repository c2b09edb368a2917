package org.commitmenttracker.commitment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who answers for a commitment (责任分工), names as written in the letter. */
@Schema(name = "Responsibility", description = "The responsibility chain (责任分工)")
public record Responsibility(
        @Size(max = 200) @Schema(description = "市政府分管领导: the city leader in charge", examples = "毕红卫") String cityLeader,
        @Size(max = 200) @Schema(description = "部门主要负责人: the department head", examples = "孙英涛") String departmentHead,
        @Size(max = 50) @Schema(description = "分管负责人 / 分管局长: leads in charge", examples = "[\"高权\", \"李效同\"]") List<@NotBlank @Size(max = 200) String> leadsInCharge,
        @Size(max = 50) @Schema(description = "责任科室 / 责任单位: responsible offices", examples = "[\"发展规划科\", \"学前教育科\"]") List<@NotBlank @Size(max = 200) String> offices,
        @Size(max = 50) @Schema(description = "责任人: responsible persons", examples = "[\"高宁\", \"张云\"]") List<@NotBlank @Size(max = 200) String> persons) {

    /** Absent lists become empty; null names are kept (List.copyOf would throw) so that validation can name them. */
    public Responsibility {
        leadsInCharge = leadsInCharge == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(leadsInCharge));
        offices = offices == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(offices));
        persons = persons == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(persons));
    }

    static final Responsibility NONE = new Responsibility(null, null, List.of(), List.of(), List.of());
}
