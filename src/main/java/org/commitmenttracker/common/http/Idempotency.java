package org.commitmenttracker.common.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.commitmenttracker.auth.Caller;
import org.commitmenttracker.common.startup.TrackerConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduled;

/**
 * Honours the Idempotency-Key header of POST requests: the first request with a key is carried out and its response
 * stored in the same transaction; a repeat with the same key and body gets that response again and writes nothing.
 * A concurrent repeat waits on the first one's row lock, so two requests with one key never both write. A key belongs
 * to its caller (the same key from two callers names two requests) and is forgotten after
 * {@code tracker.idempotency.expiry}; a scheduled cleanup removes the expired ones.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    /** What a POST produced: its status, Location (or null), body and the body's version for the ETag (or null). */
    public record Outcome(int status, URI location, Object body, Long version) {
    }

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Caller caller;
    private final TrackerConfig config;

    Idempotency(EntityManager em, ObjectMapper mapper, Caller caller, TrackerConfig config) {
        this.em = em;
        this.mapper = mapper;
        this.caller = caller;
        this.config = config;
    }

    /** Runs {@code action} once per {@code key} within {@code scope} (the operation, e.g. "POST /api/v1/targets"). */
    @Transactional
    public Response once(String key, String scope, Object request, Supplier<Outcome> action) {
        if (key == null) {
            return toResponse(action.get());
        }
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ApiProblem.invalid(HEADER, "must be 1–200 visible ASCII characters");
        }
        var hash = hash(request);
        var owner = caller.idempotencyOwner();
        // an expired record is claimed anew, as if it had been cleaned up already
        int claimed = em.createNativeQuery("""
                insert into idempotency_record (caller, scope, key, request_hash, created_at)
                values (:caller, :scope, :key, :hash, now())
                on conflict (caller, scope, key) do update
                set request_hash = excluded.request_hash, created_at = excluded.created_at,
                    status = null, location = null, body = null, version = null
                where idempotency_record.created_at < now() - make_interval(secs => :expiry)""")
                .setParameter("caller", owner).setParameter("scope", scope).setParameter("key", key)
                .setParameter("hash", hash).setParameter("expiry", (double) config.idempotency().expiry().toSeconds())
                .executeUpdate();
        if (claimed == 1) {
            var outcome = action.get();
            em.createNativeQuery("""
                    update idempotency_record set status = :status, location = :location, body = :body,
                        version = :version
                    where caller = :caller and scope = :scope and key = :key""")
                    .setParameter("status", outcome.status())
                    .setParameter("location", outcome.location() == null ? null : outcome.location().toString())
                    .setParameter("body", json(outcome.body()))
                    .setParameter("version", outcome.version())
                    .setParameter("caller", owner).setParameter("scope", scope).setParameter("key", key)
                    .executeUpdate();
            return toResponse(outcome);
        }
        var stored = (Object[]) em.createNativeQuery("""
                select request_hash, status, location, body, version from idempotency_record
                where caller = :caller and scope = :scope and key = :key""")
                .setParameter("caller", owner).setParameter("scope", scope).setParameter("key", key)
                .getSingleResult();
        if (!hash.equals(stored[0])) {
            throw ApiProblem.unprocessable("idempotency-key-reused", "Idempotency-Key reused",
                    "this Idempotency-Key was already used for a different request body; use a new key");
        }
        var replay = Response.status(((Number) stored[1]).intValue()).header("Idempotent-Replayed", "true");
        if (stored[2] != null) {
            replay.location(URI.create((String) stored[2]));
        }
        if (stored[4] != null) {
            replay.tag(Etags.of(((Number) stored[4]).longValue()));
        }
        try {
            var body = mapper.readTree((String) stored[3]);
            return replay.entity(body).type(JSON).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored idempotent response is not JSON", e);
        }
    }

    /** Forgets the keys older than the expiry. */
    @Scheduled(every = "{tracker.idempotency.cleanup-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void removeExpired() {
        em.createNativeQuery(
                "delete from idempotency_record where created_at < now() - make_interval(secs => :expiry)")
                .setParameter("expiry", (double) config.idempotency().expiry().toSeconds())
                .executeUpdate();
    }

    private static Response toResponse(Outcome outcome) {
        var response = Response.status(outcome.status()).entity(outcome.body()).type(JSON);
        if (outcome.location() != null) {
            response.location(outcome.location());
        }
        if (outcome.version() != null) {
            response.tag(Etags.of(outcome.version()));
        }
        return response.build();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hash(Object request) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(json(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
