package io.awssso.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.e2e.CliHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code aws-sso select} in a real terminal (tmux): suggestions, narrowing by tag key and value,
 * Enter on a profile name, the zero/several-match messages, {@code exit}, and no terminal at all.
 * stdout goes to a file, so the tests also prove that only the ARN is data.
 */
class SelectIT {
    private CliHarness h;
    private TmuxSession tmux;
    private Path out;

    @BeforeEach
    void start() throws Exception {
        h = CliHarness.start(b -> b
                .addAccount("012345678901", "prod", "prod@example.com", "AdministratorAccess", "ReadOnlyAccess")
                .addAccount("000000000042", "sandbox", "sandbox@example.com", "AdministratorAccess"));
        Result login = h.run("login");
        assertThat(login.exitCode()).as("%s", login).isZero();
        out = h.home().resolve("select.out");
    }

    @AfterEach
    void stop() throws Exception {
        if (tmux != null) {
            tmux.close();
        }
        h.close();
    }

    private void select(Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>(h.environment());
        env.put("AWS_SSO_NO_BUILD", "1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.putIfAbsent("TERM", "xterm");
        env.putAll(extra);
        tmux = TmuxSession.start(h.home(), env, "./aws-sso select > '" + out + "'");
    }

    private String stdout() throws Exception {
        return Files.readString(out);
    }

    @Test
    void select_keyThenValue_narrowsToOneRoleAndPrintsItsArn() throws Exception {
        select(Map.of());
        String first = tmux.waitForPrompt();
        assertThat(tmux.waitFor("AccountAlias")).contains("Role").contains("ProfileName");

        tmux.type("AccountAlias ");
        String values = tmux.waitFor("sandbox");
        assertThat(values).contains("prod").contains("2 roles")
                .contains("arn:aws:iam::000000000042:role/AdministratorAccess");
        tmux.type("sand");
        tmux.send("Tab");
        tmux.waitFor("> AccountAlias sandbox");
        tmux.send("Enter");

        assertThat(tmux.exitCode()).as(tmux.screen()).isZero();
        assertThat(stdout()).isEqualTo("arn:aws:iam::000000000042:role/AdministratorAccess\n");
        assertThat(first).contains("Type `exit` or `Ctrl-D` to abort.");
    }

    @Test
    void select_fullTextSearchOff_completesPrefixesOnly() throws Exception {
        h.writeConfig(h.defaultConfig() + "FullTextSearch: false\n");
        select(Map.of());
        tmux.waitFor("ProfileName");
        // "andbox" is inside "sandbox", "sbx" has its letters in order: neither completes; the
        // X typed after Tab shows that Tab was handled and left the word alone
        for (String word : List.of("andbox", "sbx")) {
            tmux.type("AccountAlias " + word);
            tmux.send("Tab");
            tmux.type("X");
            tmux.waitFor("> AccountAlias " + word + "X");
            tmux.send("C-u");
            tmux.waitForPrompt();
        }
        tmux.type("AccountAlias sa");
        tmux.send("Tab");
        tmux.waitFor("> AccountAlias sandbox");
        tmux.send("Enter");

        assertThat(tmux.exitCode()).as(tmux.screen()).isZero();
        assertThat(stdout()).isEqualTo("arn:aws:iam::000000000042:role/AdministratorAccess\n");
    }

    @Test
    void select_fullTextSearchOn_matchesInsideTheWord() throws Exception {
        select(Map.of());
        tmux.waitFor("ProfileName");
        tmux.type("AccountAlias andbox");
        tmux.send("Tab");
        tmux.waitFor("> AccountAlias sandbox");
        tmux.send("Enter");

        assertThat(tmux.exitCode()).as(tmux.screen()).isZero();
        assertThat(stdout()).isEqualTo("arn:aws:iam::000000000042:role/AdministratorAccess\n");
    }

    @Test
    void select_promptColors_colourThePrefixAndTheSuggestions() throws Exception {
        h.writeConfig(h.defaultConfig() + "PromptColors:\n  PrefixTextColor: Yellow\n"
                + "  SuggestionBGColor: DarkRed\n  SuggestionTextColor: Brown\n  DescriptionTextColor: DarkGreen\n");
        select(Map.of("TERM", "xterm-256color"));
        tmux.waitFor("ProfileName");
        String coloured = tmux.screenWithColours();

        // Yellow is bright yellow (93) for the "> " prefix; suggestions in Brown (33) on DarkRed
        // (41), their descriptions in DarkGreen (32)
        assertThat(coloured).containsPattern("\u001b\\[(\\d+;)*93(;\\d+)*m>");
        assertThat(coloured).containsPattern("\u001b\\[(\\d+;)*41(;\\d+)*m");
        assertThat(coloured).containsPattern("\u001b\\[(\\d+;)*33(;\\d+)*m(\u001b\\[[0-9;]*m)*AccountAlias");
        assertThat(coloured).containsPattern("\u001b\\[(\\d+;)*32(;\\d+)*m\\(3 roles");
        tmux.send("C-d");
        assertThat(tmux.exitCode()).isEqualTo(1);
    }

    @Test
    void select_defaultPromptColors_areAwsSsoClis() throws Exception {
        select(Map.of("TERM", "xterm-256color"));
        tmux.waitFor("ProfileName");
        String coloured = tmux.screenWithColours();

        // the prefix in Blue (bright blue, 94), suggestions in White (97) on Cyan (46), their
        // descriptions in Black (30)
        assertThat(coloured).containsPattern("\u001b\\[(\\d+;)*94(;\\d+)*m>");
        assertThat(coloured).containsPattern("\u001b\\[(\\d+;)*46(;\\d+)*m");
        assertThat(coloured).containsPattern("\u001b\\[(\\d+;)*97(;\\d+)*m(\u001b\\[[0-9;]*m)*AccountAlias");
        assertThat(coloured).containsPattern("\u001b\\[(\\d+;)*30(;\\d+)*m\\(3 roles");
        tmux.send("C-d");
    }

    @Test
    void select_arrowKeysThenSpace_takeTheHighlightedValue() throws Exception {
        select(Map.of());
        tmux.waitForPrompt();
        tmux.waitFor("ProfileName");
        tmux.type("AccountAlias ");
        tmux.waitFor("sandbox");
        tmux.send("Down");
        tmux.waitFor("> AccountAlias prod");
        tmux.send("Down");
        tmux.waitFor("> AccountAlias sandbox");
        tmux.send("Space");
        tmux.send("Enter");

        assertThat(tmux.exitCode()).as(tmux.screen()).isZero();
        assertThat(stdout()).isEqualTo("arn:aws:iam::000000000042:role/AdministratorAccess\n");
    }

    @Test
    void select_firstTagHistory_listsHistoryFirstWithTheAgeOfEachUse() throws Exception {
        Result exec = h.run("exec", "-a", "arn:aws:iam::012345678901:role/ReadOnlyAccess", "--", "true");
        assertThat(exec.exitCode()).as("%s", exec).isZero();
        h.writeConfig(h.defaultConfig() + "FirstTag: History\n");
        select(Map.of());
        String keys = tmux.waitFor("ProfileName");
        // The list starts right under the prompt; the first entry is History.
        assertThat(keys).containsPattern("(?m)^>\\s*\\nHistory +\\(1 roles/1 choices\\)");

        tmux.type("History ");
        String values = tmux.waitFor("prod:ReadOnlyAccess");
        assertThat(values).containsPattern("\\[\\d+s\\] prod:ReadOnlyAccess");
        tmux.send("Tab");
        tmux.send("Enter");

        assertThat(tmux.exitCode()).as(tmux.screen()).isZero();
        assertThat(stdout()).isEqualTo("arn:aws:iam::012345678901:role/ReadOnlyAccess\n");
    }

    @Test
    void select_enterOnProfileName_selectsThatRole() throws Exception {
        select(Map.of());
        tmux.waitForPrompt();
        tmux.type("ProfileName ");
        tmux.waitFor("prod:ReadOnlyAccess");
        tmux.type("prod:ReadOnlyAccess");
        tmux.send("Enter");

        assertThat(tmux.exitCode()).as(tmux.screen()).isZero();
        assertThat(stdout()).isEqualTo("arn:aws:iam::012345678901:role/ReadOnlyAccess\n");
    }

    @Test
    void select_pairsMatchingSeveralRoles_failsWithTooMany() throws Exception {
        select(Map.of());
        tmux.waitForPrompt();
        tmux.type("AccountAlias prod");
        tmux.send("Enter");

        tmux.waitFor("Invalid selection: Too many roles match selected values.");
        assertThat(tmux.exitCode()).isEqualTo(1);
        assertThat(stdout()).isEmpty();
    }

    @Test
    void select_valueMatchingNoRole_failsWithNoMatch() throws Exception {
        select(Map.of());
        tmux.waitForPrompt();
        tmux.type("AccountAlias nosuchaccount");
        tmux.send("Enter");

        tmux.waitFor("Invalid selection: No matching roles.");
        assertThat(tmux.exitCode()).isEqualTo(5);
    }

    @Test
    void select_exit_abortsWithExitCode1() throws Exception {
        select(Map.of());
        tmux.waitForPrompt();
        tmux.type("exit");
        tmux.send("Enter");

        assertThat(tmux.exitCode()).isEqualTo(1);
        assertThat(tmux.screen()).contains("role selection aborted");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void select_ctrlD_aborts() throws Exception {
        select(Map.of());
        tmux.waitFor("ProfileName");
        tmux.send("C-d");

        assertThat(tmux.exitCode()).isEqualTo(1);
        assertThat(stdout()).isEmpty();
    }

    @Test
    void select_dumbTerminal_stillSelectsByTypedPairs() throws Exception {
        select(Map.of("TERM", "dumb"));
        tmux.waitForPrompt();
        tmux.type("AccountAlias sandbox");
        tmux.send("Enter");

        assertThat(tmux.exitCode()).as(tmux.screen()).isZero();
        assertThat(stdout()).isEqualTo("arn:aws:iam::000000000042:role/AdministratorAccess\n");
    }

    @Test
    void select_stdinNotATerminal_failsWithAClearMessage() throws Exception {
        Result r = h.run("select");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("no role given and stdin is not a terminal: use --profile, --arn"
                + " or --account/--role");
    }

    @Test
    void exec_withoutRole_asksInTheSelectorAndRunsTheCommandWithThatRole() throws Exception {
        Map<String, String> env = new HashMap<>(h.environment());
        env.put("AWS_SSO_NO_BUILD", "1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("TERM", "xterm");
        tmux = TmuxSession.start(h.home(), env,
                "./aws-sso exec -- sh -c 'echo \"$AWS_SSO_ROLE_ARN\"' > '" + out + "'");
        tmux.waitForPrompt();
        tmux.type("AccountAlias sandbox");
        tmux.send("Enter");

        assertThat(tmux.exitCode()).as(tmux.screen()).isZero();
        assertThat(stdout()).isEqualTo("arn:aws:iam::000000000042:role/AdministratorAccess\n");
    }

    @Test
    void exec_withoutRoleAndWithoutTerminal_namesTheFlags() throws Exception {
        Result r = h.run("exec", "--", "true");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
        assertThat(r.err()).contains("stdin is not a terminal").contains("--profile");
        assertThat(r.out()).isEmpty();
    }
}
