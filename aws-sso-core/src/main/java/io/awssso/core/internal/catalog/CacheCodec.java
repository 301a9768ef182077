package io.awssso.core.internal.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes {@code cache.json} exactly as aws-sso-cli does (version 4, reference section
 * 6.1): mixed-case keys, account ids as number keys without zero padding, Unix seconds. Unknown
 * keys are ignored on read; a missing key reads as empty or zero.
 */
final class CacheCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private CacheCodec() {
    }

    /**
     * Parses the file's text.
     *
     * @throws IllegalArgumentException when it is not JSON or an account key is not a number
     */
    static CacheData read(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        CacheData c = new CacheData();
        c.version = root.path("Version").asInt(0);
        c.configCreatedAt = root.path("ConfigCreatedAt").asLong(0);
        for (Map.Entry<String, JsonNode> e : root.path("SSO").properties()) {
            c.sso.put(e.getKey(), readSso(e.getValue()));
        }
        return c;
    }

    private static CacheData.Sso readSso(JsonNode n) {
        CacheData.Sso s = new CacheData.Sso();
        s.lastUpdate = n.path("LastUpdate").asLong(0);
        s.configHash = n.path("ConfigHash").asText("");
        for (JsonNode h : n.path("History")) {
            s.history.add(h.asText());
        }
        JsonNode roles = n.path("Roles");
        s.ssoRegion = roles.path("SSORegion").asText("");
        s.startUrl = roles.path("StartUrl").asText("");
        s.defaultRegion = roles.path("DefaultRegion").asText("");
        for (Map.Entry<String, JsonNode> e : roles.path("Accounts").properties()) {
            long id;
            try {
                id = Long.parseLong(e.getKey().strip(), 10);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("account key '" + e.getKey() + "' is not a number");
            }
            s.accounts.put(id, readAccount(e.getValue()));
        }
        return s;
    }

    private static CacheData.Account readAccount(JsonNode n) {
        CacheData.Account a = new CacheData.Account();
        a.alias = n.path("Alias").asText("");
        a.name = n.path("Name").asText("");
        a.emailAddress = n.path("EmailAddress").asText("");
        a.defaultRegion = n.path("DefaultRegion").asText("");
        readTags(n.path("Tags"), a.tags);
        for (Map.Entry<String, JsonNode> e : n.path("Roles").properties()) {
            JsonNode r = e.getValue();
            CacheData.Role role = new CacheData.Role();
            role.arn = r.path("Arn").asText("");
            role.defaultRegion = r.path("DefaultRegion").asText("");
            role.expires = r.path("Expires").asLong(0);
            role.profile = r.path("Profile").asText("");
            role.via = r.path("Via").asText("");
            readTags(r.path("Tags"), role.tags);
            a.roles.put(e.getKey(), role);
        }
        return a;
    }

    private static void readTags(JsonNode n, Map<String, String> into) {
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            into.put(e.getKey(), e.getValue().asText(""));
        }
    }

    /** The file's text. */
    static String write(CacheData c) {
        ObjectNode root = JSON.createObjectNode();
        root.put("Version", c.version);
        root.put("ConfigCreatedAt", c.configCreatedAt);
        ObjectNode ssoNode = root.putObject("SSO");
        for (Map.Entry<String, CacheData.Sso> e : c.sso.entrySet()) {
            CacheData.Sso s = e.getValue();
            ObjectNode sn = ssoNode.putObject(e.getKey());
            sn.put("LastUpdate", s.lastUpdate);
            sn.put("ConfigHash", s.configHash);
            s.history.forEach(sn.putArray("History")::add);
            ObjectNode rn = sn.putObject("Roles");
            rn.put("SSORegion", s.ssoRegion);
            rn.put("StartUrl", s.startUrl);
            rn.put("DefaultRegion", s.defaultRegion);
            ObjectNode accounts = rn.putObject("Accounts");
            for (Map.Entry<Long, CacheData.Account> ae : s.accounts.entrySet()) {
                CacheData.Account a = ae.getValue();
                ObjectNode an = accounts.putObject(Long.toString(ae.getKey()));
                an.put("Alias", a.alias);
                an.put("Name", a.name);
                an.put("EmailAddress", a.emailAddress);
                an.put("DefaultRegion", a.defaultRegion);
                writeTags(an.putObject("Tags"), a.tags);
                ObjectNode roles = an.putObject("Roles");
                for (Map.Entry<String, CacheData.Role> re : a.roles.entrySet()) {
                    CacheData.Role r = re.getValue();
                    ObjectNode n = roles.putObject(re.getKey());
                    n.put("Arn", r.arn);
                    n.put("DefaultRegion", r.defaultRegion);
                    n.put("Expires", r.expires);
                    n.put("Profile", r.profile);
                    n.put("Via", r.via);
                    writeTags(n.putObject("Tags"), r.tags);
                }
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the role cache", e);
        }
    }

    private static void writeTags(ObjectNode into, Map<String, String> tags) {
        new TreeMap<>(tags).forEach(into::put);
    }
}
