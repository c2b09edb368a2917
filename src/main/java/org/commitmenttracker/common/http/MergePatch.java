package org.commitmenttracker.common.http;

import java.util.Iterator;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Applies a JSON Merge Patch (RFC 7396) to a resource's request form, then validates the result exactly as a PUT
 * body would be validated, so PATCH and PUT share every rule.
 */
@ApplicationScoped
public class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final ObjectMapper mapper;
    private final Validator validator;

    MergePatch(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public <R> R apply(R current, JsonNode patch, Class<R> type) {
        if (patch == null || !patch.isObject()) {
            throw ApiProblem.invalid("body", "a merge patch must be a JSON object");
        }
        JsonNode merged = merge(mapper.valueToTree(current), patch);
        R result;
        try {
            result = mapper.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            throw new PatchUnreadable(e);
        }
        var violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return result;
    }

    private static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        var result = target != null && target.isObject() ? (ObjectNode) target.deepCopy()
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            var entry = it.next();
            if (entry.getValue().isNull()) {
                result.remove(entry.getKey());
            } else {
                result.set(entry.getKey(), merge(result.get(entry.getKey()), entry.getValue()));
            }
        }
        return result;
    }

    /** Carries the Jackson failure (with its field path) out of the patch, for {@link ProblemMapper}. */
    static final class PatchUnreadable extends RuntimeException {
        PatchUnreadable(JsonProcessingException cause) {
            super(cause.getOriginalMessage(), cause);
        }
    }
}
