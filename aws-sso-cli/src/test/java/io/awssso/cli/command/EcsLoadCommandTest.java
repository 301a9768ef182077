package io.awssso.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.ExitCode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EcsLoadCommandTest {
    @TempDir
    Path home;

    @Test
    void load_noSelectorAndNoTerminal_saysHowToNameTheRole() throws Exception {
        CliRun.Result r = new CliRun(home).run("ecs", "load", "--server", "127.0.0.1:9");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(ExitCode.FAILURE.code());
        assertThat(r.err()).contains("stdin is not a terminal").contains("--profile");
    }

    @Test
    void load_accountWithoutRole_isAUsageError() throws Exception {
        CliRun.Result r = new CliRun(home).run("ecs", "load", "-A", "012345678901", "--server", "127.0.0.1:9");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("Must specify both --account and --role");
    }
}
