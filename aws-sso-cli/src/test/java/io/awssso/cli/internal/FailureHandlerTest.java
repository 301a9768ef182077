package io.awssso.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.api.AwsSsoException;
import io.awssso.api.ConfigProblem;
import io.awssso.api.ConfigurationException;
import io.awssso.api.IdentityCenterException;
import io.awssso.api.LoginRequiredException;
import io.awssso.api.RoleNotFoundException;
import io.awssso.api.StoreUnavailableException;
import io.awssso.api.ThrottledException;
import io.awssso.cli.ExitCode;
import io.awssso.cli.options.GlobalOptions;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

class FailureHandlerTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Terminal terminal = new Terminal(new PrintWriter(out, true), new PrintWriter(err, true), false);

    private FailureHandler handler(String... globalArgs) {
        GlobalOptions options = new GlobalOptions();
        new CommandLine(options).parseArgs(globalArgs);
        return new FailureHandler(terminal, options);
    }

    private static ParameterException parameterException(String message) {
        return new ParameterException(new CommandLine(CommandSpec.create().name("aws-sso")), message);
    }

    @Test
    void exitCode_eachExceptionType_mapsToItsDocumentedCode() {
        ConfigProblem problem = new ConfigProblem(Path.of("config.yaml"), 3, 1, "SSOConfig", "must not be empty");
        assertThat(FailureHandler.exitCode(new ConfigurationException(List.of(problem))))
                .isEqualTo(ExitCode.CONFIGURATION).extracting(ExitCode::code).isEqualTo(3);
        assertThat(FailureHandler.exitCode(new LoginRequiredException("run aws-sso login")))
                .isEqualTo(ExitCode.LOGIN_REQUIRED).extracting(ExitCode::code).isEqualTo(4);
        assertThat(FailureHandler.exitCode(new RoleNotFoundException("no role Admin in 012345678901")))
                .isEqualTo(ExitCode.ROLE_NOT_FOUND).extracting(ExitCode::code).isEqualTo(5);
        assertThat(FailureHandler.exitCode(new StoreUnavailableException("keyring locked")))
                .isEqualTo(ExitCode.STORE_UNAVAILABLE).extracting(ExitCode::code).isEqualTo(6);
        assertThat(FailureHandler.exitCode(new ThrottledException("too many requests")))
                .isEqualTo(ExitCode.THROTTLED).extracting(ExitCode::code).isEqualTo(7);
        assertThat(FailureHandler.exitCode(parameterException("Unknown option: '-x'")))
                .isEqualTo(ExitCode.USAGE).extracting(ExitCode::code).isEqualTo(2);
        assertThat(FailureHandler.exitCode(new InterruptedException()))
                .isEqualTo(ExitCode.INTERRUPTED).extracting(ExitCode::code).isEqualTo(130);
        assertThat(FailureHandler.exitCode(new InterruptedIOException()))
                .isEqualTo(ExitCode.INTERRUPTED);
    }

    @Test
    void exitCode_generalAndUnexpectedExceptions_mapToOne() {
        assertThat(FailureHandler.exitCode(new AwsSsoException("something failed")).code()).isEqualTo(1);
        assertThat(FailureHandler.exitCode(
                new IdentityCenterException(IdentityCenterException.Reason.OTHER, "service error")).code())
                .isEqualTo(1);
        assertThat(FailureHandler.exitCode(new IllegalStateException("bug")).code()).isEqualTo(1);
    }

    @Test
    void exitCode_wrappedException_usesTheCauseWithItsOwnCode() {
        assertThat(FailureHandler.exitCode(new ExecutionException(new LoginRequiredException("login"))))
                .isEqualTo(ExitCode.LOGIN_REQUIRED);
        assertThat(FailureHandler.exitCode(new AwsSsoException("listing roles failed",
                new ThrottledException("rate exceeded")))).isEqualTo(ExitCode.THROTTLED);
        assertThat(FailureHandler.exitCode(new UncheckedIOException(new InterruptedIOException("read"))))
                .isEqualTo(ExitCode.INTERRUPTED);
    }

    @Test
    void exitCode_causeCycle_terminatesWithGeneralFailure() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);

        assertThat(FailureHandler.exitCode(a)).isEqualTo(ExitCode.FAILURE);
    }

    @Test
    void handle_awsSsoException_printsOneErrorLineToStderrOnly() {
        int code = handler().handle(new LoginRequiredException("Must run `aws-sso login` before running `aws-sso exec`"));

        assertThat(code).isEqualTo(4);
        assertThat(err.toString()).isEqualTo(
                "error: Must run `aws-sso login` before running `aws-sso exec`" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void handle_wrappedException_printsTheMessageOfTheDecisiveCause() {
        int code = handler().handle(new RuntimeException("wrapper", new RoleNotFoundException("no such role: Admin")));

        assertThat(code).isEqualTo(5);
        assertThat(err.toString()).startsWith("error: no such role: Admin").doesNotContain("wrapper");
    }

    @Test
    void handle_configurationException_printsEveryProblem() {
        ConfigurationException failure = new ConfigurationException(List.of(
                new ConfigProblem(Path.of("config.yaml"), 3, 5, "DefaultRegion", "unknown region"),
                new ConfigProblem(Path.of("config.yaml"), 9, 1, "UrlAction", "unknown action")));

        int code = handler().handle(failure);

        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).startsWith("error: invalid configuration (2 problems):")
                .contains("DefaultRegion", "UrlAction")
                .doesNotContain("\tat ");
    }

    @Test
    void handle_atWarnLevel_printsNoStackTrace() {
        handler("-L", "warn").handle(new StoreUnavailableException("cannot unlock the keyring"));

        assertThat(err.toString()).isEqualTo("error: cannot unlock the keyring" + System.lineSeparator());
    }

    @Test
    void handle_atDebugLevel_printsTheStackTraceAfterTheErrorLine() {
        int code = handler("-L", "debug").handle(new StoreUnavailableException("cannot unlock the keyring"));

        assertThat(code).isEqualTo(6);
        assertThat(err.toString()).startsWith("error: cannot unlock the keyring" + System.lineSeparator())
                .contains("io.awssso.api.StoreUnavailableException: cannot unlock the keyring")
                .containsPattern("\tat .*io\\.awssso\\.cli\\.internal\\.FailureHandlerTest\\.handle_atDebugLevel");
    }

    @Test
    void handle_atTraceLevel_printsTheStackTrace() {
        handler("--level", "trace").handle(new ThrottledException("slow down"));

        assertThat(err.toString()).contains("\tat ");
    }

    @Test
    void handle_unexpectedException_namesItsTypeAndPointsToDebugLevel() {
        int code = handler().handle(new IllegalStateException("boom"));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: unexpected java.lang.IllegalStateException: boom")
                .contains("-L debug")
                .doesNotContain("\tat ");
    }

    @Test
    void handle_unexpectedExceptionWithoutMessage_stillPrintsAMessage() {
        handler().handle(new NullPointerException());

        assertThat(err.toString()).startsWith("error: unexpected java.lang.NullPointerException");
    }

    @Test
    void handle_interrupted_saysInterruptedAndReturns130() {
        int code = handler().handle(new InterruptedException("sleep interrupted"));

        assertThat(code).isEqualTo(130);
        assertThat(err.toString()).isEqualTo("error: interrupted" + System.lineSeparator());
    }

    @Test
    void handle_parameterException_isAUsageErrorWithAHint() {
        int code = handler("-L", "trace").handle(parameterException("Missing required parameter: '<role>'"));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: Missing required parameter: '<role>'")
                .contains("Try 'aws-sso --help' for more information.")
                .doesNotContain("\tat ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void handle_messageQuotingHostileAwsText_printsItsControlCharactersEscaped() {
        int code = handler().handle(new RoleNotFoundException(
                "no role \u001b]0;owned\u0007Admin\u202e in 012345678901\nrun aws-sso cache to refresh"));

        assertThat(code).isEqualTo(5);
        assertThat(err.toString())
                .isEqualTo("error: no role \\e]0;owned\\x07Admin\\u{202E} in 012345678901\nrun aws-sso cache to refresh\n")
                .doesNotContain("\u001b", "\u0007", "\u202e");
    }
}
