package io.awssso.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.core.AwsSso;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarmEnginesTest {
    @TempDir
    Path home;

    private final WarmEngines engines = new WarmEngines(new PrintStream(OutputStream.nullOutputStream()));
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void config() throws Exception {
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        Path dir = Files.createDirectories(home.resolve(".config/aws-sso"));
        Files.writeString(dir.resolve("config.yaml"), "SSOConfig:\n  Default:\n    SSORegion: us-east-1\n"
                + "    StartUrl: https://d-1234567890.awsapps.com/start\n  Other:\n    SSORegion: us-east-1\n"
                + "    StartUrl: https://d-1234567890.awsapps.com/start\nSecureStore: json\n");
    }

    private AwsSso engineFor(Map<String, String> environment, String sso) {
        return engines.use(environment, null, sso, AwsSso.builder().environment(environment, home), e -> e);
    }

    @Test
    void use_sameEnvironmentAndFlags_keepsOneEngine() {
        AwsSso first = engineFor(env, null);

        assertThat(engineFor(new HashMap<>(env), null)).isSameAs(first);
        assertThat(engines.built()).isEqualTo(1);
    }

    @Test
    void use_environmentsDifferingInAnyVariable_getEnginesOfTheirOwn() {
        // even a variable that only selects the role per request: no store opened for one
        // environment answers another
        Map<String, String> other = new HashMap<>(env);
        other.put("AWS_PROFILE", "prod");
        Map<String, String> otherBus = new HashMap<>(env);
        otherBus.put("DBUS_SESSION_BUS_ADDRESS", "unix:path=/elsewhere");

        AwsSso first = engineFor(env, null);

        assertThat(engineFor(other, null)).isNotSameAs(first);
        assertThat(engineFor(otherBus, null)).isNotSameAs(first);
        assertThat(engineFor(env, "Other")).isNotSameAs(first);
        assertThat(engines.built()).isEqualTo(4);
    }

    @Test
    void use_moreSelectionsThanKept_keepsTheRecentOnes() {
        for (int i = 0; i < WarmEngines.MAX_KEPT + 3; i++) {
            Map<String, String> e = new HashMap<>(env);
            e.put("AWS_PROFILE", "p" + i);
            engineFor(e, null);
        }

        assertThat(engines.size()).isEqualTo(WarmEngines.MAX_KEPT);
    }

    @Test
    void use_workFails_dropsTheEngineSoTheNextRequestOpensAnew() {
        AwsSso first = engineFor(env, null);

        assertThatThrownBy(() -> engines.use(env, null, null, AwsSso.builder().environment(env, home), e -> {
            throw new IllegalStateException("the store's daemon went away");
        })).hasMessageContaining("went away");

        assertThat(engineFor(env, null)).isNotSameAs(first);
    }

    @Test
    void use_afterClose_buildsAnEngineForTheRequestOnly() {
        engines.close();

        engineFor(env, null);

        assertThat(engines.size()).isZero();
    }
}
