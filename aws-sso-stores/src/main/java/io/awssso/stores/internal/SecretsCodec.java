package io.awssso.stores.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awssso.api.AccountId;
import io.awssso.api.ClientRegistration;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.api.SsoToken;
import io.awssso.api.spi.StoredSecrets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts {@link StoredSecrets} to and from the JSON documents aws-sso-cli keeps, with its exact
 * member names and units (reference 5.1): registrations with epoch-second times, tokens with
 * {@code expiresIn} seconds, {@code expiresAt} Unix seconds and capitalised {@code IdToken} /
 * {@code RefreshToken}, role credentials with a numeric {@code accountId} and a Unix-millisecond
 * {@code expiration}.
 *
 * <p>Two layouts exist: {@link #STORAGE_DATA}, the blob every keyring-type backend holds (maps keyed
 * {@code client-data:<SSOName>} and {@code token-response:<SSOName>}), and {@link #JSON_STORE}, the
 * plain {@code store.json} (maps keyed by the raw instance name, plus {@code StartDeviceAuth}).
 * Members this code does not model ({@code StaticCredentials}, {@code StartDeviceAuth}, anything a
 * newer version adds) are carried over from the previous document when rewriting.
 *
 * <p>Errors are {@link IllegalArgumentException}s whose messages name the member, never a value.
 */
public final class SecretsCodec {

    /** The keyring {@code StorageData} layout. */
    public static final SecretsCodec STORAGE_DATA = new SecretsCodec(
            "RegisterClientData", "client-data:", "CreateTokenResponse", "token-response:",
            List.of("RegisterClientData", "CreateTokenResponse", "RoleCredentials", "StaticCredentials"));

    /** The plain {@code store.json} layout. */
    public static final SecretsCodec JSON_STORE = new SecretsCodec(
            "RegisterClient", "", "CreateTokenResponse", "",
            List.of("RegisterClient", "StartDeviceAuth", "CreateTokenResponse", "RoleCredentials",
                    "StaticCredentials"));

    private static final String ROLE_CREDENTIALS = "RoleCredentials";
    private static final String ECS_BEARER_TOKEN = "EcsBearerToken";
    private static final String ECS_PRIVATE_KEY = "EcsPrivateKey";
    private static final String ECS_CERT_CHAIN = "EcsCertChain";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String registrationsMember;
    private final String registrationPrefix;
    private final String tokensMember;
    private final String tokenPrefix;
    private final List<String> mapMembers;

    private SecretsCodec(String registrationsMember, String registrationPrefix, String tokensMember,
            String tokenPrefix, List<String> mapMembers) {
        this.registrationsMember = registrationsMember;
        this.registrationPrefix = registrationPrefix;
        this.tokensMember = tokensMember;
        this.tokenPrefix = tokenPrefix;
        this.mapMembers = mapMembers;
    }

    // ------------------------------------------------------------------ decode

    /**
     * Reads a document.
     *
     * @throws IllegalArgumentException naming the member that is not as expected
     */
    public StoredSecrets decode(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the document is not a JSON object");
        }
        Map<String, ClientRegistration> registrations = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : entries(root, registrationsMember)) {
            String name = stripPrefix(e.getKey(), registrationPrefix);
            if (name != null) {
                registrations.put(name, decodeRegistration(e.getValue(), registrationsMember + "." + e.getKey()));
            }
        }
        Map<String, SsoToken> tokens = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : entries(root, tokensMember)) {
            String name = stripPrefix(e.getKey(), tokenPrefix);
            if (name != null) {
                tokens.put(name, decodeToken(e.getValue(), tokensMember + "." + e.getKey()));
            }
        }
        Map<RoleArn, RoleCredentials> roles = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : entries(root, ROLE_CREDENTIALS)) {
            String where = ROLE_CREDENTIALS + "." + e.getKey();
            RoleArn arn;
            try {
                arn = RoleArn.parse(e.getKey());
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(where + ": the key is not a role ARN");
            }
            roles.put(arn, decodeRoleCredentials(e.getValue(), where, arn.partition()));
        }
        return new StoredSecrets(registrations, tokens, roles,
                optionalText(root, ECS_BEARER_TOKEN, ""),
                optionalText(root, ECS_PRIVATE_KEY, ""),
                optionalText(root, ECS_CERT_CHAIN, ""));
    }

    private static String stripPrefix(String key, String prefix) {
        if (prefix.isEmpty()) {
            return key;
        }
        // Keys without our prefix are not ours to interpret; they are dropped on rewrite.
        return key.startsWith(prefix) ? key.substring(prefix.length()) : null;
    }

    private static List<Map.Entry<String, JsonNode>> entries(JsonNode root, String member) {
        JsonNode node = root.get(member);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(member + ": expected a JSON object");
        }
        return new ArrayList<>(node.properties());
    }

    private static ClientRegistration decodeRegistration(JsonNode n, String where) {
        requireObject(n, where);
        List<String> grants = new ArrayList<>();
        JsonNode g = n.get("grantTypes");
        if (g != null && !g.isNull()) {
            if (!g.isArray()) {
                throw new IllegalArgumentException(where + ".grantTypes: expected an array");
            }
            for (JsonNode t : g) {
                if (!t.isTextual()) {
                    throw new IllegalArgumentException(where + ".grantTypes: expected strings");
                }
                grants.add(t.asText());
            }
        }
        Long issued = optionalLong(n, "clientIdIssuedAt", where);
        return new ClientRegistration(
                requiredText(n, "clientId", where),
                requiredText(n, "clientSecret", where),
                issued == null ? null : Instant.ofEpochSecond(issued),
                Instant.ofEpochSecond(requiredLong(n, "clientSecretExpiresAt", where)),
                optionalText(n, "authorizationEndpoint", where),
                optionalText(n, "tokenEndpoint", where),
                grants);
    }

    private static SsoToken decodeToken(JsonNode n, String where) {
        requireObject(n, where);
        Long expiresIn = optionalLong(n, "expiresIn", where);
        return new SsoToken(
                requiredText(n, "accessToken", where),
                optionalText(n, "tokenType", where),
                expiresIn == null ? null : Duration.ofSeconds(expiresIn),
                Instant.ofEpochSecond(requiredLong(n, "expiresAt", where)),
                optionalText(n, "RefreshToken", where),
                optionalText(n, "IdToken", where));
    }

    private static RoleCredentials decodeRoleCredentials(JsonNode n, String where, String partition) {
        requireObject(n, where);
        JsonNode acct = n.get("accountId");
        AccountId accountId;
        try {
            if (acct != null && acct.isIntegralNumber()) {
                accountId = AccountId.of(acct.longValue());
            } else if (acct != null && acct.isTextual()) {
                accountId = AccountId.parse(acct.asText());
            } else {
                throw new IllegalArgumentException("missing");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".accountId: expected an account number");
        }
        JsonNode chaining = n.get("roleChaining");
        if (chaining != null && !chaining.isNull() && !chaining.isBoolean()) {
            throw new IllegalArgumentException(where + ".roleChaining: expected true or false");
        }
        return new RoleCredentials(
                // the entry holds account and role; its key, the ARN, holds the partition
                new RoleArn(partition, accountId, requiredText(n, "roleName", where)),
                requiredText(n, "accessKeyId", where),
                requiredText(n, "secretAccessKey", where),
                requiredText(n, "sessionToken", where),
                Instant.ofEpochMilli(requiredLong(n, "expiration", where)),
                chaining != null && chaining.booleanValue());
    }

    private static void requireObject(JsonNode n, String where) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException(where + ": expected a JSON object");
        }
    }

    private static String requiredText(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(where + "." + field + ": expected a string");
        }
        return v.asText();
    }

    /** Absent, null and empty all mean "none", as Go writes a missing string as "". */
    private static String optionalText(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(prefixed(where, field) + ": expected a string");
        }
        return v.asText().isEmpty() ? null : v.asText();
    }

    private static long requiredLong(JsonNode n, String field, String where) {
        Long v = optionalLong(n, field, where);
        if (v == null) {
            throw new IllegalArgumentException(where + "." + field + ": expected a number");
        }
        return v;
    }

    private static Long optionalLong(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isFloatingPointNumber() && v.canConvertToLong()) {
            return (long) v.doubleValue();
        }
        throw new IllegalArgumentException(where + "." + field + ": expected a whole number");
    }

    private static String prefixed(String where, String field) {
        return where.isEmpty() ? field : where + "." + field;
    }

    // ------------------------------------------------------------------ encode

    /** Writes a fresh document. */
    public ObjectNode encode(StoredSecrets secrets) {
        return encode(secrets, null);
    }

    /**
     * Writes {@code secrets}, carrying over from {@code previous} (may be {@code null}) every
     * member this codec does not model, so that rewriting never loses another program's data.
     */
    public ObjectNode encode(StoredSecrets secrets, JsonNode previous) {
        ObjectNode root = NODES.objectNode();
        for (String member : mapMembers) {
            if (member.equals(registrationsMember)) {
                ObjectNode m = root.putObject(member);
                secrets.registrations().forEach((name, r) -> m.set(registrationPrefix + name, encodeRegistration(r)));
            } else if (member.equals(tokensMember)) {
                ObjectNode m = root.putObject(member);
                secrets.tokens().forEach((name, t) -> m.set(tokenPrefix + name, encodeToken(t)));
            } else if (member.equals(ROLE_CREDENTIALS)) {
                ObjectNode m = root.putObject(member);
                secrets.roleCredentials().forEach((arn, c) -> m.set(arn.toString(), encodeRoleCredentials(c)));
            } else {
                JsonNode kept = previous == null ? null : previous.get(member);
                root.set(member, kept != null && kept.isObject() ? kept.deepCopy() : NODES.objectNode());
            }
        }
        putIfPresent(root, ECS_BEARER_TOKEN, secrets.ecsBearerToken());
        putIfPresent(root, ECS_PRIVATE_KEY, secrets.ecsPrivateKey());
        putIfPresent(root, ECS_CERT_CHAIN, secrets.ecsCertChain());
        if (previous != null && previous.isObject()) {
            for (Map.Entry<String, JsonNode> e : previous.properties()) {
                if (!mapMembers.contains(e.getKey()) && !isEcsMember(e.getKey())) {
                    root.set(e.getKey(), e.getValue().deepCopy());
                }
            }
        }
        return root;
    }

    private static boolean isEcsMember(String name) {
        return name.equals(ECS_BEARER_TOKEN) || name.equals(ECS_PRIVATE_KEY) || name.equals(ECS_CERT_CHAIN);
    }

    private static ObjectNode encodeRegistration(ClientRegistration r) {
        ObjectNode n = NODES.objectNode();
        putIfPresent(n, "authorizationEndpoint", r.authorizationEndpoint());
        n.put("clientId", r.clientId());
        if (r.issuedAt() != null) {
            n.put("clientIdIssuedAt", r.issuedAt().getEpochSecond());
        }
        n.put("clientSecret", r.clientSecret());
        n.put("clientSecretExpiresAt", r.secretExpiresAt().getEpochSecond());
        putIfPresent(n, "tokenEndpoint", r.tokenEndpoint());
        ArrayNode grants = n.putArray("grantTypes");
        r.grantTypes().forEach(grants::add);
        return n;
    }

    private static ObjectNode encodeToken(SsoToken t) {
        ObjectNode n = NODES.objectNode();
        n.put("accessToken", t.accessToken());
        n.put("expiresIn", t.expiresIn().toSeconds());
        n.put("expiresAt", t.expiresAt().getEpochSecond());
        putIfPresent(n, "IdToken", t.idToken());
        putIfPresent(n, "RefreshToken", t.refreshToken());
        n.put("tokenType", t.tokenType());
        return n;
    }

    private static ObjectNode encodeRoleCredentials(RoleCredentials c) {
        ObjectNode n = NODES.objectNode();
        n.put("roleName", c.roleName());
        n.put("accountId", c.accountId().asLong());
        n.put("accessKeyId", c.accessKeyId());
        n.put("secretAccessKey", c.secretAccessKey());
        n.put("sessionToken", c.sessionToken());
        n.put("expiration", c.expiration().toEpochMilli());
        n.put("roleChaining", c.roleChaining());
        return n;
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }
}
