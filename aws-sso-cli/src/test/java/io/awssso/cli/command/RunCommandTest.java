package io.awssso.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aws-sso run}'s usage errors, in this JVM: they are refused before any role is looked at. */
class RunCommandTest {
    @TempDir
    Path home;

    @Test
    void run_noCommand_usageError() throws Exception {
        CliRun.Result r = new CliRun(home).run("run", "--role", "ReadOnly");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
        assertThat(r.err()).contains("<command>");
    }

    @Test
    void run_filterWithoutEquals_usageErrorSayingTheForm() throws Exception {
        CliRun.Result r = new CliRun(home).run("run", "--filter", "ReadOnly", "--", "true");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
        assertThat(r.err()).contains("error: role filter 'ReadOnly' is not KEY=GLOB");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void run_filterOnExpires_usageErrorNamingUsableFields() throws Exception {
        CliRun.Result r = new CliRun(home).run("run", "--filter", "Expires=1h", "--", "true");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
        assertThat(r.err()).contains("the field 'Expires' cannot select roles").contains("AccountAlias");
    }

    @Test
    void run_unknownOutput_usageErrorNamingTextAndJson() throws Exception {
        CliRun.Result r = new CliRun(home).run("run", "--output", "csv", "--", "true");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
        assertThat(r.err()).contains("use text or json");
    }

    @Test
    void run_parallelZero_usageError() throws Exception {
        CliRun.Result r = new CliRun(home).run("run", "--parallel", "0", "--", "true");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
        assertThat(r.err()).contains("--parallel must be at least 1, got 0");
    }

    @Test
    void run_commandOptionsWithoutDoubleDash_passedToTheCommand() throws Exception {
        // parsing stops at the command's name, as for exec: "-c" is sh's, not run's (the run then
        // needs a login, which this throwaway HOME does not have)
        CliRun.Result r = new CliRun(home).run("run", "--role", "ReadOnly", "sh", "-c", "true");

        assertThat(r.err()).doesNotContain("Unknown option");
        assertThat(r.exitCode()).as("%s", r).isNotEqualTo(2);
    }
}
