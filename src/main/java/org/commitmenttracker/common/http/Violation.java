package org.commitmenttracker.common.http;

/** One broken rule of a request: the field (a JSON path such as measures[2].title, or a query parameter) and why. */
public record Violation(String field, String message) {
}
