package io.awssso.stores.keychain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awssso.api.StoreUnavailableException;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.StoreContext;
import io.awssso.testkit.SecureStoreCompatibilityKit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the compatibility kit against the keychain store over {@link InMemoryKeychain}, an in-memory
 * stand-in for Security.framework: what is tested here is the item naming and the data written;
 * the JNA calls themselves run only on macOS.
 */
class KeychainSecureStoreTest extends SecureStoreCompatibilityKit {

    @TempDir
    Path cfg;

    private final InMemoryKeychain keychain = new InMemoryKeychain();

    private SecureStore open() {
        return KeychainSecureStoreProvider.create(keychain, new StoreContext(cfg, Map.of(), Map.of(), null));
    }

    @Override
    protected SecureStore createStore() {
        return open();
    }

    @Override
    protected SecureStore reopen() {
        return open();
    }

    @Test
    void name_always_isKeychain() {
        assertThat(store().name()).isEqualTo("keychain");
    }

    @Test
    void update_writesOneGenericPasswordHoldingStorageData() throws Exception {
        store().update(s -> s.withToken("Default", sampleToken("k")));

        assertThat(keychain.items()).containsOnlyKeys("aws-sso-cli\u0000aws-sso-cli-records");
        byte[] data = keychain.find("aws-sso-cli", "aws-sso-cli-records").orElseThrow();
        JsonNode root = new ObjectMapper().readTree(data);
        assertThat(root.at("/CreateTokenResponse/token-response:Default/accessToken").asText())
                .isEqualTo("access-token-k");
    }

    @Test
    void read_itemWrittenByAwsSsoCli_isReadBack() {
        keychain.save("aws-sso-cli", "aws-sso-cli-records",
                "{\"EcsBearerToken\":\"from-go\",\"RoleCredentials\":{}}".getBytes(StandardCharsets.UTF_8));

        assertThat(store().read().ecsBearerToken()).isEqualTo("from-go");
    }

    @Test
    void read_itemNotJson_failsAndKeepsIt() {
        keychain.save("aws-sso-cli", "aws-sso-cli-records", "not json".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> store().update(s -> s.withEcsBearerToken("x")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("nothing was changed");
        assertThat(keychain.find("aws-sso-cli", "aws-sso-cli-records").orElseThrow())
                .asString(StandardCharsets.UTF_8).isEqualTo("not json");
    }

    @Test
    @DisabledOnOs(OS.MAC)
    void provider_notMacOs_isUnsupportedAndCreateExplains() {
        StoreContext context = new StoreContext(cfg, Map.of(), Map.of(), null);

        assertThat(new KeychainSecureStoreProvider().isSupported(context)).isFalse();
        assertThatThrownBy(() -> new KeychainSecureStoreProvider().create(context))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("macOS only");
    }
}
