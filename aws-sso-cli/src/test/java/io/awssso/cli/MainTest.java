package io.awssso.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {
    private static final Map<String, String> NO_ENVIRONMENT = Map.of();

    private record Result(int exitCode, String out, String err) {}

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), NO_ENVIRONMENT, args);
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void run_version_printsProjectVersionAndJavaToStdoutOnly() {
        Result result = run("version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines().findFirst())
                .contains("aws-sso for Java " + System.getProperty("awssso.project.version"));
        assertThat(result.out()).contains("Java: " + Runtime.version());
        assertThat(result.err()).isEmpty();
    }

    @Test
    void run_help_printsUsageCommandsOptionsAndExitCodesToStdout() {
        Result result = run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: aws-sso")
                .contains("version", "-L, --level", "--lines", "--config", "-S, --sso", "-b, --browser",
                        "AWS_SSO_CONFIG", "AWS_SSO_BROWSER");
        for (ExitCode code : ExitCode.values()) {
            assertThat(result.out()).containsPattern("(?m)^\\s+" + code.code() + "\\s+\\Q" + code.meaning() + "\\E$");
        }
        assertThat(result.err()).isEmpty();
    }

    @Test
    void run_helpOfCommand_printsThatCommandsUsageWithGlobalOptions() {
        Result result = run("version", "-h");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: aws-sso version").contains("--config", "-L, --level");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void run_globalOptionsAfterCommand_areAccepted() {
        Result result = run("version", "-L", "debug", "--lines", "--config", "/nonexistent/config.yaml",
                "-S", "dev", "-b", "firefox");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("aws-sso for Java ");
    }

    @Test
    void run_unknownFlag_reportsUsageErrorOnStderrWithoutStackTrace() {
        Result result = run("--bogus", "version");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("error: Unknown option: '--bogus'")
                .contains("Try 'aws-sso --help'")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void run_unknownFlagAtDebugLevel_stillPrintsNoStackTrace() {
        Result result = run("-L", "debug", "version", "--bogus");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("error: Unknown option: '--bogus'")
                .contains("Try 'aws-sso version --help'")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void run_unknownCommand_reportsUsageError() {
        Result result = run("bogus");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("error: unknown command 'bogus'");
    }

    @Test
    void run_misspelledCommand_suggestsTheRealOne() {
        Result result = run("verzion");

        assertThat(result.exitCode()).isEqualTo(2);
        // picocli may name other close commands too ("console"); the real one must come first
        assertThat(result.err()).contains("Did you mean: aws-sso version");
    }

    @Test
    void run_noCommand_printsUsageToStderrAndReportsUsageError() {
        Result result = run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("error: missing command").contains("Usage: aws-sso");
    }

    @Test
    void run_invalidLogLevel_namesTheValidLevels() {
        Result result = run("-L", "loud", "version");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("'loud' is not a log level; use one of error, warn, info, debug, trace");
    }

    @Test
    void run_logLevelInAnyCase_isAccepted() {
        assertThat(run("-L", "TRACE", "version").exitCode()).isZero();
        assertThat(run("--level=Info", "version").exitCode()).isZero();
    }
}
