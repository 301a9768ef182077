package io.awssso.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.ExitCode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EcsServerCommandTest {
    @TempDir
    Path home;

    @Test
    void reachableFromOtherMachines_loopbackLiterals_areNot() {
        assertThat(EcsServerCommand.reachableFromOtherMachines("127.0.0.1")).isFalse();
        assertThat(EcsServerCommand.reachableFromOtherMachines("127.8.9.10")).isFalse();
        assertThat(EcsServerCommand.reachableFromOtherMachines("::1")).isFalse();
        assertThat(EcsServerCommand.reachableFromOtherMachines("[::1]")).isFalse();
    }

    @Test
    void reachableFromOtherMachines_wildcardAndOtherAddresses_are() {
        assertThat(EcsServerCommand.reachableFromOtherMachines("0.0.0.0")).isTrue();
        assertThat(EcsServerCommand.reachableFromOtherMachines("::")).isTrue();
        assertThat(EcsServerCommand.reachableFromOtherMachines("192.168.1.20")).isTrue();
    }

    @Test
    void server_nonLoopbackWithoutAllowRemote_isRefusedBeforeListening() throws Exception {
        CliRun.Result r = new CliRun(home).run("ecs", "server", "--bind-ip", "0.0.0.0", "--port", "0");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("--allow-remote").doesNotContain("Listening on");
    }

    @Test
    void server_hostName_isRefused() throws Exception {
        CliRun.Result r = new CliRun(home).run("ecs", "server", "--bind-ip", "localhost", "--port", "0");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(ExitCode.CONFIGURATION.code());
        assertThat(r.err()).contains("invalid bind address 'localhost'");
    }

    @Test
    void server_dockerWithoutSecretsFile_failsInsteadOfServingWithoutAuth() throws Exception {
        CliRun.Result r = new CliRun(home).run("ecs", "server", "--docker", "--bind-ip", "127.0.0.1", "--port", "0");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(ExitCode.FAILURE.code());
        assertThat(r.err()).contains("secrets file").contains("is missing").doesNotContain("Listening on");
    }

    @Test
    void server_dockerSecretsFileWithoutToken_refusedInsteadOfServingWithoutAuth() throws Exception {
        new DockerSecrets(null, null, null).write(DockerSecrets.file(home));

        CliRun.Result r = new CliRun(home).run("ecs", "server", "--docker", "--bind-ip", "127.0.0.1", "--port", "0");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(ExitCode.FAILURE.code());
        assertThat(r.err()).contains("needs a bearer token").contains("ecs docker start")
                .doesNotContain("Listening on");
    }

    @Test
    void server_remoteWithDisableAuth_isRefusedBeforeListening() throws Exception {
        CliRun.Result r = new CliRun(home).run("ecs", "server", "--bind-ip", "0.0.0.0", "--allow-remote",
                "--disable-auth", "--port", "0");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("--disable-auth is refused").doesNotContain("Listening on");
    }

    @Test
    void ecs_withoutSubcommand_isAUsageErrorListingTheCommands() throws Exception {
        CliRun.Result r = new CliRun(home).run("ecs");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("missing command").contains("server").contains("load").contains("docker");
    }

    @Test
    void list_csvOutput_isAUsageErrorNamingTheFormats() throws Exception {
        CliRun.Result r = new CliRun(home).run("ecs", "list", "--output", "csv", "--server", "127.0.0.1:9");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("table or json");
    }

    @Test
    void list_serverNotRunning_saysWhereItLooked() throws Exception {
        CliRun.Result r = new CliRun(home).run("ecs", "list", "--server", "127.0.0.1:9");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(ExitCode.FAILURE.code());
        assertThat(r.err()).contains("cannot reach the ECS server at http://127.0.0.1:9/");
    }

    @Test
    void profile_serverFromTheEnvironment_isUsedWithoutTheFlag() throws Exception {
        CliRun.Result r = new CliRun(home).env("AWS_SSO_ECS_SERVER", "127.0.0.1:9").run("ecs", "profile");

        assertThat(r.err()).contains("http://127.0.0.1:9/");
    }
}
