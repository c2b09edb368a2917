package org.commitmenttracker.common.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every error response: RFC 9457 problem details, with field-level violations for invalid input.
 * Its OpenAPI schema is declared once, in {@link OpenApiContract}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:commitment-tracker:problem:";
}
