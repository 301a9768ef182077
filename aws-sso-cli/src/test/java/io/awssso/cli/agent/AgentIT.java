package io.awssso.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awssso.cli.e2e.CliHarness;
import io.awssso.cli.e2e.CliHarness.Result;
import io.awssso.testkit.Operation;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent as users get it: started by {@code ./aws-sso}, in its own process, asked over loopback
 * HTTP, fetching from the emulator. Every agent a test starts is stopped by its pid.
 */
class AgentIT {
    private static final String ADMIN = "arn:aws:iam::012345678901:role/AdministratorAccess";
    private static final String VERSION = System.getProperty("awssso.project.version", "0.1.0-SNAPSHOT");
    private final ObjectMapper json = new ObjectMapper();
    private final List<Long> started = new ArrayList<>();
    private CliHarness h;
    private Path runtime;

    @BeforeEach
    void start() throws Exception {
        h = CliHarness.start();
        h.writeConfig(h.defaultConfig().replace("SecureStore: file", "SecureStore: json"));
        Path xdg = h.home().resolve("xdg-runtime");
        Files.createDirectories(xdg, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        h.env("XDG_RUNTIME_DIR", xdg.toString());
        runtime = xdg.resolve("aws-sso");
        Result login = h.run("login");
        assertThat(login.exitCode()).as("%s", login).isZero();
        h.env("AWS_SSO_AGENT", null); // on, for this class only
        h.emulator().clearCallLog();
    }

    @AfterEach
    void stop() throws Exception {
        if (AgentFile.read(runtime) instanceof AgentFile.Found.Usable u) {
            started.add(u.file().pid());
        }
        for (long pid : started) {
            ProcessHandle.of(pid).ifPresent(p -> {
                p.destroy();
                p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> {
                    p.destroyForcibly();
                    return p;
                }).join();
            });
        }
        h.close();
    }

    /** The agent file once a live agent wrote it (at most 60 s). */
    private AgentFile awaitAgent() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Optional<AgentFile> live = Agents.live(runtime, VERSION);
            if (live.isPresent()) {
                started.add(live.get().pid());
                return live.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no agent file in " + runtime);
    }

    private void expireStoredCredentials() throws Exception {
        Path store = h.configDirectory().resolve("store.json");
        ObjectNode doc = (ObjectNode) json.readTree(store.toFile());
        ((ObjectNode) doc.get("RoleCredentials").get(ADMIN)).put("expiration",
                Instant.now().minusSeconds(3600).toEpochMilli());
        json.writeValue(store.toFile(), doc);
    }

