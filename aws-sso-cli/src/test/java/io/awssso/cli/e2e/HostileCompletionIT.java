package io.awssso.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.e2e.CliHarness.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The completion attack, replayed in real interactive bash, zsh and fish (in tmux): accounts
 * whose names hold {@code $()}, backquotes, {@code ;}, globs, quotes or a line break become
 * profile names; the user types the first letter, presses Tab, then Enter. The completed word
 * must reach the command as the literal profile name, and no payload may run (the canary file
 * must never exist). The command is a shell function standing in for {@code aws-sso} that
 * writes its arguments to a file; completion itself runs the real {@code ./aws-sso __complete}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileCompletionIT {
    private CliHarness h;
    private Path canary;
    private TmuxSession tmux;

    @BeforeAll
    void loginWithHostileAccountNames() throws Exception {
        Path dir = Files.createTempDirectory("hostile-completion");
        canary = dir.resolve("pwned");
        String c = canary.toString();
        h = CliHarness.start(b -> b
                .addAccount("000000000601", "a$(touch${IFS}" + c + ")", "a@example.com", "ReadOnlyAccess")
                .addAccount("000000000602", "b`touch " + c + "`", "b@example.com", "ReadOnlyAccess")
                .addAccount("000000000603", "c; touch " + c + "; #", "c@example.com", "ReadOnlyAccess")
                .addAccount("000000000604", "d* ?[a-z]* {x,y}", "d@example.com", "ReadOnlyAccess")
                .addAccount("000000000605", "e'q\"uo\u2019te (touch " + c + ")", "e@example.com", "ReadOnlyAccess")
                // a line break: the profile name loses it with the other blanks
            .addAccount("000000000606", "f\nfx$(touch " + c + ")", "f@example.com", "ReadOnlyAccess"));
        h.env("AWS_SSO_EXECUTABLE", CliHarness.ROOT.resolve("aws-sso").toString());
        Result login = h.run("login");
        assertThat(login.exitCode()).as("%s", login).isZero();
        for (String shell : List.of("bash", "zsh", "fish")) {
            Result source = h.run("setup", "completions", "--source", "--shell", shell);
            assertThat(source.exitCode()).as("%s", source).isZero();
            Files.writeString(h.home().resolve("completion." + shell), source.out());
        }
        Result list = h.run("list", "--output", "json", "Profile");
        assertThat(list.exitCode()).as("%s", list).isZero();
        for (var row : new com.fasterxml.jackson.databind.ObjectMapper().readTree(list.out())) {
            String profile = row.path("Profile").asText();
            profiles.put(profile.substring(0, 1), profile);
        }
        assertThat(profiles).hasSize(6);
    }

    private final Map<String, String> profiles = new HashMap<>();

    @AfterEach
    void closeTerminal() {
        if (tmux != null) {
            tmux.close();
            tmux = null;
        }
    }

    @AfterAll
    void stop() throws Exception {
        h.close();
        Files.deleteIfExists(canary);
        Files.deleteIfExists(canary.getParent());
    }

    static List<Arguments> cases() {
        List<Arguments> out = new java.util.ArrayList<>();
        for (String shell : List.of("bash", "zsh", "fish")) {
            // the profile names are the account names without blanks (ProfileFormat's nospace)
            for (String typed : List.of("a", "b", "c", "d", "e", "f")) {
                out.add(Arguments.of(shell, typed));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}: {1} Tab Enter")
    @MethodSource("cases")
    void tabThenEnter_hostileProfileName_reachesTheCommandAsTextAndRunsNothing(String shell, String typed)
            throws Exception {
        String expected = profiles.get(typed);
        Path args = h.home().resolve("args-" + shell + "-" + typed);
        Files.deleteIfExists(args);
        tmux = TmuxSession.start(h.home(), environment(), interactiveShell(shell, args));
        tmux.waitFor("READY");

        tmux.type("aws-sso eval -p " + typed);
        tmux.send("Tab");
        tmux.waitFor("the completed word", s -> s.contains("ReadOnlyAccess"));
        tmux.send("Enter");
        String screen = tmux.waitFor("the command's run", s -> Files.exists(args));

        assertThat(canary).as("a payload ran; screen:\n%s", screen).doesNotExist();
        waitForSize(args);
        String[] got = Files.readString(args, StandardCharsets.UTF_8).split("\0", -1);
        assertThat(got).as("screen:\n%s", screen)
                .containsExactly("eval", "-p", expected, "");
    }

    private static void waitForSize(Path file) throws InterruptedException {
        for (int i = 0; i < 50 && file.toFile().length() == 0; i++) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(h.environment());
        env.put("AWS_SSO_NO_BUILD", "1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("TERM", "xterm");
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", "C.UTF-8");
        return env;
    }

    /** The command line that starts {@code shell} interactively with completion loaded. */
    private String interactiveShell(String shell, Path args) throws Exception {
        String script = CompletionIT.quote(h.home().resolve("completion." + shell).toString());
        String out = CompletionIT.quote(args.toString());
        Path rcDir = Files.createDirectories(h.home().resolve("rc-" + shell));
        switch (shell) {
            case "bash" -> {
                Path rc = rcDir.resolve("bashrc");
                Files.writeString(rc, "PS1='$ '\nsource " + script + "\n"
                        + "aws-sso() { printf '%s\\0' \"$@\" > " + out + "; }\necho READY\n");
                return "exec bash --noprofile --rcfile " + CompletionIT.quote(rc.toString()) + " -i";
            }
            case "zsh" -> {
                Files.writeString(rcDir.resolve(".zshrc"), "PS1='$ '\nsource " + script + "\n"
                        + "aws-sso() { printf '%s\\0' \"$@\" > " + out + "; }\necho READY\n");
                return "ZDOTDIR=" + CompletionIT.quote(rcDir.toString()) + " exec zsh -i";
            }
            case "fish" -> {
                Path rc = rcDir.resolve("init.fish");
                Files.writeString(rc, "function fish_prompt; echo '$ '; end\nsource " + script + "\n"
                        + "function aws-sso; printf '%s\\0' $argv > " + out + "; end\necho READY\n");
                return "exec fish --no-config -C 'source " + rc + "'";
            }
            default -> throw new IllegalArgumentException(shell);
        }
    }
}
