package io.awssso.core.internal.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.ConfigProblem;
import io.awssso.api.ConfigurationException;
import io.awssso.core.internal.env.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Shared helpers: a fixed made-up location and environment, so no test sees the real home. */
final class ConfigTesting {
    static final Path HOME = Path.of("/home/tester");
    static final Path FILE = Path.of("/home/tester/.config/aws-sso/config.yaml");
    static final ConfigLocation LOCATION = new ConfigLocation(FILE, FILE.getParent());

    /** The smallest valid config. */
    static final String MINIMAL = "SSOConfig:\n"
            + "  Default:\n"
            + "    SSORegion: us-east-1\n"
            + "    StartUrl: https://d-1234567890.awsapps.com/start\n";

    private ConfigTesting() {
    }

    static Environment desktop() {
        return Environment.of(Map.of(), HOME);
    }

    static AwsSsoConfig load(String yaml) {
        return loaded(yaml).config();
    }

    static LoadedConfig loaded(String yaml) {
        return new ConfigLoader(desktop()).parse(yaml, LOCATION, Instant.EPOCH);
    }

    /** The config with {@code extra} top-level lines added to {@link #MINIMAL}. */
    static AwsSsoConfig loadWith(String extra) {
        return load(MINIMAL + extra);
    }

    /** Each problem as the user reads it: {@code file:line:column: key: message}. */
    static List<String> problems(String yaml) {
        return problemList(yaml).stream().map(ConfigProblem::toString).toList();
    }

    static List<ConfigProblem> problemList(String yaml) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> loaded(yaml));
        assertThatThrownBy(() -> {
            if (thrown != null) {
                throw thrown;
            }
        }).isInstanceOf(ConfigurationException.class);
        return ((ConfigurationException) thrown).problems();
    }

    /** "file:line:" prefix for a problem on {@code line}, as {@link ConfigProblem} prints it. */
    static String at(int line) {
        return FILE + ":" + line + ":";
    }

    static String resource(String name) {
        try (InputStream in = ConfigTesting.class.getResourceAsStream("/config/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource config/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
