package io.awssso.stores.wincred;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awssso.api.StoreUnavailableException;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.StoreContext;
import io.awssso.testkit.SecureStoreCompatibilityKit;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the compatibility kit against the wincred store over {@link InMemoryCredentialTable}, an
 * in-memory stand-in for the Windows Credential Manager API: what is tested here is the chunking,
 * the names and the read/write/delete sequence; the JNA calls themselves run only on Windows.
 */
class WinCredSecureStoreTest extends SecureStoreCompatibilityKit {

    @TempDir
    Path cfg;

    private final InMemoryCredentialTable table = new InMemoryCredentialTable();

    private SecureStore open() {
        return WinCredSecureStoreProvider.create(table, new StoreContext(cfg, Map.of(), Map.of(), null));
    }

    @Override
    protected SecureStore createStore() {
        return open();
    }

    @Override
    protected SecureStore reopen() {
        return open();
    }

    private byte[] storedData() {
        Map<String, byte[]> all = table.snapshot();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int n = 0; all.containsKey(CredentialChunks.target(n)); n++) {
            out.writeBytes(all.get(CredentialChunks.target(n)));
        }
        byte[] whole = out.toByteArray();
        return Arrays.copyOfRange(whole, 8, whole.length);
    }

    @Test
    void name_always_isWincred() {
        assertThat(store().name()).isEqualTo("wincred");
    }

    @Test
    void update_largeValue_isSpreadOverChunksOfAtMost2000Bytes() {
        store().update(s -> everything().withEcsTls("key", "c".repeat(9_000)));

        Map<String, byte[]> all = table.snapshot();
        assertThat(all.keySet()).allMatch(k -> k.startsWith("aws-sso-cli:aws-sso-cli:aws-sso-cli-records_"));
        assertThat(all.size()).isGreaterThanOrEqualTo(5);
        assertThat(all.values()).allSatisfy(b -> assertThat(b.length).isLessThanOrEqualTo(2000));
        assertThat(table.userName(CredentialChunks.target(1))).isEqualTo("aws-sso-cli-records_1");
    }

    @Test
    void update_blobIsTheStorageDataJson() throws Exception {
        store().update(s -> s.withToken("Default", sampleToken("w")));

        JsonNode data = new ObjectMapper().readTree(storedData());
        assertThat(data.at("/CreateTokenResponse/token-response:Default/accessToken").asText())
                .isEqualTo("access-token-w");
    }

    @Test
    void update_shorterValueAfterLongerOne_deletesLeftoverChunks() {
        store().update(s -> s.withEcsTls("key", "c".repeat(9_000)));
        int before = table.snapshot().size();

        store().update(s -> s.withEcsTls(null, null));

        assertThat(before).isGreaterThan(4);
        assertThat(table.snapshot()).containsOnlyKeys(CredentialChunks.target(0));
    }

    @Test
    void read_chunkMissing_failsAsUnreadableAndWritesNothing() {
        store().update(s -> s.withEcsTls("key", "c".repeat(9_000)));
        table.delete(CredentialChunks.target(2));
        int writes = table.writes();

        assertThatThrownBy(() -> store().update(s -> s.withEcsBearerToken("x")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("chunk 2")
                .hasMessageContaining("nothing was changed");
        assertThat(table.writes()).isEqualTo(writes);
    }

    @Test
    void read_chunksWrittenByAnotherProgram_areJoined() {
        byte[] json = "{\"EcsBearerToken\":\"from-elsewhere\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var chunks = CredentialChunks.split(json);
        for (int n = 0; n < chunks.size(); n++) {
            table.put(CredentialChunks.target(n), chunks.get(n));
        }

        assertThat(store().read().ecsBearerToken()).isEqualTo("from-elsewhere");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void provider_notWindows_isUnsupportedAndCreateExplains() {
        StoreContext context = new StoreContext(cfg, Map.of(), Map.of(), null);

        assertThat(new WinCredSecureStoreProvider().isSupported(context)).isFalse();
        assertThatThrownBy(() -> new WinCredSecureStoreProvider().create(context))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("Windows only");
    }
}
