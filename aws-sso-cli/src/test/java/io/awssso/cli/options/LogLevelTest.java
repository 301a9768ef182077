package io.awssso.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class LogLevelTest {
    @Test
    void parse_anyLetterCase_findsTheLevel() {
        assertThat(LogLevel.parse("debug")).isEqualTo(LogLevel.DEBUG);
        assertThat(LogLevel.parse("WARN")).isEqualTo(LogLevel.WARN);
        assertThat(LogLevel.parse(" Trace ")).isEqualTo(LogLevel.TRACE);
    }

    @Test
    void parse_unknownName_listsTheValidNamesInLowerCase() {
        assertThatThrownBy(() -> LogLevel.parse("verbose"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'verbose' is not a log level; use one of error, warn, info, debug, trace");
    }

    @Test
    void convert_unknownName_isAPicocliConversionError() {
        assertThatThrownBy(() -> new LogLevel.Converter().convert("loud"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'loud' is not a log level");
    }

    @Test
    void includes_moreVerboseLevels_includeLessVerboseOnes() {
        assertThat(LogLevel.TRACE.includes(LogLevel.DEBUG)).isTrue();
        assertThat(LogLevel.DEBUG.includes(LogLevel.DEBUG)).isTrue();
        assertThat(LogLevel.INFO.includes(LogLevel.DEBUG)).isFalse();
        assertThat(LogLevel.ERROR.includes(LogLevel.WARN)).isFalse();
    }

    @Test
    void slf4jName_isTheLowerCaseName() {
        assertThat(LogLevel.WARN.slf4jName()).isEqualTo("warn");
        assertThat(LogLevel.WARN).hasToString("warn");
    }
}
