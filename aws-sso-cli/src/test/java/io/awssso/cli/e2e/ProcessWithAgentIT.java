package io.awssso.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awssso.cli.e2e.CliHarness.Result;
import io.awssso.testkit.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code process} through {@code ./aws-sso} with the agent on, end to end: the launcher's bash
 * client, the agent, the emulator. Whether an answer came from the agent is told two ways: the
 * agent's {@code requestsServed}, and a class-loading log that any JVM the launcher starts writes
 * (through {@code AWS_SSO_JAVA_OPTS}, which the agent ignores): no log file, no JVM.
 *
 * <p>Each test has its own runtime directory, and stops every agent it started by pid.
 */
class ProcessWithAgentIT {
    static final String ADMIN = "arn:aws:iam::012345678901:role/AdministratorAccess";
    private final ObjectMapper json = new ObjectMapper();
    private CliHarness h;
    private Path runtime;
    private int runs;

    @BeforeEach
    void start() throws Exception {
        h = CliHarness.start();
        h.writeConfig(h.defaultConfig().replace("SecureStore: file", "SecureStore: json"));
        runtime = Files.createDirectory(h.home().resolve("runtime"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        h.env("XDG_RUNTIME_DIR", runtime.toString()); // never the user's own
        Result login = h.run("login");
        assertThat(login.exitCode()).as("%s", login).isZero();
        h.env("AWS_SSO_AGENT", null); // the harness turns it off; these tests are about it
        h.emulator().clearCallLog();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            for (ProcessHandle agent : agentProcesses()) {
                agent.destroyForcibly();
                agent.onExit().get(30, TimeUnit.SECONDS);
            }
        } finally {
            h.close();
        }
    }

    /** Every agent process serving this test's config (by its command line), by pid. */
    private List<ProcessHandle> agentProcesses() {
        String config = h.configFile().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(" agent start --foreground")
                        && c.contains(config)).orElse(false))
                .toList();
    }

    private Path agentFile() {
        return runtime.resolve("aws-sso/agent");
    }

    /** The agent file's pid. */
    private long agentPid() throws IOException {
        for (String line : Files.readAllLines(agentFile())) {
            if (line.startsWith("pid=")) {
                return Long.parseLong(line.substring(4));
            }
        }
        throw new AssertionError("no pid in " + agentFile());
    }

    /**
     * Starts an agent with {@code aws-sso agent start} and has it answer one request (a usage
     * error: no fetch, no store) so that its first real answer is not its slowest; its pid.
     */
    private long startAgent() throws Exception {
        Result r = h.run("agent", "start");
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(h.run("process").exitCode()).isEqualTo(2);
        return agentPid();
    }

    /**
     * Waits for an agent other than {@code replaced} to serve, as the JVM path that fell back
     * starts one in the background; if none comes within 15 s, starts one. (Either way: a start
     * racing with the background one may lose and say so; then the other one serves.) Its pid.
     */
    private long awaitReplacement(long... replaced) throws Exception {
        String version = System.getProperty("awssso.project.version");
        for (int attempt = 0; attempt < 2; attempt++) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(attempt == 0 ? 15 : 60);
            while (System.nanoTime() < deadline) {
                Optional<Long> pid = currentAgent(version, replaced);
                if (pid.isPresent()) {
                    assertThat(h.run("process").exitCode()).isEqualTo(2); // the warm-up of startAgent()
                    return pid.get();
                }
                Thread.sleep(100);
            }
            if (attempt == 0) {
                h.run("agent", "start");
            }
        }
        throw new AssertionError("no agent replaced " + java.util.Arrays.toString(replaced));
    }

    /** The pid in a usable agent file of this version, when it is alive and not one of {@code excluded}. */
    private Optional<Long> currentAgent(String version, long... excluded) throws IOException {
        if (!Files.isRegularFile(agentFile())
                || !Files.getPosixFilePermissions(agentFile()).equals(PosixFilePermissions.fromString("rw-------"))) {
            return Optional.empty();
        }
        String text = Files.readString(agentFile());
        if (!text.contains("\nversion=" + version + "\n") || !text.contains("\nconfig=")) {
            return Optional.empty();
        }
        long pid = agentPid();
        for (long e : excluded) {
            if (e == pid) {
                return Optional.empty();
            }
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> pid);
    }

    private long requestsServed() throws Exception {
        Result r = h.run("agent", "status", "--json");
        assertThat(r.exitCode()).as("%s", r).isZero();
        return json.readTree(r.out()).get("requestsServed").asLong();
    }

    /** A run of {@code ./aws-sso args}, and whether the launcher started a JVM for it. */
    private record Run(Result result, boolean jvmStarted) {
    }

    private Run process(String... args) throws Exception {
        Path log = h.home().resolve("jvm-" + (++runs) + ".log");
        Result r = h.run(Map.of("AWS_SSO_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), args);
        return new Run(r, Files.exists(log));
    }

    /**
     * A call the agent can answer at once (nothing to fetch), up to three times until it does:
     * the client waits 200 ms for the agent's first line and runs the JVM after that, which is
     * right on a machine too loaded to answer in time, but not what these tests look at.
     */
    private Run hit(String... args) throws Exception {
        Run run = process(args);
        for (int i = 0; i < 2 && run.jvmStarted(); i++) {
            run = process(args);
        }
        return run;
    }

    private Path storeFile() {
        return h.configDirectory().resolve("store.json");
    }

    /** Moves the stored credentials' expiry into the past, as if an hour had gone by. */
    private void expireStoredCredentials() throws Exception {
        ObjectNode store = (ObjectNode) json.readTree(storeFile().toFile());
        ObjectNode creds = (ObjectNode) store.get("RoleCredentials").get(ADMIN);
        creds.put("expiration", Instant.now().minusSeconds(3600).toEpochMilli());
        json.writeValue(storeFile().toFile(), store);
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private static boolean waitForExit(long pid, Duration limit) throws Exception {
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty()) {
            return true;
        }
        try {
            p.get().onExit().get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    @Test
    void process_agentRunning_missThenHit_answeredByTheAgentWithoutAJvm_sameAsTheJvmWouldAnswer() throws Exception {
        startAgent();

        // A miss makes the agent fetch (it answers 102 first); on a machine too loaded for the
        // client's 200 ms the JVM fetches instead, so up to three misses are tried.
        Run miss = process("process", "--arn", ADMIN);
        for (int i = 0; i < 2 && miss.jvmStarted(); i++) {
            expireStoredCredentials();
            h.emulator().clearCallLog();
            miss = process("process", "--arn", ADMIN);
        }
        Run hit = hit("process", "--arn", ADMIN);

        assertThat(miss.result().exitCode()).as("%s", miss.result()).isZero();
        assertThat(miss.jvmStarted()).isFalse();
        assertThat(h.emulator().count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(1);
        assertThat(hit.result().exitCode()).as("%s", hit.result()).isZero();
        assertThat(hit.jvmStarted()).isFalse();
        assertThat(hit.result().out()).isEqualTo(miss.result().out()).startsWith("{\"Version\":1,");
        assertThat(h.emulator().count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(1);
        assertThat(requestsServed()).isGreaterThanOrEqualTo(3); // the warm-up, the miss, the hit
        Result byJvm = h.run(Map.of("AWS_SSO_AGENT", "0"), "process", "--arn", ADMIN);
        assertThat(hit.result().out()).isEqualTo(byJvm.out());
        assertThat(hit.result().exitCode()).isEqualTo(byJvm.exitCode());
    }

    @Test
    void process_agentAnswersAnError_exitCodeAndStderrAreTheJvms() throws Exception {
        startAgent();
        String missing = "arn:aws:iam::012345678901:role/NoSuchRole";

        Run viaAgent = hit("process", "--arn", missing);
        Result byJvm = h.run(Map.of("AWS_SSO_AGENT", "0"), "process", "--arn", missing);

        assertThat(viaAgent.jvmStarted()).isFalse();
        assertThat(viaAgent.result().exitCode()).as("%s", viaAgent.result()).isNotZero();
        assertThat(viaAgent.result().exitCode()).isEqualTo(byJvm.exitCode());
        assertThat(viaAgent.result().out()).isEqualTo(byJvm.out()).isEmpty();
        // the error line is the JVM's (the json store's warning before it is logged in another format)
        assertThat(lastLine(viaAgent.result().err())).isEqualTo(lastLine(byJvm.err())).startsWith("error: ");
    }

    @Test
    void process_fiftyConcurrentCallersForOneExpiredRole_oneGetRoleCredentialsThroughTheAgent() throws Exception {
        startAgent();
        assertThat(h.run("process", "--arn", ADMIN).exitCode()).isZero();
        expireStoredCredentials();
        h.emulator().clearCallLog();
        long servedBefore = requestsServed();
        Set<String> keys = new HashSet<>();
        for (Result r : h.runConcurrently(50, "process", "--arn", ADMIN)) {
            assertThat(r.exitCode()).as("%s", r).isZero();
            keys.add(json.readTree(r.out()).get("AccessKeyId").asText());
        }
        assertThat(keys).hasSize(1);
        assertThat(h.emulator().count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(1);
        assertThat(requestsServed()).isGreaterThan(servedBefore);
    }

    @Test
    void process_fiftyConcurrentCallersWithExpiredToken_oneTokenRenewalAndOneGetRoleCredentials() throws Exception {
        startAgent();
        h.emulator().expireAccessTokens();
        ObjectNode store = (ObjectNode) json.readTree(storeFile().toFile());
        store.get("CreateTokenResponse").forEach(token ->
                ((ObjectNode) token).put("expiresAt", Instant.now().minusSeconds(60).getEpochSecond()));
        json.writeValue(storeFile().toFile(), store);
        h.emulator().clearCallLog();
        for (Result r : h.runConcurrently(50, "process", "--arn", ADMIN)) {
            assertThat(r.exitCode()).as("%s", r).isZero();
        }
        assertThat(h.emulator().count(Operation.CREATE_TOKEN)).isEqualTo(1);
        assertThat(h.emulator().count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(1);
    }

    @Test
    void process_agentKilledWhileFetching_callerStillGetsCredentialsFromItsOwnJvm() throws Exception {
        long pid = startAgent();
        h.emulator().latency(Operation.GET_ROLE_CREDENTIALS, Duration.ofSeconds(4));
        int secretsBefore = h.emulator().issuedSecrets().size();

        CliHarness.Running caller = h.start(Map.of(), "process", "--arn", ADMIN);
        // The emulator issues the credentials half-way through its latency: the agent is mid-fetch.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (h.emulator().issuedSecrets().size() == secretsBefore && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(h.emulator().issuedSecrets()).hasSizeGreaterThan(secretsBefore);
        ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // SIGKILL
        Result r = caller.await();

        assertThat(r.exitCode()).as("%s", r).isZero();
        JsonNode doc = json.readTree(r.out());
        assertThat(h.emulator().issuedSecrets()).contains(doc.get("SecretAccessKey").asText());
        // one fetch by the agent (its answer lost with it), one by the caller's own JVM
        assertThat(h.emulator().count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(2);
    }

    @Test
    void process_agentFileOfAnOlderVersion_isIgnored_andReplacedByTheNextStart() throws Exception {
        // What an older agent killed by an upgrade leaves: its file, with a pid still alive (here
        // this JVM's), and nothing of this version listening
        long old = startAgent();
        ProcessHandle.of(old).orElseThrow().destroyForcibly();
        assertThat(waitForExit(old, Duration.ofSeconds(30))).isTrue();
        String text = Files.readString(agentFile());
        Path tmp = runtime.resolve("aws-sso/agent.edit");
        Files.writeString(tmp, text.replaceFirst("version=.*\n", "version=0.0.1-OLD\n")
                .replaceFirst("pid=.*\n", "pid=" + ProcessHandle.current().pid() + "\n"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        Files.move(tmp, agentFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        Run ignored = process("process", "--arn", ADMIN);

        assertThat(ignored.result().exitCode()).as("%s", ignored.result()).isZero();
        assertThat(ignored.jvmStarted()).isTrue();
        long replacement = awaitReplacement(old, ProcessHandle.current().pid());
        assertThat(replacement).isNotEqualTo(old).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(Files.readString(agentFile())).doesNotContain("0.0.1-OLD");
        Run served = hit("process", "--arn", ADMIN);
        assertThat(served.jvmStarted()).isFalse();
        assertThat(served.result().out()).isEqualTo(ignored.result().out());
    }

    @Test
    void process_agentFileMadeReadableByOthers_isRefused_andRewritten0600ByTheNextStart() throws Exception {
        long old = startAgent();
        Files.setPosixFilePermissions(agentFile(), PosixFilePermissions.fromString("rw-r--r--"));

        Run refused = process("process", "--arn", ADMIN);

        assertThat(refused.result().exitCode()).as("%s", refused.result()).isZero();
        assertThat(refused.jvmStarted()).isTrue();
        assertThat(refused.result().out()).startsWith("{\"Version\":1,");
        // the old agent, its file no longer its own, stops; the next one writes a new file, 0600
        assertThat(waitForExit(old, Duration.ofSeconds(30))).isTrue();
        awaitReplacement(old);
        assertThat(Files.getPosixFilePermissions(agentFile())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Run served = hit("process", "--arn", ADMIN);
        assertThat(served.jvmStarted()).isFalse();
        assertThat(served.result().out()).isEqualTo(refused.result().out());
    }

    @Test
    void process_configChanged_agentStops_andTheCallerGetsTheJvmsAnswer() throws Exception {
        long pid = startAgent();
        Files.writeString(h.configFile(), Files.readString(h.configFile()) + "# edited\n");

        Run afterEdit = process("process", "--arn", ADMIN);

        assertThat(afterEdit.result().exitCode()).as("%s", afterEdit.result()).isZero();
        assertThat(afterEdit.jvmStarted()).isTrue();
        assertThat(afterEdit.result().out()).startsWith("{\"Version\":1,");
        assertThat(waitForExit(pid, Duration.ofSeconds(30))).as("the agent stops").isTrue();
    }

    @Test
    void logout_stopsTheAgent_andProcessThenNeedsALogin() throws Exception {
        long pid = startAgent();
        assertThat(process("process", "--arn", ADMIN).result().exitCode()).isZero();

        Result logout = h.run("logout");

        assertThat(logout.exitCode()).as("%s", logout).isZero();
        assertThat(waitForExit(pid, Duration.ofSeconds(30))).as("logout stops the agent").isTrue();
        assertThat(agentFile()).doesNotExist();
        Run after = process("process", "--arn", ADMIN);
        assertThat(after.result().exitCode()).as("%s", after.result()).isEqualTo(4);
        assertThat(after.result().out()).isEmpty();
    }
}
