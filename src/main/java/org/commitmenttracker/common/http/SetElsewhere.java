package org.commitmenttracker.common.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a request record: a field clients read on the resource but may set only through another endpoint. A body that
 * sets it is refused (it is not a field of the request), and the violation names the endpoint to use instead.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(SetElsewhere.All.class)
public @interface SetElsewhere {

    /** The field's JSON name. */
    String field();

    /** What sets it, e.g. "a review: POST /api/v1/progress-reports/{id}/review". */
    String by();

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface All {
        SetElsewhere[] value();
    }
}
