package io.awssso.stores.pass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awssso.api.StoreUnavailableException;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.StoreContext;
import io.awssso.testkit.SecureStoreCompatibilityKit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import io.awssso.stores.internal.ExternalProgram;
import io.awssso.stores.internal.StorageLock;
import java.time.Clock;
import java.time.Duration;
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
 * Runs the compatibility kit against the real {@code pass} and gpg, with a throwaway GnuPG home,
 * key and password store. Skipped only when {@code pass} or {@code gpg} is not installed
 * (Debian packages {@code pass} and {@code gnupg}).
 */
class PassSecureStoreTest extends SecureStoreCompatibilityKit {

    @TempDir
    static Path sandbox;

    @TempDir
    Path cfg;

    private static Map<String, String> env;

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(java.io.File.pathSeparator)).stream()
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
    }

    private static void run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(environment);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("%s finished", List.of(command)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", List.of(command), out).isZero();
    }

    @BeforeAll
    static void createThrowawayKeyAndPasswordStore() throws Exception {
        Assumptions.assumeTrue(onPath("pass") && onPath("gpg"),
                "pass and gpg are not installed (apt-get install pass gnupg); the pass backend is not tested");
        Path gnupg = Files.createDirectory(sandbox.resolve("gnupg"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        env = new HashMap<>();
        env.put("HOME", sandbox.toString());
        env.put("GNUPGHOME", gnupg.toString());
        env.put("PASSWORD_STORE_DIR", sandbox.resolve("store").toString());
        run(env, "gpg", "--batch", "--passphrase", "", "--quick-gen-key", "aws-sso test <test@example.invalid>",
                "default", "default", "never");
        run(env, "pass", "init", "test@example.invalid");
    }

    @AfterAll
    static void stopGpgAgent() throws Exception {
        if (env != null) {
            run(env, "gpgconf", "--kill", "gpg-agent");
        }
    }

    private Path entry() {
        return Path.of(env.get("PASSWORD_STORE_DIR"), "aws-sso-cli-records.gpg");
    }

    private SecureStore open() {
        return new PassSecureStoreProvider().create(new StoreContext(cfg, Map.of(), env, null));
    }

    @Override
    protected SecureStore createStore() {
        try {
            Files.deleteIfExists(entry()); // each test starts from an empty store
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return open();
    }

    @Override
    protected SecureStore reopen() {
        return open();
    }

    @Test
    void name_always_isPass() {
        assertThat(store().name()).isEqualTo("pass");
    }

    @Test
    void update_writesTheKeyringItemThatPassShowReturns() throws Exception {
        store().update(s -> s.withToken("Default", sampleToken("p")));

        assertThat(entry()).exists();
        assertThat(new String(Files.readAllBytes(entry()), StandardCharsets.ISO_8859_1)).doesNotContain("access-token-p");
        ProcessBuilder pb = new ProcessBuilder("pass", "show", "aws-sso-cli-records");
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] shown = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        JsonNode item = new ObjectMapper().readTree(shown);
        assertThat(item.get("Key").asText()).isEqualTo("aws-sso-cli-records");
        JsonNode data = new ObjectMapper().readTree(Base64.getDecoder().decode(item.get("Data").asText()));
        assertThat(data.at("/CreateTokenResponse/token-response:Default/accessToken").asText())
                .isEqualTo("access-token-p");
    }

    @Test
    void isSupported_initialisedStore_isTrue() {
        assertThat(new PassSecureStoreProvider().isSupported(new StoreContext(cfg, Map.of(), env, null))).isTrue();
    }

    @Test
    void isSupported_uninitialisedStore_isFalseAndCreateExplains() throws IOException {
        Map<String, String> other = new HashMap<>(env);
        other.put("PASSWORD_STORE_DIR", Files.createDirectories(cfg.resolve("empty-store")).toString());
        StoreContext context = new StoreContext(cfg, Map.of(), other, null);

        assertThat(new PassSecureStoreProvider().isSupported(context)).isFalse();
        assertThatThrownBy(() -> new PassSecureStoreProvider().create(context))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("pass init");
    }

    @Test
    void isSupported_passNotOnPath_isFalse() {
        Map<String, String> other = new HashMap<>(env);
        other.put("PATH", cfg.toString());

        assertThat(new PassSecureStoreProvider().isSupported(new StoreContext(cfg, Map.of(), other, null))).isFalse();
    }

    @Test
    void read_entryNotAnAwsSsoRecord_failsAndLeavesIt() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("pass", "insert", "-m", "-f", "aws-sso-cli-records");
        pb.environment().putAll(env);
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write("just some text".getBytes(StandardCharsets.UTF_8));
        }
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        byte[] before = Files.readAllBytes(entry());

        assertThatThrownBy(() -> store().update(s -> s.withEcsBearerToken("x")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("aws-sso-cli-records");
        assertThat(Files.readAllBytes(entry())).isEqualTo(before);
    }

    /**
     * A store whose {@code pass} is a wrapper that counts the entry's decryptions ({@code pass show})
     * in {@code count} before it runs the real program; its clock is {@code ahead} of the real one.
     */
    private SecureStore countingStore(Path count, Duration ahead) throws IOException {
        Path real = ExternalProgram.find(System.getenv(), "pass").orElseThrow();
        Path bin = Files.createDirectories(cfg.resolve("bin"));
        Path wrapper = bin.resolve("pass");
        Files.writeString(wrapper, "#!/bin/sh\n[ \"$1\" = show ] && echo show >>'" + count + "'\nexec '" + real
                + "' \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        Map<String, String> counted = new HashMap<>(env);
        counted.put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
        StoreContext context = new StoreContext(cfg, Map.of(), counted, null);
        return new PassSecureStore(new PassCommand(PassCommand.find(counted).orElseThrow(), counted,
                Duration.ofMinutes(2)), PassSecureStoreProvider.storeDirectory(counted), StorageLock.of(context),
                Clock.offset(Clock.systemUTC(), ahead));
    }

    private static long decryptions(Path count) throws IOException {
        return Files.exists(count) ? Files.readAllLines(count).size() : 0;
    }

    @Test
    void read_keptStoreAndEntryUnchanged_decryptsOnce() throws Exception {
        Path count = cfg.resolve("count");
        SecureStore kept = countingStore(count, Duration.ofMinutes(1)); // the entry looks settled
        kept.update(s -> s.withToken("Default", sampleToken("once")));
        Files.deleteIfExists(count);

        for (int i = 0; i < 5; i++) {
            assertThat(kept.read().token("Default")).contains(sampleToken("once"));
        }

        assertThat(decryptions(count)).isEqualTo(1);
    }

    @Test
    void read_entryRewrittenByAnotherStore_returnsTheNewContents() throws Exception {
        Path count = cfg.resolve("count");
        SecureStore kept = countingStore(count, Duration.ofMinutes(1));
        kept.update(s -> s.withToken("Default", sampleToken("old")));
        assertThat(kept.read().token("Default")).contains(sampleToken("old"));

        // another process (the same size of secret: only the file's times and identity tell)
        open().update(s -> s.withToken("Default", sampleToken("new")));

        assertThat(kept.read().token("Default")).contains(sampleToken("new"));
    }

    @Test
    void read_entryWrittenJustNow_decryptsEveryTime() throws Exception {
        // a write within the file system's timestamp resolution could keep the stamp: not trusted yet
        Path count = cfg.resolve("count");
        SecureStore kept = countingStore(count, Duration.ofMinutes(-1)); // however slow this machine is
        kept.update(s -> s.withToken("Default", sampleToken("fresh")));
        Files.deleteIfExists(count);

        kept.read();
        kept.read();

        assertThat(decryptions(count)).isEqualTo(2);
    }
}
