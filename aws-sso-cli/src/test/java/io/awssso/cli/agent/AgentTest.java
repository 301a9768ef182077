package io.awssso.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent in this JVM, asked over real loopback HTTP as the launcher's client asks it. */
class AgentTest {
    @TempDir
    Path home;

    private AgentFixture f;

    @BeforeEach
    void setUp() throws IOException {
        f = new AgentFixture(home);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private AgentClient.Response process(Agent agent, byte[] body) throws IOException {
        return AgentClient.send(agent.file(), "POST", "/v1/process", body);
    }

    @Test
    void process_storedValidCredentials_answersWhatProcessPrints() throws IOException {
        f.storeCredentials(Duration.ofHours(2), "ASIAHIT");
        Agent agent = f.start();

        AgentClient.Response r = process(agent, f.body("process", "--arn", AgentFixture.ADMIN));

        assertThat(r.status()).isEqualTo(200);
        AgentFixture.Result result = AgentFixture.Result.parse(r.body());
        assertThat(result.exit()).isZero();
        assertThat(result.out()).startsWith("{\"Version\":1,\"AccessKeyId\":\"ASIAHIT\"").doesNotEndWith("\n");
        assertThat(result.err()).contains("insecure json file store"); // as the JVM path warns
    }

    @Test
    void process_credentialsStoredByAnotherProcessLater_areSeen() throws IOException {
        f.storeCredentials(Duration.ofHours(2), "ASIAFIRST");
        Agent agent = f.start();
        process(agent, f.body("process", "--arn", AgentFixture.ADMIN));

        f.storeCredentials(Duration.ofHours(3), "ASIASECOND");
        AgentClient.Response r = process(agent, f.body("process", "--arn", AgentFixture.ADMIN));

        assertThat(AgentFixture.Result.parse(r.body()).out()).contains("\"AccessKeyId\":\"ASIASECOND\"");
    }

    @Test
    void process_credentialsInsideTheReuseMargin_areNotServed_theLoginNeededIsLeftToTheJvm() throws IOException {
        f.storeCredentials(Duration.ofSeconds(50), "ASIAOLD");
        Agent agent = f.start();

        AgentClient.Response r = process(agent, f.body("process", "--arn", AgentFixture.ADMIN));

        // a fetch is needed and there is no SSO token: 428, and the caller's JVM path takes over
        assertThat(r.status()).isEqualTo(428);
        assertThat(r.text()).doesNotContain("ASIAOLD");
    }

    @Test
    void process_noToken_401() throws IOException {
        Agent agent = f.start();

        AgentClient.Response r = AgentClient.send(agent.file().port(), "127.0.0.1:" + agent.file().port(), null,
                "POST", "/v1/process", f.body("process", "--arn", AgentFixture.ADMIN));

        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void process_wrongToken_401() throws IOException {
        f.storeCredentials(Duration.ofHours(2), "ASIAHIT");
        Agent agent = f.start();
        String token = agent.file().token();
        String wrong = (token.charAt(0) == 'a' ? "b" : "a") + token.substring(1);

        AgentClient.Response r = AgentClient.send(agent.file().port(), "127.0.0.1:" + agent.file().port(),
                "Bearer " + wrong, "POST", "/v1/process", f.body("process", "--arn", AgentFixture.ADMIN));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.text()).doesNotContain("ASIAHIT");
    }

    @Test
    void process_otherHost_421_localhostAccepted() throws IOException {
        f.storeCredentials(Duration.ofHours(2), "ASIAHIT");
        Agent agent = f.start();
        int port = agent.file().port();
        String auth = "Bearer " + agent.file().token();
        byte[] body = f.body("process", "--arn", AgentFixture.ADMIN);

        assertThat(AgentClient.send(port, "attacker.example:" + port, auth, "POST", "/v1/process", body).status())
                .isEqualTo(421);
        assertThat(AgentClient.send(port, "127.0.0.1:" + (port + 1), auth, "POST", "/v1/process", body).status())
                .isEqualTo(421);
        assertThat(AgentClient.send(port, "localhost:" + port, auth, "POST", "/v1/process", body).status())
                .isEqualTo(200);
    }

    @Test
    void otherPathOrMethod_404_malformedBody_400() throws IOException {
        Agent agent = f.start();

        assertThat(AgentClient.send(agent.file(), "GET", "/v1/process", new byte[0]).status()).isEqualTo(404);
        assertThat(AgentClient.send(agent.file(), "POST", "/v2/process", new byte[0]).status()).isEqualTo(404);
        assertThat(process(agent, "arg process\n".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        assertThat(process(agent, "cwd relative\narg process\n".getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(400);
    }

    @Test
    void process_otherConfigOrEndpoints_409() throws IOException {
        f.storeCredentials(Duration.ofHours(2), "ASIAHIT");
        Agent agent = f.start();
        Map<String, String> otherEndpoint = new HashMap<>(f.environment);
        otherEndpoint.put("AWS_ENDPOINT_URL_SSO", "http://127.0.0.1:9");
        Map<String, String> otherConfig = new HashMap<>(f.environment);
        otherConfig.put("AWS_SSO_CONFIG", home.resolve("other.yaml").toString());
        Map<String, String> roleOnly = new HashMap<>(f.environment);
        roleOnly.put("AWS_SSO_ROLE_ARN", AgentFixture.ADMIN);
        roleOnly.put("AWS_REGION", "eu-west-1");

        assertThat(process(agent, AgentFixture.body(home.toString(), otherEndpoint, "process", "--arn",
                AgentFixture.ADMIN)).status()).isEqualTo(409);
        assertThat(process(agent, AgentFixture.body(home.toString(), otherConfig, "process", "--arn",
                AgentFixture.ADMIN)).status()).isEqualTo(409);
        assertThat(process(agent, f.body("--config", home.resolve("x.yaml").toString(), "process", "--arn",
                AgentFixture.ADMIN)).status()).isEqualTo(409);
        // the same config named relative to the caller's directory is the agent's
        assertThat(process(agent, AgentFixture.body(f.configDirectory.toString(), f.environment, "--config",
                "config.yaml", "process", "--arn", AgentFixture.ADMIN)).status()).isEqualTo(200);
        assertThat(process(agent, AgentFixture.body(home.toString(), roleOnly, "process")).status()).isEqualTo(200);
    }

    @Test
    void process_notAProcessCallOrPerJvmLogging_400() throws IOException {
        Agent agent = f.start();

        assertThat(process(agent, f.body("list")).status()).isEqualTo(400);
        assertThat(process(agent, f.body("-L", "debug", "process", "--arn", AgentFixture.ADMIN)).status())
                .isEqualTo(400);
    }

    @Test
    void agentFile_isPrivate_andNamesThisAgent() throws IOException {
        Agent agent = f.start();

        Path file = f.runtime.resolve(AgentFile.NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f.runtime))).isEqualTo("rwx------");
        assertThat(Files.readString(file)).matches("protocol=1\nversion=9\\.9\\.9-test\npid=" + agent.file().pid()
                + "\nport=" + agent.file().port() + "\ntoken=[0-9a-f]{64}\nconfig=" + java.util.regex.Pattern.quote(
                        f.config.toString()) + "\n");
    }

    @Test
    void agentFile_withWrongMode_isRefused_andRewrittenByTheNextAgent() throws IOException {
        Agent first = f.start();
        first.close();
        Files.writeString(f.runtime.resolve(AgentFile.NAME), first.file().render());
        Files.setPosixFilePermissions(f.runtime.resolve(AgentFile.NAME), PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(AgentFile.read(f.runtime)).isInstanceOf(AgentFile.Found.Unusable.class);
        Agent second = f.start();

        assertThat(AgentFile.read(f.runtime)).isEqualTo(new AgentFile.Found.Usable(second.file()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f.runtime.resolve(AgentFile.NAME))))
                .isEqualTo("rw-------");
    }

    @Test
    void runtimeDirectory_withOtherModes_isRefused() throws IOException {
        Files.createDirectories(f.runtime);
        Files.setPosixFilePermissions(f.runtime, PosixFilePermissions.fromString("rwxr-xr-x"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RuntimeDirectory.prepare(f.runtime))
                .isInstanceOf(IOException.class).hasMessageContaining("rwx------");
    }

    @Test
    void staleAgentFile_deadPidOrOtherVersion_isNotLive_andIsReplaced() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        RuntimeDirectory.prepare(f.runtime);
        AgentFile stale = new AgentFile(AgentFixture.VERSION, dead.pid(), 1, "a".repeat(64), f.config);
        stale.write(f.runtime);
        AgentFile older = new AgentFile("0.0.1", ProcessHandle.current().pid(), 1, "a".repeat(64), f.config);

        assertThat(Agents.live(f.runtime, AgentFixture.VERSION)).isEmpty();
        older.write(f.runtime);
        assertThat(Agents.live(f.runtime, AgentFixture.VERSION)).isEmpty();
        Agent agent = f.start();
        assertThat(Agents.live(f.runtime, AgentFixture.VERSION)).contains(agent.file());
    }

    @Test
    void check_idleTimeout_passesOnTheInjectedClock() throws IOException {
        Agent agent = f.start(f.settings(Duration.ofMinutes(10)));

        f.clock.advance(Duration.ofMinutes(9));
        assertThat(agent.check()).isEmpty();
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(agent.check()).hasValueSatisfying(why -> assertThat(why).contains("idle"));
    }

    @Test
    void check_requestResetsTheIdleTime() throws IOException {
        f.storeCredentials(Duration.ofHours(2), "ASIAHIT");
        Agent agent = f.start(f.settings(Duration.ofMinutes(10)));
        f.clock.advance(Duration.ofMinutes(9));

        process(agent, f.body("process", "--arn", AgentFixture.ADMIN));
        f.clock.advance(Duration.ofMinutes(9));

        assertThat(agent.check()).isEmpty();
    }

    @Test
    void configChange_stopsServing_andCheckSaysWhy() throws IOException {
        f.storeCredentials(Duration.ofHours(2), "ASIAHIT");
        Agent agent = f.start();
        Files.writeString(f.config, Files.readString(f.config) + "SecureStore: file\n");

        assertThat(agent.check()).hasValueSatisfying(why -> assertThat(why).contains("config file"));
        AgentClient.Response r = process(agent, f.body("process", "--arn", AgentFixture.ADMIN));
        assertThat(r.status()).isEqualTo(503);
        assertThat(Files.exists(f.runtime.resolve(AgentFile.NAME))).isFalse();
    }

    @Test
    void check_agentFileReplacedByAnotherAgent_stops() throws IOException {
        Agent agent = f.start();
        new AgentFile(AgentFixture.VERSION, agent.file().pid(), agent.file().port() == 1 ? 2 : 1, "b".repeat(64),
                f.config).write(f.runtime);

        assertThat(agent.check()).hasValueSatisfying(why -> assertThat(why).contains("no longer"));
    }

    @Test
    void stop_answers200_removesTheFile_andTheAgentStops() throws Exception {
        Agent agent = f.start();

        AgentClient.Response r = AgentClient.send(agent.file(), "POST", "/v1/stop", new byte[0]);

        assertThat(r.status()).isEqualTo(200);
        assertThat(agent.awaitStop()).isEqualTo("asked to stop");
        assertThat(Files.exists(f.runtime.resolve(AgentFile.NAME))).isFalse();
    }

    @Test
    void status_reportsPidInstancesRequestsAndIdleTimeLeft() throws IOException {
        f.storeCredentials(Duration.ofHours(2), "ASIAHIT");
        Agent agent = f.start(f.settings(Duration.ofMinutes(10)));
        process(agent, f.body("process", "--arn", AgentFixture.ADMIN));
        f.clock.advance(Duration.ofMinutes(4));

        AgentClient.Response r = AgentClient.send(agent.file(), "GET", "/v1/status", new byte[0]);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).contains("\"pid\":" + agent.file().pid(), "\"version\":\"9.9.9-test\"",
                "\"instances\":[\"Default\"]", "\"requestsServed\":1", "\"idleTimeoutSeconds\":600",
                "\"idleSecondsLeft\":360", "\"uptimeSeconds\":240");
        assertThat(StatusText.of(r.text())).contains("requests served: 1\n", "idle time left (s): 360\n");
    }
}