    @Test
    void process_inACommandSubstitution_returnsWhileTheAgentItStartedKeepsRunning() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "out=$(\"$0\" process --arn \"$1\") && printf %s \"$out\"",
                CliHarness.ROOT.resolve("aws-sso").toString(), ADMIN).directory(h.home().toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().putAll(h.environment());
        pb.environment().put("AWS_SSO_NO_BUILD", "1");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (InputStream stdout = p.getInputStream()) {
            Future<byte[]> all = reader.submit(stdout::readAllBytes);
            // EOF on the pipe: neither the JVM nor the agent it started holds the caller's stdout
            String out = new String(all.get(120, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            assertThat(out).startsWith("{\"Version\":1,");
        } finally {
            reader.shutdownNow();
        }

        AgentFile agent = awaitAgent();
        assertThat(ProcessHandle.of(agent.pid()).map(ProcessHandle::isAlive)).contains(true);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(runtime.resolve("agent"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(runtime))).isEqualTo("rwx------");
        assertThat(agent.config()).isEqualTo(h.configFile().toAbsolutePath());
    }

    @Test
    void agentStartStatusStop_throughTheLauncher() throws Exception {
        Result start = h.run("agent", "start");
        assertThat(start.exitCode()).as("%s", start).isZero();
        AgentFile agent = awaitAgent();

        Result status = h.run("agent", "status");
        assertThat(status.exitCode()).as("%s", status).isZero();
        assertThat(status.out()).contains("pid: " + agent.pid() + "\n", "instances: Default\n",
                "requests served: 0\n", "idle time left (s): ");

        Result stop = h.run("agent", "stop");
        assertThat(stop.exitCode()).as("%s", stop).isZero();
        assertThat(ProcessHandle.of(agent.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(runtime.resolve("agent")).doesNotExist();
        assertThat(h.run("agent", "status").exitCode()).isEqualTo(1);
    }

    @Test
    void agent_missThenHit_fetchesOnce_andAnswersAsTheJvmPath() throws Exception {
        String jvm = h.run(Map.of("AWS_SSO_AGENT", "0"), "process", "--arn", ADMIN).out(); // fetches and stores
        h.emulator().clearCallLog();
        h.run("agent", "start");
        AgentFile agent = awaitAgent();
        byte[] body = AgentFixture.body(h.home().toString(), requestEnvironment(), "process", "--arn", ADMIN);

        AgentClient.Response hit = AgentClient.send(agent, "POST", "/v1/process", body);
        assertThat(hit.status()).isEqualTo(200);
        assertThat(AgentFixture.Result.parse(hit.body()).out()).isEqualTo(jvm);
        assertThat(h.emulator().count(Operation.GET_ROLE_CREDENTIALS)).isZero();

        expireStoredCredentials();
        List<Future<AgentClient.Response>> calls = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            for (int i = 0; i < 50; i++) {
                calls.add(pool.submit(() -> AgentClient.send(agent, "POST", "/v1/process", body)));
            }
            Set<String> answers = new HashSet<>();
            for (Future<AgentClient.Response> call : calls) {
                AgentClient.Response r = call.get(180, TimeUnit.SECONDS);
                assertThat(r.status()).isEqualTo(200);
                AgentFixture.Result result = AgentFixture.Result.parse(r.body());
                assertThat(result.exit()).as("%s", result).isZero();
                answers.add(result.out());
            }
            assertThat(answers).hasSize(1).doesNotContain(jvm);
        } finally {
            pool.shutdownNow();
        }
        assertThat(h.emulator().count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(1);
    }

    @Test
    void logout_stopsTheAgent_andLoginNeeded_isLeftToTheJvm() throws Exception {
        h.run("agent", "start");
        AgentFile agent = awaitAgent();

        Result logout = h.run("logout");

        assertThat(logout.exitCode()).as("%s", logout).isZero();
        assertThat(ProcessHandle.of(agent.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(runtime.resolve("agent")).doesNotExist();
        h.run("agent", "start");
        AgentFile next = awaitAgent();
        AgentClient.Response r = AgentClient.send(next, "POST", "/v1/process",
                AgentFixture.body(h.home().toString(), requestEnvironment(), "process", "--arn", ADMIN));
        assertThat(r.status()).isEqualTo(428);
    }

    @Test
    void agentFile_withWrongMode_isIgnored_andReplacedByAgentStart() throws Exception {
        Files.createDirectories(runtime, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path file = runtime.resolve("agent");
        new AgentFile(VERSION, ProcessHandle.current().pid(), 9, "c".repeat(64), h.configFile()).write(runtime);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

        assertThat(h.run("agent", "status").exitCode()).isEqualTo(1);
        Result start = h.run("agent", "start");

        assertThat(start.exitCode()).as("%s", start).isZero();
        AgentFile agent = awaitAgent();
        assertThat(agent.pid()).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    /** What the launcher's client sends: the exported AWS_* variables, HOME and XDG_*. */
    private Map<String, String> requestEnvironment() {
        Map<String, String> env = new java.util.TreeMap<>();
        h.environment().forEach((k, v) -> {
            if (k.startsWith("AWS_") || k.equals("HOME") || k.startsWith("XDG_")) {
                env.put(k, v);
            }
        });
        env.put("AWS_SSO_NO_BUILD", "1");
        return env;
    }
}
