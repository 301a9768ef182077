package io.awssso.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awssso.cli.e2e.CliHarness.Result;
import io.awssso.testkit.Operation;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code aws-sso tags} as users run it: default and config tags per role, filters, refresh when expired. */
class TagsIT {
    private CliHarness h;
    private StateFiles files;

    @BeforeEach
    void start() throws Exception {
        h = CliHarness.start(b -> b
                .addAccount("012345678901", "prod", "prod@example.com", "AdministratorAccess", "ReadOnlyAccess")
                .addAccount("000000000042", "sandbox", "sandbox@example.com", "Developer"));
        h.writeConfig(h.instanceBlock("Default")
                + "    Accounts:\n"
                + "      \"012345678901\":\n"
                + "        Name: Production\n"
                + "        Tags: {Env: prod, Team: platform}\n"
                + "        Roles:\n"
                + "          AdministratorAccess:\n"
                + "            Profile: prod-admin\n"
                + "            Tags: {Level: admin, Team: admins}\n"
                + h.commonSettings().replace("SecureStore: file", "SecureStore: json"));
        files = new StateFiles(h);
        Result login = h.run("login");
        assertThat(login.exitCode()).as("%s", login).isZero();
        h.emulator().clearCallLog();
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    @Test
    void tags_everyRole_printsArnThenSortedTagsThenABlankLine() throws Exception {
        Result r = h.run("tags");

        assertThat(r.exitCode()).as("%s", r).isZero();
        List<String> lines = r.out().lines().toList();
        int admin = lines.indexOf("arn:aws:iam::012345678901:role/AdministratorAccess");
        assertThat(admin).isNotNegative();
        int end = admin + lines.subList(admin, lines.size()).indexOf("");
        List<String> adminTags = lines.subList(admin + 1, end);
        assertThat(adminTags).contains("  AccountAlias: prod", "  AccountID: 012345678901", "  AccountName: Production",
                "  Email: prod@example.com", "  Env: prod", "  Level: admin", "  Profile: prod-admin",
                "  Role: AdministratorAccess", "  Team: admins");
        assertThat(adminTags).isSortedAccordingTo(String::compareTo);
        assertThat(lines).contains("arn:aws:iam::000000000042:role/Developer", "  AccountID: 000000000042",
                "arn:aws:iam::012345678901:role/ReadOnlyAccess", "  Team: platform");
        assertThat(lines.stream().filter(l -> l.startsWith("arn:"))).hasSize(3);
        assertThat(lines.stream().filter(String::isEmpty)).hasSize(3);
        assertThat(h.emulator().callLog()).as("the cache is current: no refresh").isEmpty();
    }

    @Test
    void tags_accountAndRoleFilters_keepOnlyThatRole() throws Exception {
        Result r = h.run("tags", "-A", "12345678901", "-R", "ReadOnlyAccess");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("arn:")).toList())
                .containsExactly("arn:aws:iam::012345678901:role/ReadOnlyAccess");
        assertThat(r.out()).contains("  Env: prod", "  Team: platform").doesNotContain("Level: admin");
    }

    @Test
    void tags_filterMatchingNothing_isRoleNotFound() throws Exception {
        Result r = h.run("tags", "--account", "000000000042", "--role", "AdministratorAccess");

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).containsPattern("(?m)^error: no cached role of SSO instance 'Default' matches account"
                + " 000000000042 role AdministratorAccess");
    }

    @Test
    void tags_badAccountId_isAUsageError() throws Exception {
        Result r = h.run("tags", "-A", "12-34");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("invalid account id '12-34'");
    }

    @Test
    void tags_expiredCache_isRefreshedFirst() throws Exception {
        files.ageCache();
        h.emulator().addAccount("000000000777", "new", "new@example.com", "Auditor");

        Result r = h.run("tags", "-R", "Auditor");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).contains("arn:aws:iam::000000000777:role/Auditor", "  AccountAlias: new");
        assertThat(h.emulator().count(Operation.LIST_ACCOUNTS)).isEqualTo(1);
    }

    @Test
    void tags_outputJson_isAnArrayOfArnAndTags() throws Exception {
        Result r = h.run("tags", "--output", "json", "-A", "42");

        assertThat(r.exitCode()).as("%s", r).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc).hasSize(1);
        assertThat(doc.get(0).get("Arn").asText()).isEqualTo("arn:aws:iam::000000000042:role/Developer");
        assertThat(doc.get(0).get("Tags").get("AccountID").asText()).isEqualTo("000000000042");
        assertThat(doc.get(0).get("Tags").get("Email").asText()).isEqualTo("sandbox@example.com");
    }
}
