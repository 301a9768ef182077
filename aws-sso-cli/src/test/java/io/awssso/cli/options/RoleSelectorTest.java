package io.awssso.cli.options;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed role selectors are usage errors (exit 2) with the reason, on every command using them. */
class RoleSelectorTest {
    @TempDir
    Path home;

    @ParameterizedTest
    @CsvSource({
        "process, --arn, bogus, invalid role ARN 'bogus'",
        "eval, --arn, arn:aws:iam::12x:role/R, invalid role ARN",
        "process, --account, 0x12, invalid account id '0x12'",
    })
    void resolve_malformedSelector_isAUsageErrorNamingTheValue(String command, String flag, String value,
            String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = flag.equals("--account")
                ? new String[] {command, flag, value, "--role", "R"}
                : new String[] {command, flag, value};

        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("HOME", home.toString(), "SHELL", "/bin/bash"), args);

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(message).doesNotContain("Exception");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
