package org.commitmenttracker.progress;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Progress answers as computed at a version of the data (see {@code progress_version}): an answer is reused only while
 * PostgreSQL still reports that version, so a write is seen at once by every instance, whichever one it went to.
 * A roll-up over ten thousand targets costs about a hundred milliseconds of sums and nothing to reuse, and dashboards
 * ask the same questions again and again between writes.
 * <p>
 * Requests that ask the same question at the same version while its answer is being computed wait for that one
 * computation instead of each starting their own: right after a write, a dashboard's polls would otherwise compute
 * the same round roll-up side by side, each slowing the others on the same cores.
 */
@ApplicationScoped
class AnswerCache {

    /** Enough for every dashboard question of a few rounds; when full the cache starts over rather than tracking use. */
    static final int MAX_ANSWERS = 512;

    /** {@code question} is a record of everything the answer depends on besides the data. */
    private record Key(long version, Object question) {
    }

    /** Answers, or the computation that will give one; a failed computation is removed, not kept. */
    private final Map<Key, CompletableFuture<Object>> answers = new ConcurrentHashMap<>();
    private volatile long latest = Long.MIN_VALUE;

    /** The answer to {@code question} at {@code version}, computed by {@code compute} unless already known. */
    @SuppressWarnings("unchecked")
    <T> T answer(long version, Object question, Supplier<T> compute) {
        if (version > latest) {
            forgetBefore(version);
        }
        if (version != latest) {
            // read before a write that another request has already seen: answered, but not kept
            return compute.get();
        }
        var key = new Key(version, question);
        var mine = new CompletableFuture<Object>();
        var known = answers.get(key);
        if (known == null) {
            if (answers.size() >= MAX_ANSWERS) {
                answers.clear();
            }
            known = answers.putIfAbsent(key, mine);
        }
        if (known != null) {
            return (T) awaited(known);
        }
        try {
            T answer = compute.get();
            mine.complete(answer);
            return answer;
        } catch (RuntimeException | Error e) {
            answers.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** The answer another request is computing, or its failure (a 404, a 400) as it would have been thrown here. */
    private static Object awaited(CompletableFuture<Object> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private synchronized void forgetBefore(long version) {
        if (version > latest) {
            latest = version;
            answers.keySet().removeIf(key -> key.version() < version);
        }
    }
}
