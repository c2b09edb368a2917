package org.commitmenttracker.common.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.commitmenttracker.common.http.Params;

/** Builds the where-clause of a list query from the filters a client gave; absent filters add nothing. */
public final class Where {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    /** Adds {@code clause} (which names {@code :name}) when {@code value} is not null. */
    public Where and(String clause, String name, Object value) {
        if (value != null) {
            clauses.add(clause);
            parameters.put(name, value);
        }
        return this;
    }

    /** Adds a clause without parameters when {@code condition} holds. */
    public Where andIf(boolean condition, String clause) {
        if (condition) {
            clauses.add(clause);
        }
        return this;
    }

    /** Adds a case-insensitive substring match of {@code text} over any of {@code paths}. */
    public Where contains(String name, String text, String... paths) {
        if (text != null) {
            var any = new ArrayList<String>();
            for (var path : paths) {
                any.add("lower(" + path + ") like :" + name + " escape '\\'");
            }
            clauses.add("(" + String.join(" or ", any) + ")");
            parameters.put(name, Params.containsPattern(text));
        }
        return this;
    }

    public String query() {
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
