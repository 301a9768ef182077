package io.awssso.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awssso.cli.e2e.CliHarness.Result;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code aws-sso list} as users run it: ./aws-sso against a role cache filled from the emulator by
 * one login. Every test also checks that listing made no call to AWS. The accounts include one
 * whose id has leading zeros ({@code 000000000042}), which sorts first as a number.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListIT {
    private CliHarness h;

    @BeforeAll
    void start() throws Exception {
        h = CliHarness.start(b -> b
                .addAccount("012345678901", "prod", "prod@example.com", "AdministratorAccess", "ReadOnlyAccess")
                .addAccount("000000000042", "sandbox", "sandbox@example.com", "Developer", "ReadOnlyAccess")
                .addAccount("123456789012", "dev", "dev@example.com", "AdministratorAccess"));
        Result login = h.run("login");
        assertThat(login.exitCode()).as("%s", login).isZero();
    }

    @AfterAll
    void stop() throws Exception {
        h.close();
    }

    @BeforeEach
    void forgetCalls() {
        h.emulator().clearCallLog();
    }

    private Result list(String... args) throws Exception {
        return list(Map.of(), args);
    }

    private Result list(Map<String, String> env, String... args) throws Exception {
        String[] full = new String[args.length + 1];
        full[0] = "list";
        System.arraycopy(args, 0, full, 1, args.length);
        Result r = h.run(env, full);
        assertThat(h.emulator().callLog()).as("AWS calls made by list").isEmpty();
        return r;
    }

    @Test
    void list_noArguments_printsTheTableOnStdoutAndTheSessionLineOnStderr() throws Exception {
        Result r = list();

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out().lines().toList()).containsExactly(
                "AccountIdPad | AccountAlias | RoleName            | Profile                  | Expires",
                "======================================================================================",
                "000000000042 | sandbox      | Developer           | sandbox:Developer        | Expired",
                "000000000042 | sandbox      | ReadOnlyAccess      | sandbox:ReadOnlyAccess   | Expired",
                "012345678901 | prod         | AdministratorAccess | prod:AdministratorAccess | Expired",
                "012345678901 | prod         | ReadOnlyAccess      | prod:ReadOnlyAccess      | Expired",
                "123456789012 | dev          | AdministratorAccess | dev:AdministratorAccess  | Expired");
        // aws-sso-cli's wording: a single-digit minute after hours keeps two spaces ("7h  5m")
        assertThat(r.err()).containsPattern("(?m)^List of AWS roles for SSO Instance: Default \\[Expires in: (\\d+h  ?)?\\d+m\\]$")
                .doesNotContain("Cache has expired");
    }

    @Test
    void list_csv_printsCommaSeparatedRowsWithoutHeaderAndNothingOnStderr() throws Exception {
        Result r = list("--csv", "AccountIdPad", "AccountId", "RoleName");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out().lines().toList()).containsExactly(
                "000000000042,42,Developer",
                "000000000042,42,ReadOnlyAccess",
                "012345678901,12345678901,AdministratorAccess",
                "012345678901,12345678901,ReadOnlyAccess",
                "123456789012,123456789012,AdministratorAccess");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void list_outputJson_printsAnArrayOfObjectsKeyedByField() throws Exception {
        Result r = list("--output", "json", "Arn", "AccountIdPad", "Profile");

        assertThat(r.exitCode()).as("%s", r).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.isArray()).isTrue();
        assertThat(doc).hasSize(5);
        assertThat(doc.get(0).get("Arn").asText()).isEqualTo("arn:aws:iam::000000000042:role/Developer");
        assertThat(doc.get(0).get("AccountIdPad").isTextual()).isTrue();
        assertThat(doc.get(0).get("AccountIdPad").asText()).isEqualTo("000000000042");
        assertThat(doc.get(4).get("Profile").asText()).isEqualTo("dev:AdministratorAccess");
        assertThat(r.err()).doesNotContain("List of AWS roles");
    }

    @Test
    void list_prefix_keepsOnlyMatchingRowsAndRenumbersId() throws Exception {
        Result r = list("--csv", "-P", "Profile=prod:", "Id", "Profile");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out().lines().toList()).containsExactly("0,prod:AdministratorAccess", "1,prod:ReadOnlyAccess");
    }

    @Test
    void list_prefix_isCaseSensitive() throws Exception {
        Result r = list("--csv", "--prefix", "AccountAlias=Prod", "Arn");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void list_sortByRoleNameReversed_ordersByTextDescending() throws Exception {
        Result sorted = list("--csv", "-s", "RoleName", "RoleName", "AccountIdPad");
        Result reversed = list("--csv", "--sort", "RoleName", "--reverse", "RoleName");

        assertThat(sorted.out().lines().map(l -> l.split(",")[0]).toList()).containsExactly(
                "AdministratorAccess", "AdministratorAccess", "Developer", "ReadOnlyAccess", "ReadOnlyAccess");
        assertThat(reversed.out().lines().toList()).containsExactly(
                "ReadOnlyAccess", "ReadOnlyAccess", "Developer", "AdministratorAccess", "AdministratorAccess");
    }

    @Test
    void list_sortByAccountIdReversed_sortsAsNumbersNotText() throws Exception {
        Result r = list("--csv", "--reverse", "AccountId");

        // As text "42" would sort after "123456789012"; as numbers it is the smallest.
        assertThat(r.out().lines().toList()).containsExactly("123456789012", "12345678901", "12345678901", "42", "42");
    }

    @Test
    void list_environmentDefaults_giveFieldsSortAndReverse_andFlagsWin() throws Exception {
        Map<String, String> env = Map.of("AWS_SSO_FIELDS", "RoleName,AccountAlias", "AWS_SSO_FIELD_SORT", "AccountAlias",
                "AWS_SSO_FIELD_SORT_REVERSE", "true");

        Result fromEnv = list(env, "--csv");
        Result flags = list(env, "--csv", "-s", "RoleName", "Profile");

        assertThat(fromEnv.exitCode()).as("%s", fromEnv).isZero();
        assertThat(fromEnv.out().lines().map(l -> l.split(",")[1]).toList())
                .containsExactly("sandbox", "sandbox", "prod", "prod", "dev");
        assertThat(fromEnv.out().lines().findFirst().orElseThrow()).matches("[A-Za-z]+,sandbox");
        // The reverse order from the environment applies to the sort field given with -s.
        assertThat(flags.out().lines().map(p -> p.substring(p.indexOf(':') + 1)).toList()).containsExactly(
                "ReadOnlyAccess", "ReadOnlyAccess", "Developer", "AdministratorAccess", "AdministratorAccess");
    }

    @Test
    void list_unknownField_isAUsageErrorWithNothingOnStdout() throws Exception {
        Result r = list("AccountId", "Nope");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: unsupported field: 'Nope'");
    }

    @Test
    void list_listFields_printsTheFieldTable() throws Exception {
        Result r = list("-f");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out().lines().skip(2).map(l -> l.split(" ")[0]).toList()).containsExactly(
                "AccountAlias", "AccountId", "AccountIdPad", "AccountName", "Arn", "DefaultRegion",
                "EmailAddress", "Expires", "ExpiresEpoch", "Id", "Profile", "RoleName", "SSO", "Via");
        assertThat(r.out()).containsPattern("(?m)^RoleName +\\| AWS Role Name$");
    }

    @Test
    void list_fieldsFromConfigListFields_areUsedWithoutArguments() throws Exception {
        String original = Files.readString(h.configFile());
        try {
            h.writeConfig(original + "ListFields: [Arn, SSO]\n");
            Result r = list();

            assertThat(r.exitCode()).as("%s", r).isZero();
            assertThat(r.out().lines().findFirst().orElseThrow()).matches("Arn +\\| SSO");
            assertThat(r.out()).containsPattern("(?m)^arn:aws:iam::000000000042:role/Developer +\\| Default$");
            // the config changed after the refresh: the cache has expired, list only warns
            assertThat(r.err()).contains("Cache has expired. Results may be out of date.");
        } finally {
            h.writeConfig(original);
            h.configFile().toFile().setLastModified(System.currentTimeMillis() - 3_600_000L);
        }
    }

    @Test
    void list_profileFormatWithIfElseAndSprig_namesProfilesAsAwsSsoCliWould() throws Exception {
        String original = Files.readString(h.configFile());
        try {
            h.writeConfig(original + "ProfileFormat: '{{ if eq .AccountAlias \"prod\" }}{{ upper .AccountAlias }}"
                    + "{{ else }}{{ .AccountAlias }}{{ end }}-{{ .RoleName | kebabcase }}'\n");
            Result r = list("AccountIdPad", "Profile");

            assertThat(r.exitCode()).as("%s", r).isZero();
            assertThat(r.out()).containsPattern("(?m)^000000000042 \\| sandbox-developer *$")
                    .containsPattern("(?m)^012345678901 \\| PROD-administrator-access *$")
                    .containsPattern("(?m)^012345678901 \\| PROD-read-only-access *$")
                    .containsPattern("(?m)^123456789012 \\| dev-administrator-access *$");
        } finally {
            h.writeConfig(original);
            h.configFile().toFile().setLastModified(System.currentTimeMillis() - 3_600_000L);
        }
    }

    @Test
    void list_profileFormatWithAnUnknownField_exit3NamingFileLineKeyRoleAndPosition() throws Exception {
        String original = Files.readString(h.configFile());
        long line = original.chars().filter(c -> c == '\n').count() + 1;
        try {
            h.writeConfig(original + "ProfileFormat: '{{ .Nope }}'\n");
            Result r = list();

            assertThat(r.exitCode()).as("%s", r).isEqualTo(3);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).contains(h.configFile() + ":" + line + ":16: ProfileFormat: '{{ .Nope }}' failed for role"
                    + " arn:aws:iam::").contains(": template: profile_name:1:3: executing \"profile_name\" at <.Nope>:"
                    + " can't evaluate field Nope in type *roles.AWSRoleFlat")
                    .doesNotContain("\tat ");
        } finally {
            h.writeConfig(original);
            h.configFile().toFile().setLastModified(System.currentTimeMillis() - 3_600_000L);
        }
    }

    @Test
    void list_storeCannotBeOpened_stillListsFromTheCache() throws Exception {
        Result r = list(Map.of("AWS_SSO_FILE_PASSWORD", "wrong password"), "--csv", "Arn");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out().lines().toList()).hasSize(5);
    }
}
