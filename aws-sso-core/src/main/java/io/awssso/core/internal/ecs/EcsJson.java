package io.awssso.core.internal.ecs;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awssso.api.AccountId;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.api.internal.text.JsonStrings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's wire bodies. Responses are written by hand (a handful of fixed keys; escaping is
 * all that matters) so that serving costs no reflection; requests are read with Jackson's tree
 * model and validated field by field.
 */
public final class EcsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EcsJson() {
    }

    /** {@code {"code":"<status>","message":"..."}}, the shape of every answer that is not data. */
    static byte[] status(int code, String message) {
        return ("{\"code\":\"" + code + "\",\"message\":" + quote(message) + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The container-provider body every SDK reads: {@code AccessKeyId}, {@code SecretAccessKey},
     * {@code Token}, {@code Expiration} (RFC 3339, UTC, whole seconds), plus {@code AccountId} and
     * {@code RoleArn}.
     */
    static byte[] credentials(RoleCredentials c) {
        return ("{\"AccessKeyId\":" + quote(c.accessKeyId())
                + ",\"SecretAccessKey\":" + quote(c.secretAccessKey())
                + ",\"Token\":" + quote(c.sessionToken())
                + ",\"Expiration\":" + quote(rfc3339(c.expiration()))
                + ",\"AccountId\":" + quote(c.accountId().value())
                + ",\"RoleArn\":" + quote(c.roleArn().toString()) + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** One {@code ListProfilesResponse}; {@code Expiration} in epoch seconds. */
    static String profile(String profileName, RoleCredentials c, Instant now) {
        return "{\"ProfileName\":" + quote(profileName)
                + ",\"AccountId\":" + quote(c.accountId().value())
                + ",\"RoleName\":" + quote(c.roleName())
                + ",\"Expiration\":" + c.expiration().getEpochSecond()
                + ",\"Expires\":" + quote(expiresText(Duration.between(now, c.expiration()))) + "}";
    }

    /** The {@code /healthcheck} body for loaded, unexpired credentials. */
    static byte[] healthy(String profileName, RoleCredentials c) {
        return ("{\"status\":\"ok\",\"profile\":" + quote(profileName) + ",\"expires\":"
                + quote(rfc3339(c.expiration())) + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code /healthcheck} body when it answers 503. */
    static byte[] unhealthy(String status) {
        return ("{\"status\":" + quote(status) + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 3339 in UTC with a {@code Z}, truncated to seconds (what botocore and the JSDK parse). */
    static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Time left as aws-sso-cli prints it: {@code " 1h  5m"}, {@code "42m"}, {@code "< 1m"},
     * {@code "Expired"}.
     */
    public static String expiresText(Duration left) {
        if (left.isNegative() || left.isZero()) {
            return "Expired";
        }
        long minutes = left.toMinutes();
        if (minutes < 1) {
            return "< 1m";
        }
        long hours = minutes / 60;
        return hours > 0 ? String.format("%2dh %2dm", hours, minutes % 60) : String.format("%2dm", minutes);
    }

    /** A JSON string literal. */
    static String quote(String s) {
        return JsonStrings.quote(s);
    }

    /**
     * Reads an {@code ECSClientRequest}. {@code accountId} is a JSON number and {@code expiration}
     * epoch milliseconds, as aws-sso-cli sends them.
     *
     * @throws EcsRequestException (500, as aws-sso-cli answers) naming what is wrong, never a value
     */
    static LoadRequest parseLoadRequest(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JacksonException e) {
            // Jackson's own message can quote the offending token, which may be a secret.
            JsonLocation at = e.getLocation();
            throw new EcsRequestException(500, "request body is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new EcsRequestException(500, "cannot read the request body");
        }
        if (root == null || !root.isObject()) {
            throw new EcsRequestException(500, "request body must be a JSON object with ProfileName and Creds");
        }
        List<String> problems = new ArrayList<>();
        String profile = text(root, "ProfileName", "ProfileName", problems);
        JsonNode creds = root.get("Creds");
        if (creds == null || !creds.isObject()) {
            problems.add("Creds is missing");
            throw invalid(problems);
        }
        String roleName = text(creds, "roleName", "Creds.roleName", problems);
        String accessKeyId = text(creds, "accessKeyId", "Creds.accessKeyId", problems);
        String secret = text(creds, "secretAccessKey", "Creds.secretAccessKey", problems);
        String token = text(creds, "sessionToken", "Creds.sessionToken", problems);
        long account = number(creds, "accountId", "Creds.accountId", problems);
        long expiration = number(creds, "expiration", "Creds.expiration", problems);
        JsonNode chaining = creds.get("roleChaining");
        if (chaining != null && !chaining.isNull() && !chaining.isBoolean()) {
            problems.add("Creds.roleChaining must be true or false");
        }
        AccountId accountId = null;
        if (account != 0) {
            try {
                accountId = AccountId.of(account);
            } catch (IllegalArgumentException e) {
                problems.add("Creds.accountId must be 1 to 12 decimal digits");
            }
        }
        if (roleName != null) {
            try {
                RoleArn.of(AccountId.of(0), roleName);
            } catch (IllegalArgumentException e) {
                problems.add("Creds.roleName is not a valid role name");
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return new LoadRequest(profile, new RoleCredentials(
                // the load request carries no partition (aws-sso-cli's wire format): the ARN the
                // server reports says aws
                RoleArn.of(accountId, roleName), accessKeyId, secret, token,
                Instant.ofEpochMilli(expiration), chaining != null && chaining.asBoolean()));
    }

    private static EcsRequestException invalid(List<String> problems) {
        return new EcsRequestException(500, "invalid ECSClientRequest: " + String.join(", ", problems));
    }

    private static String text(JsonNode node, String key, String label, List<String> problems) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())) {
            problems.add(label + " is missing");
            return null;
        }
        if (!v.isTextual()) {
            problems.add(label + " must be a string");
            return null;
        }
        return v.asText();
    }

    private static long number(JsonNode node, String key, String label, List<String> problems) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            problems.add(label + " is missing");
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            problems.add(label + " must be an integer");
            return 0;
        }
        if (v.asLong() == 0) {
            problems.add(label + " must not be 0");
        }
        return v.asLong();
    }

    /** The {@code ECSClientRequest} body a client PUTs. */
    public static byte[] loadRequest(String profileName, RoleCredentials c) {
        ObjectNode root = MAPPER.createObjectNode().put("ProfileName", profileName);
        root.putObject("Creds")
                .put("roleName", c.roleName())
                .put("accountId", c.accountId().asLong())
                .put("accessKeyId", c.accessKeyId())
                .put("secretAccessKey", c.secretAccessKey())
                .put("sessionToken", c.sessionToken())
                .put("expiration", c.expiration().toEpochMilli())
                .put("roleChaining", c.roleChaining());
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write an ECSClientRequest", e);
        }
    }

    /** Reads a JSON body the server sent. */
    static JsonNode read(byte[] body) throws IOException {
        return MAPPER.readTree(body);
    }

    /** Joins prepared profile objects into a JSON array. */
    static byte[] array(List<String> objects) {
        return ("[" + String.join(",", objects) + "]").getBytes(StandardCharsets.UTF_8);
    }
}
