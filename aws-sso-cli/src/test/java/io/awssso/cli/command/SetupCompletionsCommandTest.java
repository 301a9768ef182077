package io.awssso.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.command.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code setup completions}: the script, and the managed block or files it installs and removes. */
class SetupCompletionsCommandTest {
    @TempDir
    Path home;

    private CliRun cli() throws Exception {
        return new CliRun(home).env("AWS_SSO_EXECUTABLE", "/opt/aws sso/bin/aws-sso");
    }

    @Test
    void source_bash_printsTheFunctionWithTheLauncherPathQuoted() throws Exception {
        Result r = cli().run("setup", "completions", "--source", "--shell", "bash");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).contains("__aws_sso_exe='/opt/aws sso/bin/aws-sso'")
                .contains("complete -F __aws_sso_complete aws-sso-profile")
                .contains("aws-sso-profile()").contains("aws-sso-clear()");
    }

    @Test
    void source_shellFromTheShellVariable_printsTheZshScript() throws Exception {
        Result r = cli().env("SHELL", "/usr/bin/zsh").run("setup", "completions", "--source");

        assertThat(r.out()).contains("compdef _aws_sso aws-sso");
    }

    @Test
    void source_unknownShell_isAUsageErrorNamingTheChoices() throws Exception {
        Result r = cli().env("SHELL", "/bin/tcsh").run("setup", "completions", "--source");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--shell bash, zsh or fish");
    }

    @Test
    void install_twoActions_isAUsageError() throws Exception {
        Result r = cli().run("setup", "completions", "--source", "-I", "--shell", "bash");

        assertThat(r.exitCode()).isEqualTo(2);
    }

    @Test
    void install_notATerminalWithoutForce_refusesAndChangesNothing() throws Exception {
        Files.writeString(home.resolve(".bash_profile"), "export PATH=$HOME/bin:$PATH");

        Result r = cli().run("setup", "completions", "-I", "--shell", "bash");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
        assertThat(r.err()).contains("+# BEGIN_AWS_SSO_CLI").contains("--force");
        assertThat(Files.readString(home.resolve(".bash_profile"))).isEqualTo("export PATH=$HOME/bin:$PATH");
    }

    @Test
    void install_force_appendsTheBlockKeepingTheUsersLines_andIsIdempotent() throws Exception {
        Path rc = home.resolve(".bash_profile");
        Files.writeString(rc, "export PATH=$HOME/bin:$PATH");
        Files.setPosixFilePermissions(rc, PosixFilePermissions.fromString("rw-r--r--"));

        Result first = cli().run("setup", "completions", "-I", "--shell", "bash", "--force");
        String installed = Files.readString(rc);
        Result second = cli().run("setup", "completions", "-I", "--shell", "bash", "--force");

        assertThat(first.exitCode()).as("%s", first).isZero();
        assertThat(first.err()).contains("please restart your shell");
        assertThat(installed).startsWith("export PATH=$HOME/bin:$PATH\n# BEGIN_AWS_SSO_CLI\n")
                .endsWith("# END_AWS_SSO_CLI\n").contains("'/opt/aws sso/bin/aws-sso'");
        assertThat(Files.getPosixFilePermissions(rc)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(second.err()).contains("already installed");
        assertThat(Files.readString(rc)).isEqualTo(installed);
    }

    @Test
    void install_afterAnOlderBlock_replacesItInPlace() throws Exception {
        Path rc = home.resolve(".zshrc");
        Files.writeString(rc, "alias ll='ls -l'\n# BEGIN_AWS_SSO_CLI\nold stuff\n# END_AWS_SSO_CLI\nbindkey -e\n");

        Result r = cli().run("setup", "completions", "--install", "--shell", "zsh", "--force");

        String now = Files.readString(rc);
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.err()).contains("-old stuff");
        assertThat(now).startsWith("alias ll='ls -l'\n# BEGIN_AWS_SSO_CLI\n").endsWith("# END_AWS_SSO_CLI\nbindkey -e\n")
                .doesNotContain("old stuff").contains("compdef _aws_sso aws-sso");
    }

    @Test
    void uninstall_force_removesOnlyTheBlock() throws Exception {
        Path rc = home.resolve(".bash_profile");
        Files.writeString(rc, "a=1\n");
        cli().run("setup", "completions", "-I", "--shell", "bash", "--force");

        Result r = cli().run("setup", "completions", "-U", "--shell", "bash", "--force");
        Result again = cli().run("setup", "completions", "-U", "--shell", "bash", "--force");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(Files.readString(rc)).isEqualTo("a=1\n");
        assertThat(again.err()).contains("not installed");
    }

    @Test
    void install_shellScriptOption_changesThatFileInstead() throws Exception {
        Path other = home.resolve("rc/custom.sh");

        cli().run("setup", "completions", "-I", "--shell", "bash", "--force", "--shell-script", other.toString());

        assertThat(Files.readString(other)).startsWith("# BEGIN_AWS_SSO_CLI\n");
        assertThat(home.resolve(".bash_profile")).doesNotExist();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(other))).isEqualTo("rw-------");
    }

    @Test
    void install_fish_writesFourFiles_andUninstallDeletesOnlyOurs() throws Exception {
        Path fish = home.resolve(".config/fish");
        Files.createDirectories(fish.resolve("functions"));
        Files.writeString(fish.resolve("functions/mine.fish"), "function mine; end\n");

        Result r = cli().run("setup", "completions", "-I", "--shell", "fish", "--force");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(fish.resolve("completions/aws-sso.fish")).content().contains("complete -c aws-sso");
        assertThat(fish.resolve("completions/aws-sso-profile.fish")).content().contains("complete -c aws-sso-profile");
        assertThat(fish.resolve("functions/aws-sso-profile.fish")).content().contains("function aws-sso-profile");
        assertThat(fish.resolve("functions/aws-sso-clear.fish")).content().contains("function aws-sso-clear");

        Result u = cli().run("setup", "completions", "-U", "--shell", "fish", "--force");

        assertThat(u.exitCode()).as("%s", u).isZero();
        assertThat(fish.resolve("completions/aws-sso.fish")).doesNotExist();
        assertThat(fish.resolve("functions/aws-sso-clear.fish")).doesNotExist();
        assertThat(fish.resolve("functions/mine.fish")).exists();
    }

    @Test
    void help_explainsWhyAOneOffAwsSsoPrefixDoesNotSteerCompletion() throws Exception {
        Result r = cli().run("setup", "completions", "--help");

        assertThat(r.out()).contains("-S/--sso").contains("$AWS_SSO").contains("export AWS_SSO=Other");
    }
}
