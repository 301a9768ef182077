package io.awssso.stores.secretservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awssso.api.StoreUnavailableException;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.StoreContext;
import io.awssso.testkit.SecureStoreCompatibilityKit;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the compatibility kit against a real gnome-keyring on a private D-Bus session bus that the
 * test starts and ends itself, in the default collection {@code awsssocli}, and checks that
 * {@code secret-tool} (libsecret, the C client desktop programs use) and this store read each
 * other's item. Skipped only when {@code dbus-daemon}, {@code gnome-keyring-daemon} or
 * {@code secret-tool} is not installed (Debian packages {@code dbus-daemon}, {@code gnome-keyring},
 * {@code libsecret-tools}).
 */
class SecretServiceSecureStoreTest extends SecureStoreCompatibilityKit {

    @TempDir
    static Path sandbox;

    @TempDir
    Path cfg;

    private static PrivateSessionBus bus;
    private static String defaultCollectionPath;

    @BeforeAll
    static void startBusAndKeyring() throws Exception {
        String missing = PrivateSessionBus.missingProgram("dbus-daemon", "gnome-keyring-daemon", "secret-tool");
        Assumptions.assumeTrue(missing == null, () -> missing + " is not installed (apt-get install dbus-daemon"
                + " gnome-keyring libsecret-tools); the secret-service backend is not tested");
        bus = PrivateSessionBus.start(sandbox.resolve("bus")).withGnomeKeyring();
        defaultCollectionPath = GnomeKeyringTestSupport.createCollection(bus.address(),
                SecretServiceSecureStoreProvider.DEFAULT_COLLECTION, PrivateSessionBus.KEYRING_PASSWORD);
    }

    @AfterAll
    static void stopBusAndKeyring() {
        if (bus != null) {
            bus.close();
        }
    }

    private SecureStore open(Map<String, String> options) {
        return new SecretServiceSecureStoreProvider().create(new StoreContext(cfg, options, bus.environment(), null));
    }

