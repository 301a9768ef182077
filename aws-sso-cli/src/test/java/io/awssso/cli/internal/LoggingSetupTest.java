package io.awssso.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.internal.LoggingSetup.LogOptions;
import io.awssso.cli.options.LogLevel;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoggingSetupTest {
    @Test
    void scan_everySpellingOfTheLevel_isFound() {
        assertThat(LoggingSetup.scan("-L", "debug", "version").level()).contains(LogLevel.DEBUG);
        assertThat(LoggingSetup.scan("-Ltrace", "version").level()).contains(LogLevel.TRACE);
        assertThat(LoggingSetup.scan("-L=info", "version").level()).contains(LogLevel.INFO);
        assertThat(LoggingSetup.scan("version", "--level", "ERROR").level()).contains(LogLevel.ERROR);
        assertThat(LoggingSetup.scan("version", "--level=Debug").level()).contains(LogLevel.DEBUG);
    }

    @Test
    void scan_noLogOptions_findsNothing() {
        assertThat(LoggingSetup.scan("version")).isEqualTo(new LogOptions(Optional.empty(), false));
        assertThat(LoggingSetup.scan()).isEqualTo(new LogOptions(Optional.empty(), false));
    }

    @Test
    void scan_linesAnywhereBeforeDoubleDash_isFound() {
        assertThat(LoggingSetup.scan("version", "--lines").lines()).isTrue();
        assertThat(LoggingSetup.scan("--lines", "-L", "warn", "version"))
                .isEqualTo(new LogOptions(Optional.of(LogLevel.WARN), true));
    }

    @Test
    void scan_argumentsAfterDoubleDash_belongToTheChildCommand() {
        LogOptions options = LoggingSetup.scan("exec", "-p", "dev", "--", "tool", "-L", "trace", "--lines");

        assertThat(options).isEqualTo(new LogOptions(Optional.empty(), false));
    }

    @Test
    void scan_severalLevels_theLastWins() {
        assertThat(LoggingSetup.scan("-L", "error", "version", "-L", "debug").level()).contains(LogLevel.DEBUG);
    }

    @Test
    void scan_invalidOrMissingLevel_isLeftToPicocli() {
        assertThat(LoggingSetup.scan("-L", "loud", "version").level()).isEmpty();
        assertThat(LoggingSetup.scan("version", "-L").level()).isEmpty();
    }
}
