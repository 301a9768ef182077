package io.awssso.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.options.GlobalOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentDefaultProviderTest {
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "AWS_SSO_CONFIG", "/etc/aws-sso/from-env.yaml",
            "AWS_SSO", "from-env",
            "AWS_SSO_BROWSER", "/usr/bin/from-env");

    /** Parses {@code args} with the real command tree and returns the global options it filled in. */
    private static GlobalOptions parse(Map<String, String> environment, String... args) {
        Terminal terminal = new Terminal(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false);
        CliComponent component = CliComponent.create(terminal, new CliEnvironment(environment));
        component.commandLine().parseArgs(args);
        return component.globalOptions();
    }

    @Test
    void parse_optionsNotGiven_takeTheirValuesFromTheEnvironment() {
        GlobalOptions options = parse(ENVIRONMENT, "version");

        assertThat(options.config()).contains(Path.of("/etc/aws-sso/from-env.yaml"));
        assertThat(options.sso()).contains("from-env");
        assertThat(options.browser()).contains("/usr/bin/from-env");
    }

    @Test
    void parse_flagsBeforeTheCommand_winOverTheEnvironment() {
        GlobalOptions options = parse(ENVIRONMENT, "--config", "/tmp/flag.yaml", "-S", "flag", "-b", "flag-browser",
                "version");

        assertThat(options.config()).contains(Path.of("/tmp/flag.yaml"));
        assertThat(options.sso()).contains("flag");
        assertThat(options.browser()).contains("flag-browser");
    }

    @Test
    void parse_flagsAfterTheCommand_winOverTheEnvironment() {
        GlobalOptions options = parse(ENVIRONMENT, "version", "--config=/tmp/flag.yaml", "--sso=flag",
                "--browser=flag-browser");

        assertThat(options.config()).contains(Path.of("/tmp/flag.yaml"));
        assertThat(options.sso()).contains("flag");
        assertThat(options.browser()).contains("flag-browser");
    }

    @Test
    void parse_noFlagsAndNoEnvironment_leavesOptionsUnset() {
        GlobalOptions options = parse(Map.of(), "version");

        assertThat(options.config()).isEmpty();
        assertThat(options.sso()).isEmpty();
        assertThat(options.browser()).isEmpty();
        assertThat(options.explicitLevel()).isEmpty();
        assertThat(options.lines()).isFalse();
    }

    @Test
    void parse_emptyEnvironmentVariable_countsAsUnset() {
        GlobalOptions options = parse(Map.of("AWS_SSO", "", "AWS_SSO_CONFIG", ""), "version");

        assertThat(options.sso()).isEmpty();
        assertThat(options.config()).isEmpty();
    }

    @Test
    void parse_levelAndLinesAfterTheCommand_reachTheSharedOptions() {
        GlobalOptions options = parse(Map.of(), "version", "-L", "trace", "--lines");

        assertThat(options.explicitLevel()).hasValueSatisfying(level -> assertThat(level.slf4jName()).isEqualTo("trace"));
        assertThat(options.lines()).isTrue();
    }
}
