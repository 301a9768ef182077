package io.awssso.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupEcsAuthCommandTest {
    @TempDir
    Path home;

    private CliRun cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRun(home);
    }

    @Test
    void auth_token_isStoredAndNeverPrinted() throws Exception {
        CliRun.Result r = cli.run("setup", "ecs", "auth", "-t", "s3cret-token-value");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(Files.readString(cli.store())).contains("\"EcsBearerToken\"").contains("s3cret-token-value");
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).doesNotContain("s3cret-token-value").contains("Bearer <token>");
    }

    @Test
    void auth_print_writesTheStoredTokenToStdoutOnly() throws Exception {
        cli.run("setup", "ecs", "auth", "-t", "s3cret-token-value");

        CliRun.Result r = cli.run("setup", "ecs", "auth", "--print");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).isEqualTo("s3cret-token-value\n");
        assertThat(r.err()).doesNotContain("s3cret-token-value");
    }

    @Test
    void auth_printWithoutStoredToken_failsSayingHowToGetOne() throws Exception {
        CliRun.Result r = cli.run("setup", "ecs", "auth", "-p");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(ExitCode.FAILURE.code());
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("no ECS bearer token is stored").contains("setup ecs auth -t");
    }

    @Test
    void auth_delete_removesTheStoredToken() throws Exception {
        cli.run("setup", "ecs", "auth", "--bearer-token", "s3cret-token-value");

        CliRun.Result r = cli.run("setup", "ecs", "auth", "-d");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(Files.readString(cli.store())).doesNotContain("s3cret-token-value");
    }

    @Test
    void auth_tokenWithBearerPrefix_isRefusedAndNothingStored() {
        CliRun.Result r = cli.run("setup", "ecs", "auth", "-t", "Bearer abc");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(ExitCode.CONFIGURATION.code());
        assertThat(r.err()).contains("without the 'Bearer ' prefix");
        assertThat(cli.store()).doesNotExist();
    }

    @Test
    void auth_neitherTokenNorDelete_isAUsageError() {
        CliRun.Result r = cli.run("setup", "ecs", "auth");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("Missing required argument").contains("-t=<token> | -d");
    }

    @Test
    void auth_tokenAndDelete_isAUsageError() {
        CliRun.Result r = cli.run("setup", "ecs", "auth", "-t", "abc", "-d");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("mutually exclusive");
    }

    @Test
    void setup_withoutSubcommand_isAUsageErrorListingEcs() {
        CliRun.Result r = cli.run("setup");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("missing command").contains("ecs");
    }
}
