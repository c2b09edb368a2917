package org.commitmenttracker.auth;

import static io.restassured.RestAssured.given;
import static org.commitmenttracker.auth.AccessWorld.Who.ADMIN;
import static org.commitmenttracker.auth.AccessWorld.Who.OWN_REPORTER;
import static org.commitmenttracker.auth.AccessWorld.Who.REVIEWER;
import static org.commitmenttracker.common.Problems.assertProblem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.commitmenttracker.auth.AccessWorld.Operation;
import org.commitmenttracker.auth.AccessWorld.Who;
import org.commitmenttracker.common.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Who may call what: every operation of openapi.yaml, as every kind of caller. Writes are allowed to exactly the role
 * (and, for a reporter, the department) in {@link #WRITER}; everyone else gets 403, or 401 without a valid token.
 * Reads are public. An operation added to the API and missing here fails {@link #shouldKnowWhoMayCallEveryOperation}.
 */
@QuarkusTest
class AccessMatrixTest {

    /** Who may call each write operation (one kind of caller each); reads are open to anyone. */
    private static final Map<String, Who> WRITER = Map.ofEntries(
            Map.entry("createRound", ADMIN), Map.entry("replaceRound", ADMIN), Map.entry("patchRound", ADMIN),
            Map.entry("deleteRound", ADMIN),
            Map.entry("createDepartment", ADMIN), Map.entry("replaceDepartment", ADMIN),
            Map.entry("patchDepartment", ADMIN), Map.entry("deleteDepartment", ADMIN),
            Map.entry("createCommitment", ADMIN), Map.entry("replaceCommitment", ADMIN),
            Map.entry("patchCommitment", ADMIN), Map.entry("deleteCommitment", ADMIN),
            Map.entry("createTarget", ADMIN), Map.entry("replaceTarget", ADMIN), Map.entry("patchTarget", ADMIN),
            Map.entry("deleteTarget", ADMIN),
            Map.entry("createMilestone", ADMIN), Map.entry("replaceMilestone", ADMIN),
            Map.entry("patchMilestone", ADMIN), Map.entry("deleteMilestone", ADMIN),
            Map.entry("completeMilestone", OWN_REPORTER),
            Map.entry("createProgressReport", OWN_REPORTER), Map.entry("replaceProgressReport", OWN_REPORTER),
            Map.entry("patchProgressReport", OWN_REPORTER), Map.entry("deleteProgressReport", OWN_REPORTER),
            Map.entry("reviewProgressReport", REVIEWER), Map.entry("importLetter", ADMIN));

    /** The query a read needs to be answered with 200 (the grouped progress table needs a quarter and a grouping). */
    private static final Map<String, String> READ_QUERY = Map.of("progressByGroup", "?quarter=2021-Q3&groupBy=department");

    /** One world for all reads, created on the first. */
    private static AccessWorld shared;

    static List<Operation> operations() {
        try {
            var paths = new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi.yaml").toFile()).get("paths");
            var operations = new ArrayList<Operation>();
            paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
                if (Set.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(),
                            method.getValue().path("operationId").asText()));
                }
            }));
            return operations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Operation> writes() {
        return operations().stream().filter(o -> !o.isRead()).toList();
    }

    static List<Operation> reads() {
        return operations().stream().filter(Operation::isRead).toList();
    }

    @Test
    void shouldKnowWhoMayCallEveryOperation() {
        assertTrue(operations().size() > 30, "openapi.yaml lists the operations");
        assertEquals(new TreeSet<>(WRITER.keySet()),
                writes().stream().map(Operation::id).collect(Collectors.toCollection(TreeSet::new)), "every write operation of openapi.yaml needs its writer in WRITER (and nothing else is there)");
    }

    /** Everyone but the operation's writer is refused and changes nothing; then its writer succeeds. */
    @ParameterizedTest
    @MethodSource("writes")
    void shouldLetOnlyTheRightRoleAndDepartmentWrite(Operation operation) {
        var world = new AccessWorld();
        var etag = world.etag(operation);
        var writer = WRITER.get(operation.id());
        for (var who : Who.values()) {
            if (who == writer) {
                continue;
            }
            var response = world.send(operation, who, etag);
            var status = who == Who.ANONYMOUS ? 401 : 403;
            assertEquals(status, response.statusCode(), operation + " as " + who + ": " + response.asString());
            assertProblem(response, status);
        }
        // the If-Match read before the refused calls is still current: none of them wrote
        var response = world.send(operation, writer, etag);
        assertTrue(response.statusCode() >= 200 && response.statusCode() < 300,
                operation + " as " + writer + ": " + response.statusCode() + " " + response.asString());
    }

    /** Every way of not having a valid token gets 401 problem+json with a Bearer challenge, on every write. */
    @ParameterizedTest
    @MethodSource("writes")
    void shouldAnswer401ToEveryWriteWithoutAValidToken(Operation operation) {
        var path = operation.path().replace("{id}", UUID.randomUUID().toString());
        for (var invalid : invalidTokens().entrySet()) {
            var request = given().header("If-Match", "*").body("{}").contentType(
                    operation.method().equals("PATCH") ? "application/merge-patch+json" : "application/json");
            if (invalid.getValue() != null) {
                request.header("Authorization", invalid.getValue());
            }
            var response = request.when().request(operation.method(), path).andReturn();
            assertEquals(401, response.statusCode(), operation + " with " + invalid.getKey() + ": " + response.asString());
            assertProblem(response, 401).header("WWW-Authenticate", startsWith("Bearer realm=\"commitment-tracker\""));
        }
    }

    @ParameterizedTest
    @MethodSource("reads")
    void shouldLetAnyoneRead(Operation operation) {
        var world = shared();
        for (var who : Who.values()) {
            var token = world.token(who);
            var request = token == null ? given() : Tokens.with(token);
            var path = world.path(operation) + READ_QUERY.getOrDefault(operation.id(), "");
            request.when().get(path).then().statusCode(200);
        }
    }

    private static synchronized AccessWorld shared() {
        if (shared == null) {
            shared = new AccessWorld();
        }
        return shared;
    }

    /** The kinds of invalid credentials (name → Authorization header, null: none). */
    static Map<String, String> invalidTokens() {
        long now = Instant.now().getEpochSecond();
        Function<Map<String, Object>, Map<String, Object>> valid = changes -> {
            var claims = Tokens.claims("admin", Set.of("admin"), null);
            claims.putAll(changes);
            return claims;
        };
        var admin = valid.apply(Map.of());
        var tokens = new java.util.LinkedHashMap<String, String>();
        tokens.put("no token", null);
        tokens.put("not a JWT", "Bearer not-a-token");
        tokens.put("another scheme", "Basic YWRtaW46YWRtaW4=");
        tokens.put("bad signature", "Bearer " + Tokens.sign(admin, otherKey()));
        tokens.put("wrong issuer", "Bearer " + Tokens.sign(valid.apply(Map.of("iss", "https://elsewhere.example")),
                Tokens.DEVELOPMENT_KEY));
        tokens.put("expired", "Bearer " + Tokens.sign(valid.apply(Map.of("iat", now - 7200, "exp", now - 3600)),
                Tokens.DEVELOPMENT_KEY));
        tokens.put("alg none", "Bearer " + Tokens.unsigned(Map.of("alg", "none", "typ", "JWT"), admin) + ".");
        tokens.put("signature cut off", "Bearer " + Tokens.sign(admin, Tokens.DEVELOPMENT_KEY).replaceFirst("\\.[^.]*$", "."));
        return tokens;
    }

    private static java.security.PrivateKey otherKey() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
