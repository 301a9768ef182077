package io.awssso.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.e2e.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent keeps its secure store open across requests (issue 14): with the real
 * {@code secret-service} store (gnome-keyring on a private bus) a hit makes no D-Bus connection,
 * with the real {@code pass} store no gpg runs while the entry is unchanged; and credentials
 * another process stored meanwhile are what the next request gets. The stores are filled the way
 * a user fills them: {@code login} and {@code process} against the emulator, in this JVM with the
 * agent off (another engine, as another process would be).
 */
class AgentKeptStoreTest {
    private static final String ADMIN = "arn:aws:iam::012345678901:role/AdministratorAccess";
    private static final int HITS = 5;
    private static final Pattern KEY_ID = Pattern.compile("\"AccessKeyId\":\"([^\"]+)\"");

    @TempDir
    Path stores;

    private CliHarness h;
    private RealStores real;
    private AgentFixture f;

    @AfterEach
    void tearDown() throws Exception {
        if (f != null) {
            f.close();
        }
        if (real != null) {
            real.close();
        }
        if (h != null) {
            h.close();
        }
    }

    /** A logged-in user of {@code store} with credentials for ADMIN stored, and an agent (not yet started). */
    private void userOf(String store, String extraConfig) throws Exception {
        h = CliHarness.start();
        real.environment().forEach(h::env);
        h.writeConfig(h.defaultConfig().replace("SecureStore: file", "SecureStore: " + store) + extraConfig);
        assertThat(h.runInJvm("login").exitCode()).isZero();
        assertThat(keyId(h.runInJvm("process", "--arn", ADMIN).out())).isNotEmpty();
        f = new AgentFixture(h.home(), false);
        f.environment.putAll(h.environment());
    }

    private String hit(Agent agent) throws Exception {
        AgentClient.Response r = AgentClient.send(agent.file(), "POST", "/v1/process", f.body("process", "--arn", ADMIN));
        assertThat(r.status()).isEqualTo(200);
        AgentFixture.Result result = AgentFixture.Result.parse(r.body());
        assertThat(result.exit()).as("%s", result.err()).isZero();
        return keyId(result.out());
    }

    private static String keyId(String processOutput) {
        Matcher m = KEY_ID.matcher(processOutput);
        return m.find() ? m.group(1) : "";
    }

    /** Another process replaces ADMIN's credentials (process --sts-refresh fetches and stores). */
    private String replacedByAnotherProcess() {
        CliHarness.Result r = h.runInJvm("process", "--sts-refresh", "--arn", ADMIN);
        assertThat(r.exitCode()).as("%s", r).isZero();
        return keyId(r.out());
    }

    @Test
    void process_secretServiceStore_hitsMakeNoNewConnectionAndSeeAnotherProcesssCredentials() throws Exception {
        String missing = RealStores.missing("dbus-daemon", "dbus-send", "gnome-keyring-daemon", "curl");
        Assumptions.assumeTrue(missing == null, missing + " is not installed (the .ci image has it)");
        real = new RealStores(stores).withSecretService();
        userOf("secret-service", "SecretServiceCollection: login\n");
        Agent agent = f.start();
        String first = hit(agent); // opens the store

        int before = real.connectionsSoFar();
        for (int i = 0; i < HITS; i++) {
            assertThat(hit(agent)).isEqualTo(first);
        }
        // one connection: the count's own query
        assertThat(real.connectionsSoFar() - before).isEqualTo(1);

        String fresh = replacedByAnotherProcess();
        assertThat(fresh).isNotEqualTo(first);
        assertThat(hit(agent)).isEqualTo(fresh);
    }

    @Test
    void process_passStore_hitsRunNoGpgWhileTheEntryIsUnchangedAndSeeAnotherProcesssCredentials() throws Exception {
        String missing = RealStores.missing("pass", "gpg", "gpgconf", "curl");
        Assumptions.assumeTrue(missing == null, missing + " is not installed (the .ci image has it)");
        real = new RealStores(stores).withPass();
        userOf("pass", "");
        awaitSettled(real.passEntry());
        Agent agent = f.start();
        String first = hit(agent); // decrypts once

        long before = real.decryptionsSoFar();
        for (int i = 0; i < HITS; i++) {
            assertThat(hit(agent)).isEqualTo(first);
        }
        assertThat(real.decryptionsSoFar() - before).isZero();

        String fresh = replacedByAnotherProcess();
        assertThat(fresh).isNotEqualTo(first);
        assertThat(hit(agent)).isEqualTo(fresh);
    }

    /**
     * Waits until the entry's file times are older than the store trusts a stamp after (a file
     * written within the file system's time resolution of an earlier read is decrypted again).
     */
    private static void awaitSettled(Path entry) throws Exception {
        FileTime changed = (FileTime) Files.getAttribute(entry, "unix:ctime");
        Instant settled = changed.toInstant().plus(Duration.ofSeconds(3)).plusMillis(200);
        while (Instant.now().isBefore(settled)) {
            Thread.sleep(100);
        }
    }
}
