package io.awssso.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.cli.options.OutputFormat.Format;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class OutputFormatTest {
    @Command(name = "demo")
    static final class Demo {
        @Mixin
        OutputFormat output;
    }

    private static OutputFormat parse(String... args) {
        Demo demo = new Demo();
        new CommandLine(demo).parseArgs(args);
        return demo.output;
    }

    @Test
    void format_notGiven_isTable() {
        OutputFormat output = parse();

        assertThat(output.format()).isEqualTo(Format.TABLE);
        assertThat(output.given()).isFalse();
        assertThat(output.json()).isFalse();
    }

    @Test
    void format_givenInAnyCase_isParsed() {
        assertThat(parse("--output", "JSON").format()).isEqualTo(Format.JSON);
        assertThat(parse("--output=csv").format()).isEqualTo(Format.CSV);
        assertThat(parse("--output", "json").json()).isTrue();
    }

    @Test
    void format_unknown_isAUsageErrorNamingTheFormats() {
        assertThatThrownBy(() -> parse("--output", "yaml"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("'yaml' is not an output format; use one of table, csv, json");
    }

    @Test
    void require_unsupportedFormat_namesTheSupportedOnes() {
        OutputFormat output = parse("--output", "csv");

        assertThatThrownBy(() -> output.require("cache", Format.TABLE, Format.JSON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'cache' cannot print --output csv; use table or json");
        assertThat(parse("--output", "json").require("cache", Format.TABLE, Format.JSON)).isEqualTo(Format.JSON);
    }
}
