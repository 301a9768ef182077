package io.awssso.stores.onepassword;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awssso.api.StoreUnavailableException;
import io.awssso.stores.internal.KeyringSecureStore;
import io.awssso.stores.internal.StorageLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * The {@code 1password} store, laid out as aws-sso-cli lays it out so that both tools share it:
 * in the vault named by {@code OnePassword.Vault} (matched ignoring case), one Secure Note titled
 * {@code aws-sso-cli} whose text field with id {@code data} holds the whole {@code StorageData}
 * JSON. Every access asks {@code op} afresh, so changes made by aws-sso-cli or another machine are
 * seen; writes on this machine are serialised by {@code storage.lock}.
 */
final class OnePasswordSecureStore extends KeyringSecureStore {
    /** The item's title, as aws-sso-cli names it. */
    static final String ITEM_TITLE = "aws-sso-cli";
    /** The id (and label) of the text field holding the data. */
    static final String FIELD_ID = "data";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpCommand op;
    private final String vaultName;
    private final Path scratchParent;
    private String vaultId;
    /** The item as last read ({@code null}: none in the vault), the base of the next edit. */
    private ObjectNode item;

    OnePasswordSecureStore(OpCommand op, String vaultName, Path scratchParent, StorageLock lock) {
        super(lock);
        this.op = op;
        this.vaultName = vaultName;
        this.scratchParent = scratchParent;
    }

    @Override
    public String name() {
        return OnePasswordSecureStoreProvider.NAME;
    }

    @Override
    protected String location() {
        return "'" + ITEM_TITLE + "' in the 1Password vault '" + vaultName + "'";
    }

    @Override
    protected synchronized byte[] loadData() {
        String vault = vaultId();
        item = null;
        String id = null;
        for (JsonNode overview : array(op.json("item", "list", "--vault", vault), "op item list")) {
            if (ITEM_TITLE.equals(overview.path("title").asText())) {
                id = overview.path("id").asText();
                break;
            }
        }
        if (id == null) {
            return null;
        }
        JsonNode got = parse(op.json("item", "get", id, "--vault", vault), "op item get");
        if (!(got instanceof ObjectNode object)) {
            throw new StoreUnavailableException("op item get " + id + " did not print an item");
        }
        item = object;
        for (JsonNode field : item.path("fields")) {
            if (FIELD_ID.equals(field.path("id").asText())) {
                String value = field.path("value").asText("");
                return value.isEmpty() ? null : value.getBytes(StandardCharsets.UTF_8);
            }
        }
        return null; // the note exists without data yet: the next save fills its field
    }

    @Override
    protected synchronized void saveData(byte[] storageDataJson, boolean creating) {
        String value = new String(storageDataJson, StandardCharsets.UTF_8);
        String vault = vaultId();
        ObjectNode template;
        if (item == null) {
            template = JSON.createObjectNode();
            template.put("title", ITEM_TITLE);
            template.put("category", "SECURE_NOTE");
            template.putArray("fields").add(dataField(JSON.createObjectNode(), value));
        } else {
            template = item.deepCopy();
            ArrayNode fields = template.has("fields") && template.get("fields").isArray()
                    ? (ArrayNode) template.get("fields") : template.putArray("fields");
            ObjectNode data = null;
            for (JsonNode f : fields) {
                if (f instanceof ObjectNode o && FIELD_ID.equals(o.path("id").asText())) {
                    data = o;
                }
            }
            if (data == null) {
                data = fields.addObject();
            }
            dataField(data, value);
        }
        JsonNode saved = withTemplateFile(template, file -> item == null
                ? op.json("item", "create", "--vault", vault, "--template", file.toString())
                : op.json("item", "edit", item.path("id").asText(), "--vault", vault, "--template", file.toString()));
        item = saved instanceof ObjectNode o ? o : null;
    }

    private static ObjectNode dataField(ObjectNode field, String value) {
        field.put("id", FIELD_ID);
        field.put("type", "STRING");
        field.put("label", FIELD_ID);
        field.put("value", value);
        return field;
    }

    /** The vault's id, looked up once by name (ignoring case), as aws-sso-cli matches it. */
    private String vaultId() {
        if (vaultId == null) {
            String wanted = vaultName.toLowerCase(Locale.ROOT);
            for (JsonNode v : array(op.json("vault", "list"), "op vault list")) {
                if (v.path("name").asText().toLowerCase(Locale.ROOT).equals(wanted)) {
                    vaultId = v.path("id").asText();
                    return vaultId;
                }
            }
            throw new StoreUnavailableException("1Password vault \"" + vaultName + "\" not found: create it or"
                    + " set OnePassword.Vault in config to an existing vault ('op vault list' shows them)");
        }
        return vaultId;
    }

    private interface OpCall {
        String run(Path templateFile);
    }

    /**
     * Hands {@code op} the item template in a file readable only by this user, in a private
     * directory, deleted right after: on the command line the data would be visible to every
     * process on the machine.
     */
    private JsonNode withTemplateFile(ObjectNode template, OpCall call) {
        Path dir = null;
        Path file = null;
        try {
            dir = Files.createTempDirectory(scratchParent, ".op-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            file = Files.createFile(dir.resolve("item.json"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, JSON.writeValueAsBytes(template));
            return parse(call.run(file), "op item");
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot write the 1Password item template under "
                    + scratchParent + ": " + e.getMessage(), e);
        } finally {
            try {
                if (file != null) {
                    Files.deleteIfExists(file);
                }
                if (dir != null) {
                    Files.deleteIfExists(dir);
                }
            } catch (IOException e) {
                // a leftover private 0600 file; the next run's directory is a new one
            }
        }
    }

    private static JsonNode array(String text, String what) {
        JsonNode n = parse(text, what);
        if (!n.isArray()) {
            throw new StoreUnavailableException(what + " did not print a JSON array");
        }
        return n;
    }

    private static JsonNode parse(String text, String what) {
        try {
            return JSON.readTree(text.isBlank() ? "null" : text);
        } catch (IOException e) {
            throw new StoreUnavailableException(what + " printed something that is not JSON;"
                    + " is 'op' the 1Password CLI version 2?");
        }
    }
}