    @Override
    protected SecureStore createStore() {
        try {
            // Each test starts from an empty store: clear the item in every collection.
            secretTool(null, "clear", "profile", "aws-sso-cli-records");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return open(Map.of());
    }

    @Override
    protected SecureStore reopen() {
        return open(Map.of());
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run secretTool(byte[] stdin, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("secret-tool");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(bus.environment());
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        }
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(1, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("secret-tool " + args[0] + " did not finish");
            }
            return new Run(p.exitValue(), out, err);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Test
    void name_always_isSecretService() {
        assertThat(store().name()).isEqualTo("secret-service");
    }

    @Test
    void update_itemIsWhatSecretToolLooksUp() throws Exception {
        store().update(s -> s.withToken("Default", sampleToken("st")));

        Run lookup = secretTool(null, "lookup", "profile", "aws-sso-cli-records");
        assertThat(lookup.exit()).as(lookup.err()).isZero();
        JsonNode item = new ObjectMapper().readTree(lookup.out());
        assertThat(item.get("Key").asText()).isEqualTo("aws-sso-cli-records");
        assertThat(item.get("Label").asText()).isEqualTo("aws-sso-cli");
        JsonNode data = new ObjectMapper().readTree(Base64.getDecoder().decode(item.get("Data").asText()));
        assertThat(data.at("/CreateTokenResponse/token-response:Default/accessToken").asText())
                .isEqualTo("access-token-st");

        Run search = secretTool(null, "search", "--all", "profile", "aws-sso-cli-records");
        assertThat(search.exit()).as(search.err()).isZero();
        assertThat(search.out() + search.err())
                .contains("label = aws-sso-cli-records")
                .contains("attribute.profile = aws-sso-cli-records");
        assertThat(GnomeKeyringTestSupport.awsSsoItems(bus.address(), defaultCollectionPath)).hasSize(1);
    }

    @Test
    void update_gnomeKeyring_secretsTravelEncryptedWithDiffieHellman() throws Exception {
        store().update(s -> s.withEcsBearerToken("sealed"));

        assertThat(((SecretServiceSecureStore) store()).transferAlgorithm())
                .isEqualTo("dh-ietf1024-sha256-aes128-cbc-pkcs7");
        // gnome-keyring decrypted what we sent: libsecret reads the plain item back.
        assertThat(secretTool(null, "lookup", "profile", "aws-sso-cli-records").out()).contains("\"Key\"");
    }

    @Test
    void read_itemStoredBySecretTool_isReadBack() throws Exception {
        String storageData = "{\"RegisterClientData\":{},\"CreateTokenResponse\":{},\"RoleCredentials\":{},"
                + "\"StaticCredentials\":{},\"EcsBearerToken\":\"from-secret-tool\"}";
        String item = "{\"Key\":\"aws-sso-cli-records\",\"Data\":\""
                + Base64.getEncoder().encodeToString(storageData.getBytes(StandardCharsets.UTF_8))
                + "\",\"Label\":\"aws-sso-cli\",\"Description\":\"aws-sso secure storage\","
                + "\"KeychainNotTrustApplication\":false,\"KeychainNotSynchronizable\":false}";
        Run store = secretTool(item.getBytes(StandardCharsets.UTF_8), "store", "--collection=" + defaultCollectionPath,
                "--label=aws-sso-cli-records", "profile", "aws-sso-cli-records");
        assertThat(store.exit()).as(store.err()).isZero();

        assertThat(store().read().ecsBearerToken()).isEqualTo("from-secret-tool");
    }

    @Test
    void update_collectionOption_writesIntoThatCollection() throws Exception {
        try (SecureStore login = open(Map.of("SecretServiceCollection", "login"))) {
            login.update(s -> s.withEcsBearerToken("in-login"));

            assertThat(GnomeKeyringTestSupport.awsSsoItems(bus.address(), "/org/freedesktop/secrets/collection/login"))
                    .hasSize(1);
            assertThat(GnomeKeyringTestSupport.awsSsoItems(bus.address(), defaultCollectionPath)).isEmpty();
            assertThat(login.read().ecsBearerToken()).isEqualTo("in-login");
        }
        assertThat(store().read().ecsBearerToken()).as("the default collection is untouched").isNull();
    }

    @Test
    void read_itemNotAnAwsSsoRecord_failsAndKeepsIt() throws Exception {
        Run store = secretTool("just some text".getBytes(StandardCharsets.UTF_8), "store",
                "--collection=" + defaultCollectionPath, "--label=aws-sso-cli-records", "profile",
                "aws-sso-cli-records");
        assertThat(store.exit()).as(store.err()).isZero();

        assertThatThrownBy(() -> store().update(s -> s.withEcsBearerToken("x")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("aws-sso-cli-records")
                .hasMessageContaining("nothing was changed");
        assertThat(secretTool(null, "lookup", "profile", "aws-sso-cli-records").out()).isEqualTo("just some text");
    }

    @Test
    void update_missingCollectionAndNoDesktopPrompt_failsNamingTheOption() {
        try (SecureStore s = open(Map.of("SecretServiceCollection", "nosuchcollection"))) {
            assertThatThrownBy(() -> s.update(x -> x.withEcsBearerToken("x")))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("'nosuchcollection'")
                    .hasMessageContaining("SecretServiceCollection");
        }
    }

    @Test
    void update_collectionLockedMeanwhile_failsUntilUnlockedThenWorks() throws Exception {
        String path = GnomeKeyringTestSupport.createCollection(bus.address(), "lockedtest", "locked-password");
        try (SecureStore s = open(Map.of("SecretServiceCollection", "lockedtest"))) {
            s.update(x -> x.withEcsBearerToken("before-lock"));
            GnomeKeyringTestSupport.lock(bus.address(), path);

            // Unlocking needs a password prompt, which nobody can answer here.
            assertThatThrownBy(s::read)
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("unlocking the Secret Service collection 'lockedtest'");

            GnomeKeyringTestSupport.unlock(bus.address(), path, "locked-password");
            assertThat(s.read().ecsBearerToken()).isEqualTo("before-lock");
        }
    }

    @Test
    void read_collectionLockedAfterAKeptStoresRead_failsUntilUnlocked() throws Exception {
        // a store kept open reads the item it found before directly: never past a lock
        String path = GnomeKeyringTestSupport.createCollection(bus.address(), "keptlock", "locked-password");
        try (SecureStore s = open(Map.of("SecretServiceCollection", "keptlock"))) {
            s.update(x -> x.withEcsBearerToken("before-lock"));
            assertThat(s.read().ecsBearerToken()).isEqualTo("before-lock");
            GnomeKeyringTestSupport.lock(bus.address(), path);

            assertThatThrownBy(s::read)
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("unlocking the Secret Service collection 'keptlock'");

            GnomeKeyringTestSupport.unlock(bus.address(), path, "locked-password");
            assertThat(s.read().ecsBearerToken()).isEqualTo("before-lock");
        }
    }

    @Test
    void read_itemReplacedThroughAnotherConnection_keptStoreReturnsTheNewContents() {
        try (SecureStore kept = open(Map.of()); SecureStore other = open(Map.of())) {
            kept.update(x -> x.withEcsBearerToken("first"));
            assertThat(kept.read().ecsBearerToken()).isEqualTo("first");

            other.update(x -> x.withEcsBearerToken("second"));

            assertThat(kept.read().ecsBearerToken()).isEqualTo("second");
        }
    }

    @Test
    void read_itemClearedByAnotherClient_keptStoreFindsNothing() throws Exception {
        try (SecureStore kept = open(Map.of())) {
            kept.update(x -> x.withEcsBearerToken("first"));
            assertThat(kept.read().ecsBearerToken()).isEqualTo("first");

            secretTool(null, "clear", "profile", "aws-sso-cli-records");

            assertThat(kept.read()).isEqualTo(io.awssso.api.spi.StoredSecrets.EMPTY);
        }
    }

    @Test
    void isSupported_keyringOnTheBus_isTrue() {
        assertThat(new SecretServiceSecureStoreProvider().isSupported(
                new StoreContext(cfg, Map.of(), bus.environment(), null))).isTrue();
    }

    @Test
    void isSupported_busWithoutKeyring_isFalseAndCreateExplains() throws Exception {
        try (PrivateSessionBus empty = PrivateSessionBus.start(cfg.resolve("empty-bus"))) {
            StoreContext context = new StoreContext(cfg, Map.of(), empty.environment(), null);

            assertThat(new SecretServiceSecureStoreProvider().isSupported(context)).isFalse();
            assertThatThrownBy(() -> new SecretServiceSecureStoreProvider().create(context))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("org.freedesktop.secrets");
        }
    }

    @Test
    void isSupported_noSessionBus_isFalseAndCreateExplains() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", cfg.toString());
        StoreContext context = new StoreContext(cfg, Map.of(), env, null);

        assertThat(new SecretServiceSecureStoreProvider().isSupported(context)).isFalse();
        assertThatThrownBy(() -> new SecretServiceSecureStoreProvider().create(context))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("DBUS_SESSION_BUS_ADDRESS");
    }

    @Test
    void isSupported_socketThatNeverAnswers_isFalse() throws Exception {
        Path socket = cfg.resolve("silent.sock");
        try (java.nio.channels.ServerSocketChannel server = java.nio.channels.ServerSocketChannel.open(
                java.net.StandardProtocolFamily.UNIX)) {
            server.bind(java.net.UnixDomainSocketAddress.of(socket));
            // Accepts connections (the kernel's backlog) and never says a word.
            Map<String, String> env = Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + socket);

            assertThat(new SecretServiceSecureStoreProvider().isSupported(new StoreContext(cfg, Map.of(), env, null)))
                    .isFalse();
        }
    }

    @Test
    void isSupported_busSocketGone_isFalse() {
        Map<String, String> env = Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + cfg.resolve("no-such-socket"));

        assertThat(new SecretServiceSecureStoreProvider().isSupported(new StoreContext(cfg, Map.of(), env, null)))
                .isFalse();
    }
}
