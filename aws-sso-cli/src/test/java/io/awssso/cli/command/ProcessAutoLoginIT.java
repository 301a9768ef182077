package io.awssso.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awssso.cli.e2e.CliHarness;
import io.awssso.cli.e2e.CliHarness.Result;
import io.awssso.cli.e2e.CliHarness.Running;
import io.awssso.testkit.Call;
import io.awssso.testkit.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * AutoLogin across processes: when many {@code process} runs find the SSO session ended at once,
 * exactly one starts a login and the others wait for it, while the store stays readable for runs
 * that need no login.
 */
class ProcessAutoLoginIT {
    static final String ADMIN = "arn:aws:iam::012345678901:role/AdministratorAccess";
    static final String READ_ONLY = "arn:aws:iam::012345678901:role/ReadOnlyAccess";
    static final int RUNS = 8;
    static final String WAITING = "Waiting for the AWS SSO login running in another aws-sso process";

    private final ObjectMapper json = new ObjectMapper();
    private CliHarness h;
    private Path launches;
    private Path signIn;
    private final List<Running> runs = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        h = CliHarness.start();
        String config = h.defaultConfig().replace("SecureStore: file", "SecureStore: json");
        h.writeConfig(config);
        assertThat(h.run("login").exitCode()).isZero();
        assertThat(h.run("process", "--arn", ADMIN).exitCode()).isZero();
        assertThat(h.run("process", "--arn", READ_ONLY).exitCode()).isZero();
        // From now on the browser is a stand-in that notes each launch and signs in only when told.
        launches = h.home().resolve("browser-launches");
        signIn = h.home().resolve("browser-sign-in");
        Path browser = h.home().resolve("browser.sh");
        Files.writeString(browser, "#!/bin/sh\n"
                + "echo \"$$\" >> '" + launches + "'\n"
                + "i=0\n"
                + "while [ ! -e '" + signIn + "' ] && [ $i -lt 1800 ]; do sleep 0.1; i=$((i+1)); done\n"
                + "exec curl -fsSL -o /dev/null \"$1\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(browser, PosixFilePermissions.fromString("rwx------"));
        h.writeConfig(config.replaceAll("UrlExecCommand: .*\n", "UrlExecCommand: [" + browser + ", \"%s\"]\n")
                + "AutoLogin: true\n");
    }

    @AfterEach
    void stop() throws Exception {
        runs.stream().filter(Running::isAlive).forEach(Running::kill); // after a failure
        if (signIn != null) {
            Files.writeString(signIn, ""); // lets a stand-in browser still waiting go
        }
        h.close();
    }

    private Path storeFile() {
        return h.configDirectory().resolve("store.json");
    }

    /** The SSO session has ended (the refresh token fails), the stored token and ADMIN's credentials have expired. */
    private void sessionEndedAndAdminExpired() throws Exception {
        h.emulator().endSessions();
        ObjectNode store = (ObjectNode) json.readTree(storeFile().toFile());
        store.get("CreateTokenResponse").forEach(token ->
                ((ObjectNode) token).put("expiresAt", Instant.now().minusSeconds(60).getEpochSecond()));
        ((ObjectNode) store.get("RoleCredentials").get(ADMIN))
                .put("expiration", Instant.now().minusSeconds(3600).toEpochMilli());
        json.writeValue(storeFile().toFile(), store);
        h.emulator().clearCallLog();
    }

    private String storedAccessKeyId(String arn) throws Exception {
        return json.readTree(storeFile().toFile()).get("RoleCredentials").get(arn).get("accessKeyId").asText();
    }

    /** Waits (at most 2 minutes) until {@code condition} holds; a timeout shows the runs' stderr. */
    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what + "; stderr of the runs:\n"
                        + String.join("\n---\n", runs.stream().map(ProcessAutoLoginIT::err).toList()));
            }
            Thread.sleep(50);
        }
    }

    private static String err(Running run) {
        try {
            return run.errSoFar();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void process_manyRunsFindTheSessionEndedWithAutoLogin_oneLoginOneFetch_andOtherRolesStayReadable()
            throws Exception {
        String readOnlyKey = storedAccessKeyId(READ_ONLY);
        sessionEndedAndAdminExpired();
        for (int i = 0; i < RUNS; i++) {
            runs.add(h.start(Map.of("AWS_SSO_JAVA_OPTS", "-Xmx64m -Xss512k"), "process", "--arn", ADMIN));
        }

        // One run has opened the browser, which waits for the sign-in. Meanwhile a role with stored
        // credentials is served by the engine (-L keeps the launcher's json fast path, which takes
        // no lock, out of it), which reads the store under its lock: the login does not hold it.
        await("the stand-in browser is opened", () -> Files.exists(launches));
        Result other = h.run("-L", "error", "process", "--arn", READ_ONLY);
        assertThat(other.exitCode()).as("%s", other).isZero();
        assertThat(json.readTree(other.out()).get("AccessKeyId").asText()).isEqualTo(readOnlyKey);
        // Every other ADMIN run waits for that login, and says so.
        await((RUNS - 1) + " runs say they wait for the login",
                () -> runs.stream().filter(r -> err(r).contains(WAITING)).count() == RUNS - 1);
        assertThat(runs).as("the login is still pending").allMatch(Running::isAlive);

        Files.writeString(signIn, ""); // the person signs in
        Set<String> keys = new HashSet<>();
        for (Running run : runs) {
            Result r = run.await();
            assertThat(r.exitCode()).as("%s", r).isZero();
            keys.add(json.readTree(r.out()).get("AccessKeyId").asText());
        }

        assertThat(keys).hasSize(1).containsExactly(storedAccessKeyId(ADMIN));
        assertThat(Files.readAllLines(launches)).as("browser launches").hasSize(1);
        assertThat(h.emulator().calls(Operation.AUTHORIZE)).hasSize(1);
        assertThat(h.emulator().calls(Operation.CREATE_TOKEN)).extracting(Call::grantType)
                .containsOnlyOnce("authorization_code");
        assertThat(h.emulator().calls(Operation.CREATE_TOKEN, c -> c.grantType().equals("refresh_token")))
                .as("refresh attempts (the session has ended)").hasSizeLessThanOrEqualTo(1);
        assertThat(h.emulator().count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(1);
    }
}
