package io.awssso.core.internal.config;

import static io.awssso.core.internal.config.ConfigTesting.MINIMAL;
import static io.awssso.core.internal.config.ConfigTesting.at;
import static io.awssso.core.internal.config.ConfigTesting.loadWith;
import static io.awssso.core.internal.config.ConfigTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code Agent} and {@code AgentIdleTimeout}, the agent's keys (issue 14). */
class AgentKeysTest {
    @Test
    void bind_unset_agentOnWithAnHour() {
        AwsSsoConfig c = loadWith("");

        assertThat(c.agent()).isTrue();
        assertThat(c.agentIdleTimeout()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void bind_agentFalse_andGoDurationOrSeconds() {
        assertThat(loadWith("Agent: false\n").agent()).isFalse();
        assertThat(loadWith("AgentIdleTimeout: 1h30m\n").agentIdleTimeout()).isEqualTo(Duration.ofMinutes(90));
        assertThat(loadWith("AgentIdleTimeout: 90s\n").agentIdleTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(loadWith("AgentIdleTimeout: 600\n").agentIdleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(loadWith("AgentIdleTimeout: \"1.5h\"\n").agentIdleTimeout()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void bind_unreadableOrZeroIdleTimeout_isAnErrorNamingLineAndKey() {
        int line = (int) MINIMAL.chars().filter(ch -> ch == '\n').count() + 1;

        assertThat(problems(MINIMAL + "AgentIdleTimeout: soon\n"))
                .anySatisfy(p -> assertThat(p).startsWith(at(line)).contains("AgentIdleTimeout", "'soon'"));
        assertThat(problems(MINIMAL + "AgentIdleTimeout: 0\n"))
                .anySatisfy(p -> assertThat(p).contains("AgentIdleTimeout"));
        assertThat(problems(MINIMAL + "Agent: maybe\n")).anySatisfy(p -> assertThat(p).contains("Agent"));
    }

    @Test
    void goDuration_readsGoSyntaxOnly() {
        assertThat(GoDuration.parse("2h")).contains(Duration.ofHours(2));
        assertThat(GoDuration.parse("1m30s")).contains(Duration.ofSeconds(90));
        assertThat(GoDuration.parse("250ms")).contains(Duration.ofMillis(250));
        assertThat(GoDuration.parse("1d")).isEmpty();
        assertThat(GoDuration.parse("h")).isEmpty();
        assertThat(GoDuration.parse("-5m")).isEmpty();
    }
}
