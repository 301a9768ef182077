package io.awssso.stores.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Base64;

/**
 * The JSON form of one keyring item as aws-sso-cli's keyring library stores it in the {@code file},
 * {@code pass}, {@code kwallet} and {@code secret-service} backends:
 * {@code {"Key", "Data" (standard base64, as Go marshals []byte), "Label", "Description",
 * "KeychainNotTrustApplication", "KeychainNotSynchronizable"}}, with the {@code StorageData} JSON in
 * {@code Data}.
 */
public final class KeyringItem {

    /** The record key (and file / entry name) aws-sso-cli uses. */
    public static final String KEY = "aws-sso-cli-records";
    /** The item label. */
    public static final String LABEL = "aws-sso-cli";
    /** The item description. */
    public static final String DESCRIPTION = "aws-sso secure storage";

    private KeyringItem() {
    }

    /** The item JSON (compact, Go field order) holding {@code data}. */
    public static byte[] wrap(byte[] data) {
        ObjectNode item = GoJson.mapper().createObjectNode();
        item.put("Key", KEY);
        item.put("Data", Base64.getEncoder().encodeToString(data));
        item.put("Label", LABEL);
        item.put("Description", DESCRIPTION);
        item.put("KeychainNotTrustApplication", false);
        item.put("KeychainNotSynchronizable", false);
        return GoJson.compact(item);
    }

    /**
     * The data held by an item.
     *
     * @throws IOException when {@code itemJson} is not such an item (the message holds no data)
     */
    public static byte[] unwrap(byte[] itemJson) throws IOException {
        JsonNode item = GoJson.parse(itemJson);
        JsonNode data = item.get("Data");
        if (!item.isObject() || data == null || !(data.isTextual() || data.isNull())) {
            throw new IOException("not a keyring item (no Data member)");
        }
        if (data.isNull()) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(data.asText());
        } catch (IllegalArgumentException e) {
            throw new IOException("the keyring item's Data is not base64");
        }
    }
}
