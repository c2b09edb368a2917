package org.commitmenttracker.common;

import static org.commitmenttracker.common.Problems.assertProblem;
import static org.commitmenttracker.common.Tokens.admin;
import static org.commitmenttracker.common.Tokens.reporter;
import static org.commitmenttracker.common.Tokens.with;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.commitmenttracker.Fixtures;
import org.commitmenttracker.common.http.Idempotency;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Idempotency-Key: bound to its caller, forgotten after the expiry (24 h by default), one write however sent. */
@QuarkusTest
class IdempotencyTest {

    private static final String ROUNDS = "/api/v1/rounds";

    @Inject
    EntityManager em;

    @Inject
    Idempotency idempotency;

    private static Map<String, Object> round(String title) {
        return Map.of("title", title, "year", 2021, "issuer", "淄博市人大常委会", "publishedOn", "2021-04-01");
    }

    private static String create(String token, String key, Map<String, Object> body) {
        return with(token).header(Idempotency.HEADER, key).contentType("application/json").body(body)
                .when().post(ROUNDS).then().statusCode(201).extract().path("id");
    }

    /** Moves the stored key's creation back by {@code hours}, as if it had been sent that long ago. */
    private void age(String key, int hours) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update idempotency_record set created_at = now() - make_interval(hours => :hours) where key = :key")
                .setParameter("hours", hours).setParameter("key", key).executeUpdate());
    }

    private long stored(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from idempotency_record where key = :key").setParameter("key", key)
                .getSingleResult()).longValue());
    }

    @Test
    void shouldTreatTheSameKeyFromTwoCallersAsTwoRequests() {
        var key = UUID.randomUUID().toString();
        var body = round("两个调用方 " + Fixtures.token());
        var first = create(admin(), key, body);
        var second = create(Tokens.as("another-admin", Set.of("admin"), null), key, body);
        assertNotEquals(first, second);
        assertEquals(2, Api.list(ROUNDS, "q", body.get("title")).getInt("total"));
        with(admin()).header(Idempotency.HEADER, key).contentType("application/json").body(body).when().post(ROUNDS)
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
    }

    @Test
    void shouldForgetAKeyAfterItsExpiry() {
        var key = UUID.randomUUID().toString();
        var body = round("过期的键 " + Fixtures.token());
        var first = create(admin(), key, body);
        age(key, 23);
        with(admin()).header(Idempotency.HEADER, key).contentType("application/json").body(body).when().post(ROUNDS)
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        age(key, 25);
        var again = with(admin()).header(Idempotency.HEADER, key).contentType("application/json").body(body)
                .when().post(ROUNDS).then().statusCode(201).extract();
        assertEquals(null, again.header("Idempotent-Replayed"));
        assertNotEquals(first, again.path("id"));
        assertEquals(2, Api.list(ROUNDS, "q", body.get("title")).getInt("total"));
    }

    @Test
    void shouldRemoveExpiredKeysInTheScheduledCleanup() {
        var old = UUID.randomUUID().toString();
        var recent = UUID.randomUUID().toString();
        create(admin(), old, round("清理 " + Fixtures.token()));
        create(admin(), recent, round("清理 " + Fixtures.token()));
        age(old, 25);
        idempotency.removeExpired();
        assertEquals(0, stored(old));
        assertEquals(1, stored(recent));
    }

    @Test
    void shouldWriteOnceForConcurrentDuplicates() throws Exception {
        var code = Fixtures.token();
        var target = Fixtures.target(Fixtures.commitment(Fixtures.round(), Fixtures.department(code, "幂等测试局 " + code)),
                Map.of());
        var json = "{\"targetId\": \"" + target + "\", \"asOf\": \"2021-06-28\", \"value\": 4500}";
        var responses = Concurrently.send(10, "POST", "/api/v1/progress-reports", json,
                Map.of("Authorization", "Bearer " + reporter(code), Idempotency.HEADER, UUID.randomUUID().toString()));
        var ids = new HashSet<String>();
        for (var response : responses) {
            assertEquals(201, response.statusCode(), response.body());
            ids.add(JsonPath.from(response.body()).getString("id"));
        }
        assertEquals(1, ids.size());
        assertEquals(1, Api.list("/api/v1/progress-reports", "targetId", target).getInt("total"));
    }

    @Test
    void shouldRefuseTheSameKeyWithAnotherBody() {
        var key = UUID.randomUUID().toString();
        var title = "另一个请求体 " + Fixtures.token();
        create(admin(), key, round(title));
        assertProblem(with(admin()).header(Idempotency.HEADER, key).contentType("application/json")
                .body(round(title + " 改")).when().post(ROUNDS), 422);
        assertEquals(1, Api.list(ROUNDS, "q", title).getInt("total"));
    }
}
