package io.awssso.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.e2e.CliHarness.Result;
import io.awssso.testkit.Operation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * aws-sso-cli's hidden {@code list-sso-roles}: asks the service live and prints
 * {@code AccountId | AccountName | RoleName}, the account id as an integer, without touching the
 * role cache.
 */
class ListSsoRolesIT {
    private CliHarness h;

    @BeforeEach
    void start() throws Exception {
        h = CliHarness.start(b -> b
                .addAccount("012345678901", "prod", "prod@example.com", "AdministratorAccess", "ReadOnlyAccess")
                .addAccount("000000000042", "sandbox", "sandbox@example.com", "Developer"));
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    private static final List<String> ROWS = List.of(
            "12345678901 | prod        | AdministratorAccess",
            "12345678901 | prod        | ReadOnlyAccess",
            "42          | sandbox     | Developer");

    private static void assertTable(Result r) {
        assertThat(r.exitCode()).as("%s", r).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("AccountId   | AccountName | RoleName");
        assertThat(lines.get(1)).matches("=+");
        assertThat(lines.subList(2, 5)).containsExactlyInAnyOrderElementsOf(ROWS);
    }

    @Test
    void listSsoRoles_loggedIn_printsWhatTheServiceListsNowAndLeavesTheCacheAlone() throws Exception {
        assertThat(h.run("login").exitCode()).isZero();
        Path cache = h.configDirectory().resolve("cache.json");
        String before = Files.readString(cache);
        // a role assigned after the cache was filled shows up at once
        h.emulator().addAccount("123456789012", "dev", "dev@example.com", "PowerUser");
        h.emulator().clearCallLog();

        Result r = h.run("list-sso-roles");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).containsPattern("(?m)^123456789012 +\\| dev +\\| PowerUser$");
        assertThat(h.emulator().count(Operation.LIST_ACCOUNTS)).isEqualTo(1);
        assertThat(h.emulator().count(Operation.LIST_ACCOUNT_ROLES)).isEqualTo(3);
        assertThat(Files.readString(cache)).isEqualTo(before);
    }

    @Test
    void listSsoRoles_inThisJvmAndThroughTheLauncher_sameTable() throws Exception {
        assertThat(h.run("login").exitCode()).isZero();

        assertTable(h.run("list-sso-roles"));
        assertTable(h.runInJvm("list-sso-roles"));
    }

    @Test
    void listSsoRoles_notLoggedIn_saysToLogIn() throws Exception {
        Result r = h.run("list-sso-roles");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(4);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("aws-sso login");
    }

    @Test
    void listSsoRoles_isHiddenFromHelp() throws Exception {
        Result help = h.runInJvm("--help");

        assertThat(help.out() + help.err()).contains("list").doesNotContain("list-sso-roles");
    }
}
