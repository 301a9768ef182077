package io.awssso.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.completion.Shell;
import io.awssso.cli.e2e.CliHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Completion in real bash, zsh and fish, against a throwaway HOME whose role cache was written by
 * a real {@code login} against the emulator. Each shell sources the script that
 * {@code setup completions} prints (fish loads the files {@code setup completions -I} installed,
 * lazily, as it would for a user) and runs the completion function, which runs {@code ./aws-sso
 * __complete} as a separate process.
 *
 * <p>How each shell is driven: bash gets {@code COMP_LINE}, {@code COMP_POINT}, {@code COMP_WORDS}
 * and {@code COMP_CWORD} set as readline would, then the function is called and {@code COMPREPLY}
 * printed; fish runs {@code complete -C '<line>'}, its own completion engine; zsh runs the real
 * {@code _aws_sso} with {@code words}/{@code CURRENT} set, and zsh's widget-only builtins
 * {@code compadd} and {@code compdef} replaced by functions that print what they receive (they
 * cannot run outside an interactive completion widget).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompletionIT {
    private static final String ADMIN = "prod:AdministratorAccess";
    private static final String READ_ONLY = "prod:ReadOnlyAccess";

    private CliHarness h;

    @BeforeAll
    void loginSoTheCacheExists() throws Exception {
        h = CliHarness.start();
        h.writeConfig(h.instanceBlock("Default", "Other") + "DefaultSSO: Default\n" + h.commonSettings());
        h.env("AWS_SSO_EXECUTABLE", CliHarness.ROOT.resolve("aws-sso").toString());
        Result login = h.run("login");
        assertThat(login.exitCode()).as("%s", login).isZero();
        for (Shell shell : List.of(Shell.BASH, Shell.ZSH)) {
            Result source = h.run("setup", "completions", "--source", "--shell", shell.id());
            assertThat(source.exitCode()).as("%s", source).isZero();
            Files.writeString(script(shell), source.out());
        }
        // as for a user, aws-sso is a command on the PATH (fish loads completions only for commands)
        Path bin = Files.createDirectories(h.home().resolve("bin"));
        Files.writeString(bin.resolve("aws-sso"), "#!/bin/sh\nexec " + quote(CliHarness.ROOT.resolve("aws-sso").toString())
                + " \"$@\"\n");
        bin.resolve("aws-sso").toFile().setExecutable(true);
        Result fish = h.run("setup", "completions", "--install", "--shell", "fish", "--force");
        assertThat(fish.exitCode()).as("%s", fish).isZero();
    }

    @AfterAll
    void stop() throws Exception {
        h.close();
    }

    private Path script(Shell shell) {
        return h.home().resolve("completion." + shell.id());
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Completes {@code line} (the cursor at its end) in {@code shell}. */
    private List<String> complete(Shell shell, String line, Map<String, String> extra) throws Exception {
        String program = switch (shell) {
            case BASH -> "source " + quote(script(shell).toString()) + "\n"
                    + "COMP_LINE=" + quote(line) + "; COMP_POINT=${#COMP_LINE}\n"
                    + "read -ra COMP_WORDS <<<\"$COMP_LINE\"\n"
                    + "[[ \"$COMP_LINE\" == *' ' ]] && COMP_WORDS+=('')\n"
                    + "COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
                    + "fn=$(complete -p \"${COMP_WORDS[0]}\" | sed -n 's/.*-F \\([^ ]*\\) .*/\\1/p')\n"
                    + "\"$fn\" \"${COMP_WORDS[0]}\" \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n"
                    + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
            case ZSH -> "compdef() { :; }\n"
                    + "compadd() { while [[ $# -gt 0 && $1 != -- ]]; do shift; done; shift; print -rl -- \"$@\"; }\n"
                    + "_files() { print -r -- ':zsh-files'; }\n"
                    + "source " + quote(script(shell).toString()) + "\n"
                    + "words=(${(z)${:-" + quote(line) + "}})\n"
                    + "[[ " + quote(line) + " == *' ' ]] && words+=('')\n"
                    + "CURRENT=${#words}\n"
                    + "_aws_sso\n";
            case FISH -> "complete -C " + quote(line) + " | string replace -r '\\t.*' ''; true\n";
        };
        List<String> words = new ArrayList<>();
        for (String w : runShell(shell, program, extra).split("\n")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** Runs {@code program} in {@code shell} (no rc files) and returns its stdout; it must exit 0. */
    private String runShell(Shell shell, String program, Map<String, String> extra) throws Exception {
        List<String> command = switch (shell) {
            case BASH -> List.of("bash", "--noprofile", "--norc", "-c", program);
            case ZSH -> List.of("zsh", "-f", "-c", program);
            case FISH -> List.of("fish", "-c", program);
        };
        ProcessBuilder pb = new ProcessBuilder(command).directory(h.home().toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("AWS_SSO_NO_BUILD", "1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.putAll(h.environment());
        env.put("PATH", h.home().resolve("bin") + ":" + System.getenv("PATH"));
        env.putAll(extra);
        Path err = Files.createTempFile("completion", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("%s exited %d: %s", shell, p.exitValue(), Files.readString(err)).isZero();
        Files.delete(err);
        return out;
    }

    private List<String> complete(Shell shell, String line) throws Exception {
        return complete(shell, line, Map.of());
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void complete_commandPrefix_offersTheMatchingCommands(Shell shell) throws Exception {
        assertThat(complete(shell, "aws-sso lo")).containsExactlyInAnyOrder("login", "logout");
        assertThat(complete(shell, "aws-sso setup co")).containsExactly("completions");
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void complete_flagPrefix_offersTheCommandsFlagsAndGlobalOnes(Shell shell) throws Exception {
        assertThat(complete(shell, "aws-sso list --c")).containsExactlyInAnyOrder("--csv", "--config");
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void complete_profile_offersTheCachedProfiles(Shell shell) throws Exception {
        assertThat(complete(shell, "aws-sso eval -p ")).containsExactlyInAnyOrder(ADMIN, READ_ONLY);
        // bash replaces only the part after the last ':' of the word (COMP_WORDBREAKS)
        assertThat(complete(shell, "aws-sso eval -p prod:R"))
                .containsExactly(shell == Shell.BASH ? "ReadOnlyAccess" : READ_ONLY);
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void complete_accountAfterRole_offersTheAccountsWithThatRole(Shell shell) throws Exception {
        assertThat(complete(shell, "aws-sso exec -R ReadOnlyAccess -A ")).containsExactly("012345678901");
        assertThat(complete(shell, "aws-sso exec -R NoSuchRole -A ")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void complete_roleAndArn_comeFromTheCache(Shell shell) throws Exception {
        assertThat(complete(shell, "aws-sso exec -A 012345678901 -R "))
                .containsExactlyInAnyOrder("AdministratorAccess", "ReadOnlyAccess");
        assertThat(complete(shell, "aws-sso exec -R ReadOnlyAccess --arn ")).containsExactly(
                "arn:aws:iam::012345678901:role/ReadOnlyAccess");
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void complete_ssoValue_offersTheConfiguredInstances(Shell shell) throws Exception {
        assertThat(complete(shell, "aws-sso -S ")).containsExactly("Default", "Other");
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void complete_listFields_offerTheFieldNames(Shell shell) throws Exception {
        assertThat(complete(shell, "aws-sso list AccountI")).containsExactly("AccountId", "AccountIdPad");
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void complete_ssoOnTheLine_winsOverAwsSso(Shell shell) throws Exception {
        // Other was never logged in to: its cache holds no roles
        assertThat(complete(shell, "aws-sso -S Other eval -p ")).isEmpty();
        assertThat(complete(shell, "aws-sso eval -p ", Map.of("AWS_SSO", "Other"))).isEmpty();
        assertThat(complete(shell, "aws-sso --sso Default eval -p ", Map.of("AWS_SSO", "Other")))
                .containsExactlyInAnyOrder(ADMIN, READ_ONLY);
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void complete_profileHelper_offersProfiles(Shell shell) throws Exception {
        assertThat(complete(shell, "aws-sso-profile p")).containsExactlyInAnyOrder(ADMIN, READ_ONLY);
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void helpers_profileThenClear_setAndRemoveTheRoleVariablesInTheShell(Shell shell) throws Exception {
        String program = switch (shell) {
            case BASH, ZSH -> "compdef() { :; }\n"
                    + "source " + quote(script(shell).toString()) + "\n"
                    + "aws-sso-profile " + READ_ONLY + " || exit 3\n"
                    + "echo \"profile=$AWS_SSO_PROFILE role=$AWS_SSO_ROLE_NAME key=${AWS_ACCESS_KEY_ID:+set}\"\n"
                    + "aws-sso-clear || exit 4\n"
                    + "echo \"after=${AWS_SSO_PROFILE:-unset} key=${AWS_ACCESS_KEY_ID:-unset}\"\n"
                    + "AWS_PROFILE=other aws-sso-profile " + READ_ONLY + " 2>/dev/null; echo \"refused=$?\"\n";
            case FISH -> "aws-sso-profile " + READ_ONLY + "; or exit 3\n"
                    + "echo \"profile=$AWS_SSO_PROFILE role=$AWS_SSO_ROLE_NAME key=\"(set -q AWS_ACCESS_KEY_ID; and echo set)\n"
                    + "aws-sso-clear; or exit 4\n"
                    + "set -q AWS_SSO_PROFILE; or set AWS_SSO_PROFILE unset\n"
                    + "set -q AWS_ACCESS_KEY_ID; or set AWS_ACCESS_KEY_ID unset\n"
                    + "echo \"after=$AWS_SSO_PROFILE key=$AWS_ACCESS_KEY_ID\"\n"
                    + "begin; set -lx AWS_PROFILE other; aws-sso-profile " + READ_ONLY + " 2>/dev/null; "
                    + "echo \"refused=$status\"; end\n";
        };
        String shellPath = switch (shell) {
            case BASH -> "/bin/bash";
            case ZSH -> "/usr/bin/zsh";
            case FISH -> "/usr/bin/fish";
        };

        String out = runShell(shell, program, Map.of("SHELL", shellPath));

        assertThat(out).contains("profile=" + READ_ONLY + " role=ReadOnlyAccess key=set")
                .contains("after=unset key=unset")
                .contains("refused=1");
    }

    @Test
    void complete_withoutTheStorePassword_stillOffersProfiles_withoutPrompting() throws Exception {
        // completion reads only cache.json: no password prompt may appear in the middle of a Tab
        assertThat(complete(Shell.BASH, "aws-sso eval -p ", Map.of("AWS_SSO_FILE_PASSWORD", "")))
                .containsExactlyInAnyOrder(ADMIN, READ_ONLY);
    }

    @Test
    void complete_bashFileOption_completesFileNames() throws Exception {
        Files.writeString(h.home().resolve("my-config.yaml"), "x");

        assertThat(complete(Shell.BASH, "aws-sso --config my-c")).containsExactly("my-config.yaml");
    }
}
