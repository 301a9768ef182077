package io.awssso.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCommandTest {
    @TempDir
    Path home;

    private record Result(int exitCode, String out, String err) {}

    private Result run(String... args) throws Exception {
        return run(Map.of(), args);
    }

    private Result run(Map<String, String> extra, String... args) throws Exception {
        Path config = home.resolve(".config/aws-sso/config.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "SSOConfig:\n  Default:\n    SSORegion: us-east-1\n"
                + "    StartUrl: https://d-1234567890.awsapps.com/start\nSecureStore: json\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                environment(extra), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(extra);
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        return env;
    }

    @Test
    void list_reverseFromTheEnvironment_acceptsTrueFalseAndOne() throws Exception {
        for (String value : List.of("true", "false", "1", "0", "TRUE")) {
            Result r = run(Map.of("AWS_SSO_FIELD_SORT_REVERSE", value), "list", "--csv");

            assertThat(r.exitCode()).as("AWS_SSO_FIELD_SORT_REVERSE=%s: %s", value, r.err()).isZero();
        }
    }

    @Test
    void list_reverseFromTheEnvironmentNotABoolean_isAUsageErrorNamingTheVariable() throws Exception {
        Result r = run(Map.of("AWS_SSO_FIELD_SORT_REVERSE", "sometimes"), "list", "--csv");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("AWS_SSO_FIELD_SORT_REVERSE");
    }

    @Test
    void splitFields_wordsAndCommaLists_giveOneFieldEach() {
        assertThat(ListCommand.splitFields(Arrays.asList("AccountId,RoleName", "Arn", " Profile  Expires ", ",")))
                .containsExactly("AccountId", "RoleName", "Arn", "Profile", "Expires");
        assertThat(ListCommand.splitFields(null)).isEmpty();
    }

    @Test
    void list_unknownField_isAUsageErrorNamingTheField() throws Exception {
        Result r = run("list", "AccountId", "Bogus");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: unsupported field: 'Bogus'").contains("Try 'aws-sso list --help'");
    }

    @Test
    void list_unknownSortField_isAUsageError() throws Exception {
        Result r = run("list", "--sort", "Nope");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: unsupported field: 'Nope'");
    }

    @Test
    void list_prefixOnExpiresOrWithoutEquals_isAUsageError() throws Exception {
        Result expires = run("list", "-P", "Expires=1");
        Result noEquals = run("list", "--prefix", "Profile");

        assertThat(expires.exitCode()).isEqualTo(2);
        assertThat(expires.err()).startsWith("error: --prefix does not work with the field 'Expires'");
        assertThat(noEquals.exitCode()).isEqualTo(2);
        assertThat(noEquals.err()).startsWith("error: --prefix must be <field>=<prefix>");
    }

    @Test
    void list_csvWithOutputJson_isAUsageError() throws Exception {
        Result r = run("list", "--csv", "--output", "json");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --csv and --output json cannot be used together");
    }

    @Test
    void listFields_printsEveryFieldWithItsDescriptionOnStdout() throws Exception {
        Result r = run("list", "--list-fields");

        assertThat(r.exitCode()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).matches("Field +\\| Description");
        assertThat(lines.get(1)).matches("=+");
        assertThat(lines.subList(2, lines.size())).hasSize(14)
                .anyMatch(l -> l.matches("AccountIdPad +\\| AWS AccountID \\(zero padded\\)"))
                .anyMatch(l -> l.startsWith("ExpiresEpoch "));
        // sorted by name, as aws-sso-cli prints them
        assertThat(lines.subList(2, lines.size()).stream().map(l -> l.split(" ")[0]).toList())
                .isSorted().startsWith("AccountAlias", "AccountId", "AccountIdPad").endsWith("SSO", "Via");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void sessionLeft_wordedAsAwsSsoCliHeader() {
        assertThat(ListCommand.sessionLeft(java.time.Duration.ofMinutes(7 * 60 + 5))).isEqualTo("7h  5m");
        assertThat(ListCommand.sessionLeft(java.time.Duration.ofMinutes(7 * 60 + 59))).isEqualTo("7h 59m");
        assertThat(ListCommand.sessionLeft(java.time.Duration.ofMinutes(42))).isEqualTo("42m");
        assertThat(ListCommand.sessionLeft(java.time.Duration.ofSeconds(20))).isEqualTo("< 1m");
        assertThat(ListCommand.sessionLeft(java.time.Duration.ofSeconds(-1))).isEqualTo("Expired");
    }

    @Test
    void list_withoutCache_warnsOnStderrAndPrintsAnEmptyTable() throws Exception {
        Result r = run("list");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("No roles are cached for SSO instance Default yet")
                .contains("List of AWS roles for SSO Instance: Default [Not logged in]");
        assertThat(r.out().lines().toList()).hasSize(2);
        assertThat(r.out()).startsWith("AccountIdPad | AccountAlias | RoleName | Profile | Expires\n");
    }

    @Test
    void list_configListFieldsUnknown_isAConfigurationError() throws Exception {
        run("version"); // writes the config
        Path config = home.resolve(".config/aws-sso/config.yaml");
        Files.writeString(config, Files.readString(config) + "ListFields: [AccountId, Bogus]\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve(".config").toString()), "list");

        assertThat(code).isIn(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ListFields").contains("'Bogus'");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
