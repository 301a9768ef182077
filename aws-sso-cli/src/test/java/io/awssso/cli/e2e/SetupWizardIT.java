package io.awssso.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.e2e.CliHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code aws-sso setup wizard} answered in a real terminal (tmux), then the written config used by
 * {@code ./aws-sso login}; the first-run wizard; and the error without a terminal.
 */
class SetupWizardIT {
    private CliHarness h;
    private TmuxSession tmux;

    @BeforeEach
    void start() throws Exception {
        h = CliHarness.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (tmux != null) {
            tmux.close();
        }
        h.close();
    }

    private void run(Map<String, String> extra, String command) throws Exception {
        Map<String, String> env = new HashMap<>(h.environment());
        env.put("AWS_SSO_NO_BUILD", "1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("TERM", "xterm");
        env.putAll(extra);
        tmux = TmuxSession.start(h.home(), env, command);
    }

    /** Answers the prompt that shows {@code prompt} with {@code answer} (empty: the default). */
    private void answer(String prompt, String answer) throws Exception {
        String before = tmux.waitFor("prompt '" + prompt + "'", s -> lastLine(s).startsWith(prompt));
        if (!answer.isEmpty()) {
            tmux.type(answer);
        }
        tmux.send("Enter");
        tmux.waitFor("the answer to '" + prompt + "' taken", s -> !s.equals(before) && !lastLine(s)
                .equals(lastLine(before) + answer));
    }

    private static String lastLine(String screen) {
        List<String> lines = screen.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private List<Path> backups() throws Exception {
        try (Stream<Path> files = Files.list(h.configDirectory())) {
            return files.filter(p -> p.getFileName().toString()
                    .matches("config\\.\\d{4}-\\d\\d-\\d\\d-\\d\\d:\\d\\d:\\d\\d\\.yaml")).toList();
        }
    }

    @Test
    void wizard_newConfig_writesTheAnswersAndTheDefaultsWithMode0600() throws Exception {
        Files.delete(h.configFile());
        run(Map.of(), "./aws-sso setup wizard");

        tmux.waitFor("Creating " + h.configFile());
        tmux.waitFor("Commercial (aws)");
        assertThat(tmux.screen()).contains("US GovCloud (aws-us-gov)").contains("China (aws-cn)")
                .contains("EU Sovereign Cloud (aws-eusc)");
        tmux.type("2");
        tmux.send("Enter");
        tmux.waitFor("Start URL");
        tmux.type("http://example.com/start");
        tmux.send("Enter");
        tmux.waitFor("must use https");
        // Nothing listens on port 1: a warning, and the choice to enter it again.
        tmux.type("http://127.0.0.1:1/start");
        tmux.send("Enter");
        tmux.waitFor("Warning: cannot reach http://127.0.0.1:1/start");
        answer("Choice [retry]", "");
        // The emulator answers the HEAD with 200: no warning.
        answer("Start URL", h.emulator().startUrl().toString());
        String regions = tmux.waitFor("us-gov-east-1");
        assertThat(regions).contains("us-gov-west-1").doesNotContain("eu-west-1");
        tmux.type("2");
        tmux.send("Enter");
        tmux.waitFor("Friendly: ");
        tmux.type("Friendly");
        tmux.send("Enter");

        assertThat(tmux.exitCode()).as(tmux.screen()).isZero();
        assertThat(tmux.screen()).contains("Wrote " + h.configFile()).doesNotContain("Warning: " + h.emulator().startUrl());
        String yaml = Files.readString(h.configFile());
        assertThat(yaml).contains("SSOConfig:\n    Default:\n        SSORegion: us-gov-east-1\n"
                + "        StartUrl: " + h.emulator().startUrl() + "\n")
                .contains("UrlAction: open\n").contains("LogLevel: error\n").contains("ConsoleDuration: 720\n")
                .contains("CacheRefresh: 168\n").contains("FullTextSearch: true\n")
                .contains("HistoryLimit: 10\n").contains("HistoryMinutes: 1440\n")
                .contains("ProfileFormat: '{{ FirstItem .AccountName (.AccountAlias | nospace) }}:{{ .RoleName }}'");
        assertThat(Files.getPosixFilePermissions(h.configFile()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(backups()).isEmpty();
    }

    @Test
    void wizard_advancedUpdate_backsUpKeepsOtherKeysAndTheConfigWorksForLogin() throws Exception {
        String before = Files.readString(h.configFile());
        run(Map.of(), "./aws-sso setup wizard --advanced");

        answer("SSO instance name", "");
        answer("Choice [Commercial]", "");
        answer("Start URL", "");
        answer("Choice [us-east-1]", "");
        // No ProfileFormat in the file means Friendly (the code's default): that is what Enter keeps.
        answer("Choice [Friendly]", "");
        answer("Choice [us-east-1]", "eu-west-1");
        answer("CacheRefresh", "");
        answer("AutoConfigCheck", "");
        answer("FullTextSearch", "no");
        answer("Choice [exec]", "");
        answer("UrlExecCommand", "");
        answer("ConsoleDuration", "1000");
        tmux.waitFor("must be from 15 to 720");
        answer("ConsoleDuration", "60");
        answer("HistoryLimit", "");
        answer("HistoryMinutes", "");
        answer("Choice [error]", "warn");

        assertThat(tmux.exitCode()).as(tmux.screen()).isZero();
        String yaml = Files.readString(h.configFile());
        assertThat(yaml).contains("DefaultRegion: eu-west-1\n").contains("FullTextSearch: false\n")
                .contains("ConsoleDuration: 60\n").contains("LogLevel: warn\n")
                .contains("SecureStore: file\n").contains("AuthWorkflow: pkce\n")
                .contains("UrlExecCommand:\n  - curl\n  - -fsSL\n")
                .contains("ProfileFormat: '{{ FirstItem .AccountName (.AccountAlias | nospace) }}:{{ .RoleName }}'");
        assertThat(Files.getPosixFilePermissions(h.configFile()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(backups()).singleElement().satisfies(b -> assertThat(Files.readString(b)).isEqualTo(before));
        assertThat(tmux.screen()).contains("Saved the previous config as");

        Result login = h.run("login");
        assertThat(login.exitCode()).as("%s", login).isZero();
    }

    @Test
    void wizard_remoteHost_offersOnlyTheUrlActionsThatWorkThere() throws Exception {
        Files.delete(h.configFile());
        run(Map.of("SSH_TTY", "/dev/pts/9"), "./aws-sso setup wizard");

        answer("Choice [Commercial]", "");
        answer("Start URL", h.emulator().startUrl().toString());
        answer("Choice [us-east-1]", "");
        answer("Choice [Default]", "");
        String actions = tmux.waitFor("prompt for UrlAction", s -> lastLine(s).startsWith("Choice [print]"));
        assertThat(actions).contains("1) print").contains("2) printurl").contains("3) exec")
                .doesNotContain(") open").doesNotContain(") clip");
        answer("Choice [print]", "printurl");

        assertThat(tmux.exitCode()).as(tmux.screen()).isZero();
        assertThat(Files.readString(h.configFile())).contains("UrlAction: printurl\n");
    }

    @Test
    void firstRun_missingConfigOnATerminal_startsTheWizard_ctrlDAbortsWithoutWriting() throws Exception {
        Files.delete(h.configFile());
        run(Map.of(), "./aws-sso login");

        tmux.waitFor("There is no config file at " + h.configFile() + "; the setup wizard will create one.");
        tmux.waitFor("prompt", s -> lastLine(s).startsWith("Choice [Commercial]"));
        tmux.send("C-d");

        assertThat(tmux.exitCode()).isEqualTo(1);
        assertThat(tmux.screen()).contains("setup wizard aborted");
        assertThat(h.configFile()).doesNotExist();
    }

    @Test
    void firstRun_missingConfigWithoutATerminal_failsNamingTheFileAndTheWizard() throws Exception {
        Files.delete(h.configFile());

        Result r = h.run("login");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains(h.configFile().toString()).contains("aws-sso setup wizard");
    }

    @Test
    void wizard_stdinNotATerminal_failsWithoutWriting() throws Exception {
        Result r = h.run("setup", "wizard");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("the setup wizard needs a terminal");
        assertThat(backups()).isEmpty();
    }
}
