package org.commitmenttracker.common;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.specification.RequestSpecification;

/**
 * Bearer tokens for tests, signed with the development key pair the test profile trusts (as tools/Token.java does for
 * curl users), and requests that carry them: {@code with(admin()).body(...).post(...)}.
 */
public final class Tokens {

    public static final String ISSUER = "commitment-tracker-dev";

    /** The development private key, the one README's token command uses. */
    public static final PrivateKey DEVELOPMENT_KEY = privateKey(Path.of("tools/dev-jwt-private-key.pem"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private Tokens() {
    }

    public static String admin() {
        return as("admin", Set.of("admin"), null);
    }

    public static String reviewer() {
        return as("reviewer", Set.of("reviewer"), null);
    }

    /** A reporter for the department with this code, named reporter-CODE. */
    public static String reporter(String departmentCode) {
        return as("reporter-" + departmentCode, Set.of("reporter"), departmentCode);
    }

    /** A valid token for this subject with these roles, and this department code (or none: null). */
    public static String as(String subject, Set<String> groups, String department) {
        return sign(claims(subject, groups, department), DEVELOPMENT_KEY);
    }

    /** The claims of a valid token, to change one of them before {@link #sign}. */
    public static Map<String, Object> claims(String subject, Set<String> groups, String department) {
        long now = Instant.now().getEpochSecond();
        var claims = new LinkedHashMap<String, Object>();
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("groups", groups);
        if (department != null) {
            claims.put("department", department);
        }
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    /** A compact JWS of {@code claims}, signed RS256 with {@code key}. */
    public static String sign(Map<String, Object> claims, PrivateKey key) {
        var input = unsigned(Map.of("alg", "RS256", "typ", "JWT"), claims);
        try {
            var signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The header and claims part of a token, base64url-encoded, without the signature and its dot. */
    public static String unsigned(Map<String, ?> header, Map<String, Object> claims) {
        return base64Url(header) + "." + base64Url(claims);
    }

    /** A request that carries {@code token} as its bearer token. */
    public static RequestSpecification with(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    private static String base64Url(Object json) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey(Path pem) {
        try {
            var base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
