package io.awssso.stores.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.awssso.api.spi.StoredSecrets;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes every store backend parses, as an attacker who can write them would leave them: the
 * {@code json} store's file, and the keyring item (a JSON envelope around base64 StorageData) that
 * the file, pass, secret-service, kwallet and keychain backends read. Each reads, or fails with the
 * documented {@link IOException} / {@link IllegalArgumentException} (which the stores turn into
 * StoreUnavailableException), whose message holds no secret from the document.
 */
class StoreDocumentFuzzTest {
    private static final List<String> SECRET_MEMBERS = List.of("accessToken", "RefreshToken", "refreshToken",
            "clientSecret", "secretAccessKey", "sessionToken", "accessKeyId", "EcsBearerToken");

    @FuzzTest(maxDuration = "2m")
    void jsonStore_anyDocument_decodesOrIsRefusedWithoutSecrets(byte[] bytes) {
        decode(bytes, SecretsCodec.JSON_STORE);
    }

    @FuzzTest(maxDuration = "2m")
    void keyringItem_anyItem_decodesOrIsRefusedWithoutSecrets(byte[] bytes) {
        byte[] storageData;
        try {
            storageData = KeyringItem.unwrap(bytes);
        } catch (IOException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        decode(storageData, SecretsCodec.STORAGE_DATA);
    }

    private static void decode(byte[] bytes, SecretsCodec codec) {
        JsonNode root;
        try {
            root = GoJson.parse(bytes);
        } catch (IOException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        StoredSecrets secrets;
        try {
            secrets = codec.decode(root);
        } catch (IllegalArgumentException e) {
            for (String secret : secretsIn(root)) {
                assertThat(e.getMessage()).doesNotContain(secret);
            }
            return;
        }
        assertThat(secrets.toString()).satisfies(s -> secretsIn(root).forEach(v -> assertThat(s).doesNotContain(v)));
        // what decodes also encodes, and decodes to the same secrets
        assertThat(codec.decode(codec.encode(secrets, root))).isEqualTo(secrets);
    }

    /** Secret member values long and odd enough to be told apart from the messages' wording. */
    private static List<String> secretsIn(JsonNode root) {
        List<String> out = new ArrayList<>();
        for (String member : SECRET_MEMBERS) {
            for (JsonNode v : root.findValues(member)) {
                String text = v.asText("");
                if (text.length() >= 8 && !text.chars().allMatch(c -> Character.isLetter(c) || c == ' ' || c == '.')) {
                    out.add(text);
                }
            }
        }
        return out;
    }
}
