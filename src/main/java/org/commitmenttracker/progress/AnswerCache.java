package org.commitmenttracker.progress;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Progress answers as computed at a version of the data (see {@code progress_version}): an answer is reused only while
 * PostgreSQL still reports that version, so a write is seen at once by every instance, whichever one it went to.
 * A roll-up over ten thousand targets costs hundreds of milliseconds to compute and nothing to reuse, and dashboards
 * ask the same questions again and again between writes.
 */
@ApplicationScoped
class AnswerCache {

    /** Enough for every dashboard question of a few rounds; when full the cache starts over rather than tracking use. */
    static final int MAX_ANSWERS = 512;

    /** {@code question} is a record of everything the answer depends on besides the data. */
    private record Key(long version, Object question) {
    }

    private final Map<Key, Object> answers = new ConcurrentHashMap<>();
    private volatile long latest = Long.MIN_VALUE;

    /** The answer to {@code question} at {@code version}, computed by {@code compute} unless already known. */
    @SuppressWarnings("unchecked")
    <T> T answer(long version, Object question, Supplier<T> compute) {
        if (version > latest) {
            forgetBefore(version);
        }
        var key = new Key(version, question);
        var known = answers.get(key);
        if (known != null) {
            return (T) known;
        }
        T answer = compute.get();
        if (version == latest) {
            if (answers.size() >= MAX_ANSWERS) {
                answers.clear();
            }
            answers.put(key, answer);
        }
        return answer;
    }

    private synchronized void forgetBefore(long version) {
        if (version > latest) {
            latest = version;
            answers.keySet().removeIf(key -> key.version() < version);
        }
    }
}
