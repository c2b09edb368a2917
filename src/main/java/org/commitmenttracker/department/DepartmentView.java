package org.commitmenttracker.department;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A department as the API shows it. */
@Schema(name = "Department", description = "A city department evaluated in a round (被评议部门)")
public record DepartmentView(
        UUID id,
        @Schema(examples = "jyj", maxLength = 32, pattern = "^[a-z0-9][a-z0-9-]{0,31}$") String code,
        @Schema(examples = "市教育局", maxLength = 200) String name,
        @Schema(description = "Changes with every update; also the ETag", examples = "0", minimum = "0", maximum = "9223372036854775807") long version,
        Instant createdAt,
        Instant updatedAt) {

    static DepartmentView from(Department department) {
        return new DepartmentView(department.id, department.code, department.name, department.version,
                department.createdAt, department.updatedAt);
    }
}
