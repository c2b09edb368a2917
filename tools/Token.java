import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Prints a bearer token signed with the development key pair, for curl users of a dev or demo run:
 *
 * <pre>
 *   java tools/Token.java ROLES [DEPARTMENT] [SUBJECT]
 *   java tools/Token.java admin
 *   java tools/Token.java reporter zjj
 *   java tools/Token.java reviewer "" li.wei
 * </pre>
 *
 * ROLES is one role or several separated by commas (admin, reviewer, reporter); DEPARTMENT is the code of the
 * department a reporter acts for; SUBJECT names the caller (default: the roles and department). The token is valid
 * for 8 hours, for the issuer MP_JWT_VERIFY_ISSUER (default commitment-tracker-dev). Needs only a JDK (17+); run it
 * from the project's root directory, or set TOKEN_PRIVATE_KEY to the private key file.
 */
public class Token {

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 3 || args[0].isBlank()) {
            System.err.println("usage: java tools/Token.java ROLES [DEPARTMENT] [SUBJECT]   e.g. reporter zjj");
            System.exit(2);
        }
        var roles = args[0].split(",");
        var department = args.length > 1 && !args[1].isBlank() ? args[1] : null;
        var subject = args.length > 2 && !args[2].isBlank() ? args[2]
                : String.join("-", roles) + (department == null ? "" : "-" + department);
        var issuer = env("MP_JWT_VERIFY_ISSUER", "commitment-tracker-dev");
        var keyFile = Path.of(env("TOKEN_PRIVATE_KEY", "tools/dev-jwt-private-key.pem"));

        var groups = new StringBuilder();
        for (var role : roles) {
            groups.append(groups.isEmpty() ? "" : ",").append(json(role.strip()));
        }
        long now = Instant.now().getEpochSecond();
        var claims = "{\"iss\":" + json(issuer) + ",\"sub\":" + json(subject) + ",\"groups\":[" + groups + "]"
                + (department == null ? "" : ",\"department\":" + json(department))
                + ",\"iat\":" + now + ",\"exp\":" + (now + 8 * 3600) + ",\"jti\":" + json(UUID.randomUUID().toString())
                + "}";
        var signingInput = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64Url(claims);

        var pem = Files.readString(keyFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        var signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        System.out.println(signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign()));
    }

    private static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(String text) {
        var out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
