package io.awssso.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a {@code process} JVM must not start an agent (the spawning case runs in {@code AgentIT}). */
class AgentAutoStartTest {
    private static final String[] ARGS = {"process", "--arn", AgentFixture.ADMIN};
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

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

    @Test
    void maybeStart_switchedOffByTheVariable_spawnsNothing() throws IOException {
        for (String off : new String[] {"0", "false", "off", "no"}) {
            Map<String, String> env = new HashMap<>(f.environment);
            env.put("AWS_SSO_AGENT", off);

            assertThat(AgentAutoStart.maybeStart(ARGS, env, AgentFixture.VERSION, CLOCK)).as(off).isFalse();
        }
        assertThat(f.runtime).doesNotExist();
    }

    @Test
    void maybeStart_agentFalseInConfig_spawnsNothing() throws IOException {
        for (String line : new String[] {"Agent: false", "Agent: False # not here", "Agent: 'false'", "Agent: 0"}) {
            Files.writeString(f.config, "SSOConfig:\n  Default:\n    SSORegion: us-east-1\n"
                    + "    StartUrl: https://d-1234567890.awsapps.com/start\n" + line + "\n");

            assertThat(AgentAutoStart.maybeStart(ARGS, f.environment, AgentFixture.VERSION, CLOCK)).as(line).isFalse();
        }
        assertThat(f.runtime).doesNotExist();
    }

    @Test
    void maybeStart_noConfigFile_spawnsNothing() throws IOException {
        Files.delete(f.config);

        assertThat(AgentAutoStart.maybeStart(ARGS, f.environment, AgentFixture.VERSION, CLOCK)).isFalse();
    }

    @Test
    void maybeStart_liveAgentOfThisVersion_spawnsNothing() throws IOException {
        f.start();

        assertThat(AgentAutoStart.maybeStart(ARGS, f.environment, AgentFixture.VERSION, CLOCK)).isFalse();
    }

    @Test
    void maybeStart_anotherRunIsStartingOne_spawnsNothing() throws IOException {
        RuntimeDirectory.prepare(f.runtime);
        Files.createFile(f.runtime.resolve(AgentAutoStart.SPAWN_MARKER));

        assertThat(AgentAutoStart.maybeStart(ARGS, f.environment, AgentFixture.VERSION, CLOCK)).isFalse();
    }

    @Test
    void maybeStart_markerYoungerThanTheGraceByTheGivenClock_spawnsNothing() throws IOException {
        RuntimeDirectory.prepare(f.runtime);
        Path marker = Files.createFile(f.runtime.resolve(AgentAutoStart.SPAWN_MARKER));
        // months old by the wall clock, seconds old by the run's clock: the run's clock decides
        Files.setLastModifiedTime(marker, FileTime.from(NOW.minus(AgentAutoStart.SPAWN_GRACE).plusSeconds(1)));

        assertThat(AgentAutoStart.maybeStart(ARGS, f.environment, AgentFixture.VERSION, CLOCK)).isFalse();
        assertThat(Files.getLastModifiedTime(marker).toInstant()).isBefore(NOW);
    }

    @Test
    void configFlag_lastBeforeDoubleDash() {
        assertThat(AgentAutoStart.configFlag(new String[] {"--config", "a", "process", "--config=b", "--", "--config",
                "c"})).contains("b");
        assertThat(AgentAutoStart.configFlag(ARGS)).isEmpty();
    }
}
