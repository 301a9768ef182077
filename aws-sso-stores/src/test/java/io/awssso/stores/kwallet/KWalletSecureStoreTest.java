package io.awssso.stores.kwallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awssso.api.StoreUnavailableException;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.StoreContext;
import io.awssso.stores.secretservice.PrivateSessionBus;
import io.awssso.testkit.SecureStoreCompatibilityKit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the compatibility kit against the kwallet store talking real D-Bus, on a private session
 * bus, to {@link FakeKWallet}: a small stand-in for {@code kwalletd5} exported with dbus-java (no
 * KWallet daemon can run here). Skipped only when {@code dbus-daemon} is not installed.
 */
class KWalletSecureStoreTest extends SecureStoreCompatibilityKit {

    @TempDir
    static Path sandbox;

    @TempDir
    Path cfg;

    private static PrivateSessionBus bus;
    private static DBusConnection service;
    private static final FakeKWallet WALLET = new FakeKWallet();

    @BeforeAll
    static void startBusAndFakeDaemon() throws Exception {
        String missing = PrivateSessionBus.missingProgram("dbus-daemon");
        Assumptions.assumeTrue(missing == null, "dbus-daemon is not installed (apt-get install dbus-daemon);"
                + " the kwallet backend is not tested");
        bus = PrivateSessionBus.start(sandbox);
        service = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build();
        service.requestBusName("org.kde.kwalletd5");
        service.exportObject("/modules/kwalletd5", WALLET);
    }

    @AfterAll
    static void stopBus() throws Exception {
        if (service != null) {
            service.close();
        }
        if (bus != null) {
            bus.close();
        }
    }

    private StoreContext context() {
        return new StoreContext(cfg, Map.of(), bus.environment(), null);
    }

    private SecureStore open() {
        return new KWalletSecureStoreProvider().create(context());
    }

    @Override
    protected SecureStore createStore() {
        WALLET.clear();
        WALLET.refuseOpen(false);
        return open();
    }

    @Override
    protected SecureStore reopen() {
        return open();
    }

    @Test
    void name_always_isKwallet() {
        assertThat(store().name()).isEqualTo("kwallet");
    }

    @Test
    void update_writesTheKeyringItemIntoFolderAwsSsoCli() throws Exception {
        store().update(s -> s.withToken("Default", sampleToken("kw")));

        assertThat(WALLET.calls()).contains("networkWallet", "open kdewallet aws-sso-cli",
                "createFolder aws-sso-cli", "writeEntry aws-sso-cli aws-sso-cli-records");
        assertThat(WALLET.entry("aws-sso-cli", "aws-sso-cli-records")).as("a stream entry").isInstanceOf(byte[].class);
        JsonNode item = new ObjectMapper().readTree((byte[]) WALLET.entry("aws-sso-cli", "aws-sso-cli-records"));
        assertThat(item.get("Key").asText()).isEqualTo("aws-sso-cli-records");
        JsonNode data = new ObjectMapper().readTree(Base64.getDecoder().decode(item.get("Data").asText()));
        assertThat(data.at("/CreateTokenResponse/token-response:Default/accessToken").asText())
                .isEqualTo("access-token-kw");
    }

    private static String itemJson(String ecsToken) {
        String storageData = "{\"EcsBearerToken\":\"" + ecsToken + "\"}";
        return "{\"Key\":\"aws-sso-cli-records\",\"Data\":\""
                + Base64.getEncoder().encodeToString(storageData.getBytes(StandardCharsets.UTF_8))
                + "\",\"Label\":\"aws-sso-cli\",\"Description\":\"aws-sso secure storage\"}";
    }

    @Test
    void read_streamEntryWrittenByAwsSsoCli_isReadBack() {
        WALLET.put("aws-sso-cli", "aws-sso-cli-records", itemJson("from-go").getBytes(StandardCharsets.UTF_8));

        assertThat(store().read().ecsBearerToken()).isEqualTo("from-go");
    }

    @Test
    void read_passwordEntry_isReadBackToo() {
        WALLET.put("aws-sso-cli", "aws-sso-cli-records", itemJson("as-password"));

        assertThat(store().read().ecsBearerToken()).isEqualTo("as-password");
    }

    @Test
    void read_walletRefusesToOpen_failsClearly() {
        WALLET.refuseOpen(true);

        assertThatThrownBy(() -> store().read())
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("did not open the wallet 'kdewallet'");
    }

    @Test
    void read_entryNotAnAwsSsoRecord_failsAndKeepsIt() {
        WALLET.put("aws-sso-cli", "aws-sso-cli-records", "plain text");

        assertThatThrownBy(() -> store().update(s -> s.withEcsBearerToken("x")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("aws-sso-cli/aws-sso-cli-records")
                .hasMessageContaining("nothing was changed");
        assertThat(WALLET.entry("aws-sso-cli", "aws-sso-cli-records")).isEqualTo("plain text");
    }

    @Test
    void read_daemonNeverAnswers_givesUpWithAClearError() {
        WALLET.hangOpen();
        try (KWalletClient client = KWalletClient.connect(bus.address(), Duration.ofSeconds(1), Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> client.read("aws-sso-cli-records"))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("no answer to open");
        } finally {
            WALLET.release();
        }
    }

    @Test
    void isSupported_daemonOnTheBus_isTrue() {
        assertThat(new KWalletSecureStoreProvider().isSupported(context())).isTrue();
    }

    @Test
    void isSupported_busWithoutKWallet_isFalseAndCreateExplains() throws Exception {
        try (PrivateSessionBus empty = PrivateSessionBus.start(cfg.resolve("empty-bus"))) {
            StoreContext other = new StoreContext(cfg, Map.of(), empty.environment(), null);

            assertThat(new KWalletSecureStoreProvider().isSupported(other)).isFalse();
            assertThatThrownBy(() -> new KWalletSecureStoreProvider().create(other))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("org.kde.kwalletd5");
        }
    }

    @Test
    void isSupported_noSessionBus_isFalse() {
        assertThat(new KWalletSecureStoreProvider().isSupported(
                new StoreContext(cfg, Map.of(), Map.of("HOME", cfg.toString()), null))).isFalse();
    }
}
