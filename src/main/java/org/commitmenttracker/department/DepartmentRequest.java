package org.commitmenttracker.department;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What a client sends to create or replace a department. */
@Schema(name = "DepartmentRequest", description = "A city department as written by a client")
@JsonIgnoreProperties({ "id", "version", "createdAt", "updatedAt" })
public record DepartmentRequest(
        @NotNull @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,31}$", message = "must be 1–32 lower-case letters, digits or '-', starting with a letter or digit")
        @Schema(description = "Short unique code", examples = "jyj", pattern = "^[a-z0-9][a-z0-9-]{0,31}$", maxLength = 32) String code,
        @NotBlank @Size(max = 200) @Schema(examples = "市教育局", maxLength = 200) String name) {

    static DepartmentRequest from(Department department) {
        return new DepartmentRequest(department.code, department.name);
    }
}
