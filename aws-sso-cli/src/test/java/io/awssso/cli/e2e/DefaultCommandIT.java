package io.awssso.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.e2e.CliHarness.Result;
import io.awssso.testkit.Operation;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code aws-sso} with no command: refresh the cache if it has expired, then list the roles. */
class DefaultCommandIT {
    private CliHarness h;
    private StateFiles files;

    @BeforeEach
    void start() throws Exception {
        h = CliHarness.start(b -> b
                .addAccount("123456789012", "dev", "dev@example.com", "AdministratorAccess")
                .addAccount("000000000042", "sandbox", "sandbox@example.com", "Developer"));
        h.writeConfig(h.defaultConfig().replace("SecureStore: file", "SecureStore: json"));
        files = new StateFiles(h);
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    @Test
    void noCommand_currentCache_listsWithListFieldsSortedByAccountIdWithoutCallingAws() throws Exception {
        h.run("login");
        h.emulator().clearCallLog();

        Result r = h.run();

        assertThat(r.exitCode()).as("%s", r).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).matches("AccountIdPad \\| AccountAlias \\| RoleName +\\| Profile +\\| Expires");
        assertThat(lines.get(2)).startsWith("000000000042 | sandbox ");
        assertThat(lines.get(3)).startsWith("123456789012 | dev ");
        assertThat(lines).hasSize(4);
        assertThat(r.err()).contains("List of AWS roles for SSO Instance: Default [Expires in: ");
        assertThat(h.emulator().callLog()).isEmpty();
    }

    @Test
    void noCommand_expiredCache_isRefreshedBeforeListing() throws Exception {
        h.run("login");
        files.ageCache();
        h.emulator().addAccount("000000000777", "new", "new@example.com", "Auditor");
        h.emulator().clearCallLog();

        Result r = h.run();

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).contains("000000000777 | new ");
        assertThat(r.err()).doesNotContain("Cache has expired");
        assertThat(h.emulator().count(Operation.LIST_ACCOUNTS)).isEqualTo(1);
    }

    @Test
    void noCommand_expiredCacheAndNoLogin_asksForLoginWithExitCode4() throws Exception {
        Result r = h.run();

        assertThat(r.exitCode()).as("%s", r).isEqualTo(4);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("run `aws-sso login`");
    }

    @Test
    void noCommand_noConfigFile_printsUsageWithExitCode2() throws Exception {
        Files.delete(h.configFile());

        Result r = h.run();

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: missing command").contains(h.configFile().toString())
                .contains("Usage: aws-sso");
    }
}
