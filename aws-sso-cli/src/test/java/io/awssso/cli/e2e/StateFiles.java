package io.awssso.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Edits the files the tool keeps in the harness's config directory, to put them in states that
 * otherwise take hours to reach: an old role cache, an expired stored token, a role that has
 * since been unassigned.
 */
final class StateFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CliHarness h;

    StateFiles(CliHarness h) {
        this.h = h;
    }

    Path cacheFile() {
        return h.configDirectory().resolve("cache.json");
    }

    JsonNode cache() throws Exception {
        return JSON.readTree(cacheFile().toFile());
    }

    /** Makes the Default instance's role cache look as if it was last refreshed long ago. */
    void ageCache() throws Exception {
        ObjectNode root = (ObjectNode) cache();
        ((ObjectNode) root.get("SSO").get("Default")).put("LastUpdate", 1_000_000_000L);
        Files.writeString(cacheFile(), root.toPrettyString());
    }

    /**
     * Adds a role to the cache of {@code account} (its id without padding, as cache.json keys it)
     * that IAM Identity Center no longer assigns: the next refresh must report it as deleted.
     */
    void addStaleRole(String accountKey, String accountId12, String roleName) throws Exception {
        ObjectNode root = (ObjectNode) cache();
        ObjectNode roles = (ObjectNode) root.get("SSO").get("Default").get("Roles").get("Accounts")
                .get(accountKey).get("Roles");
        ObjectNode copy = roles.elements().next().deepCopy();
        copy.put("Arn", "arn:aws:iam::" + accountId12 + ":role/" + roleName);
        ((ObjectNode) copy.get("Tags")).put("Role", roleName);
        roles.set(roleName, copy);
        Files.writeString(cacheFile(), root.toPrettyString());
    }

    /** The json store (config {@code SecureStore: json}). */
    JsonNode store() throws Exception {
        return JSON.readTree(h.configDirectory().resolve("store.json").toFile());
    }

    /** Makes the stored access token of the Default instance expired an hour ago. */
    void expireStoredToken() throws Exception {
        ObjectNode root = (ObjectNode) store();
        ObjectNode token = (ObjectNode) root.get("CreateTokenResponse").get("Default");
        token.put("expiresAt", System.currentTimeMillis() / 1000 - 3600);
        Files.writeString(h.configDirectory().resolve("store.json"), root.toPrettyString());
    }
}
