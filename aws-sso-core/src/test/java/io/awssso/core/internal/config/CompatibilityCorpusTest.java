package io.awssso.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.awssso.api.AccountId;
import io.awssso.api.ConfigProblem;
import io.awssso.api.ConfigurationException;
import io.awssso.api.RoleArn;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compatibility corpus: configs that aws-sso-cli users have, written from its documentation,
 * FAQ, changelog upgrade notes and real-world shapes, each carrying its expected outcome in header
 * comments, run through the real loader (bytes from the file, as a user's file is read).
 *
 * <p>Header lines: {@code # Expect: loads|fails}; {@code # Warning: L:C Key: part} and
 * {@code # Error: L:C Key: part} (each problem exactly once, and no others); {@code # Check: name
 * = value} for what the file means. {@code # List: fails part} is for the end-to-end run of
 * {@code list} in the CLI module, which reads the same files.
 */
class CompatibilityCorpusTest {
    static final String DIRECTORY = "/config/compat";

    /** One corpus file and what it promises. */
    record Case(String name, Path file, boolean loads, List<String> warnings, List<String> errors,
            List<String> checks) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(CompatibilityCorpusTest.class.getResource(DIRECTORY).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            List<Case> cases = new ArrayList<>();
            for (Path f : yaml) {
                cases.add(parse(f));
            }
            return cases.stream();
        }
    }

    static Case parse(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                .replace("\uFEFF", "").replace("\r", "");
        Boolean loads = null;
        List<String> warnings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.startsWith("# Expect:")) {
                loads = l.substring(9).strip().equals("loads");
            } else if (l.startsWith("# Warning:")) {
                warnings.add(l.substring(10).strip());
            } else if (l.startsWith("# Error:")) {
                errors.add(l.substring(8).strip());
            } else if (l.startsWith("# Check:")) {
                checks.add(l.substring(8).strip());
            }
        }
        if (loads == null) {
            throw new IllegalStateException(file + " has no '# Expect:' line");
        }
        return new Case(file.getFileName().toString(), file, loads, warnings, errors, checks);
    }

    private static LoadedConfig load(Path file) {
        Path dir = file.getParent();
        return new ConfigLoader(ConfigTesting.desktop()).load(new ConfigLocation(file, dir));
    }

    @Test
    void corpus_isLargeAndCoversEveryOutcome() throws Exception {
        List<Case> cases = corpus().toList();

        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        assertThat(cases).anyMatch(c -> c.loads() && c.warnings().isEmpty());
        assertThat(cases).anyMatch(c -> c.loads() && !c.warnings().isEmpty());
        assertThat(cases).anyMatch(c -> !c.loads());
    }

    @Test
    void corpus_holdsWindowsLineEndingsABomAndTabs() throws Exception {
        List<byte[]> contents = new ArrayList<>();
        for (Case c : corpus().toList()) {
            contents.add(Files.readAllBytes(c.file()));
        }
        assertThat(contents).as("a file with CRLF line endings")
                .anyMatch(b -> new String(b, StandardCharsets.UTF_8).contains("\r\n"));
        assertThat(contents).as("a file starting with a UTF-8 BOM")
                .anyMatch(b -> b.length > 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB);
        assertThat(contents).as("a file with tabs where YAML allows them")
                .anyMatch(b -> new String(b, StandardCharsets.UTF_8).contains("\t"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void load_corpusConfig_hasItsExpectedOutcome(Case c) {
        if (!c.loads()) {
            ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                    () -> load(c.file()));
            assertThat(e).as("%s should fail to load", c.name()).isNotNull();
            assertMatches(c, "errors", e.problems(), c.errors());
            return;
        }
        LoadedConfig loaded;
        try {
            loaded = load(c.file());
        } catch (ConfigurationException e) {
            throw new AssertionError(c.name() + " should load, but: " + e.getMessage(), e);
        }
        assertMatches(c, "warnings", loaded.warnings(), c.warnings());
        for (String check : c.checks()) {
            int eq = check.indexOf(" =");
            String name = check.substring(0, eq).strip();
            String expected = check.substring(eq + 2).strip();
            assertThat(value(loaded.config(), name)).as("%s: %s", c.name(), name)
                    .isEqualTo(expected);
        }
    }

    /** Each expected problem matches exactly one actual one (location, key, message part). */
    private static void assertMatches(Case c, String what, List<ConfigProblem> actual,
            List<String> expected) {
        List<String> printed = actual.stream().map(p -> p.line() + ":" + p.column() + " "
                + p.key() + ": " + p.message()).toList();
        assertThat(printed).as("%s %s: %s", c.name(), what, printed).hasSameSizeAs(expected);
        for (String e : expected) {
            int space = e.indexOf(' ');
            String location = e.substring(0, space);
            String rest = e.substring(space + 1);
            int colon = rest.indexOf(": ");
            String key = rest.substring(0, colon);
            String part = rest.substring(colon + 2);
            assertThat(printed).as("%s %s: %s expected %s", c.name(), what, printed, e).anyMatch(p ->
                    p.startsWith(location + " " + key + ": ") && p.contains(part));
        }
        for (ConfigProblem p : actual) {
            assertThat(p.file()).isEqualTo(c.file());
            assertThat(p.line()).isPositive();
        }
    }

    /** The named part of a config, printed plainly for comparison with a Check line. */
    static String value(AwsSsoConfig c, String name) {
        String[] a = name.split(" ");
        return switch (a[0]) {
            case "instances" -> String.join(",", c.ssoConfig().keySet());
            case "defaultSso" -> c.defaultSso();
            case "selected" -> c.selectInstance(Optional.empty(), ConfigTesting.desktop()).name();
            case "accounts" -> c.ssoConfig().get(a[1]).accounts().keySet().stream()
                    .map(AccountId::value).collect(Collectors.joining(","));
            case "accountName" -> account(c, a).name().orElse("");
            case "accountTags" -> tags(account(c, a).tags());
            case "accountRegion" -> account(c, a).defaultRegion().orElse("");
            case "roles" -> String.join(",", account(c, a).roles().keySet());
            case "roleTags" -> tags(role(c, a).tags());
            case "roleProfile" -> role(c, a).profile().orElse("");
            case "roleRegion" -> role(c, a).defaultRegion().orElse("");
            case "roleVia" -> role(c, a).via().map(RoleArn::toString).orElse("");
            case "roleSourceIdentity" -> role(c, a).sourceIdentity().orElse("");
            case "roleExternalId" -> role(c, a).externalId().orElse("");
            case "ssoRegion" -> c.ssoConfig().get(a[1]).ssoRegion();
            case "startUrl" -> c.ssoConfig().get(a[1]).startUrl();
            case "instanceRegion" -> c.ssoConfig().get(a[1]).defaultRegion().orElse("");
            case "authUrlAction" -> c.ssoConfig().get(a[1]).authUrlAction().configName();
            case "urlAction" -> c.urlAction().configName();
            case "configProfilesUrlAction" -> c.configProfilesUrlAction().configName();
            case "urlExecCommand" -> String.join("|", c.urlExecCommand());
            case "browser" -> c.browser().orElse("");
            case "listFields" -> String.join(",", c.listFields());
            case "envVarTags" -> String.join(",", c.envVarTags());
            case "accountPrimaryTag" -> String.join(",", c.accountPrimaryTag());
            case "configVariables" -> tags(c.configVariables());
            case "promptColor" -> c.promptColors().get(a[1]);
            case "threads" -> Integer.toString(c.threads());
            case "maxRetry" -> Integer.toString(c.maxRetry());
            case "maxBackoff" -> Integer.toString(c.maxBackoffSeconds());
            case "cacheRefresh" -> Integer.toString(c.cacheRefreshHours());
            case "consoleDuration" -> Integer.toString(c.consoleDurationMinutes());
            case "historyLimit" -> Integer.toString(c.historyLimit());
            case "historyMinutes" -> Integer.toString(c.historyMinutes());
            case "autoLogin" -> Boolean.toString(c.autoLogin());
            case "autoConfigCheck" -> Boolean.toString(c.autoConfigCheck());
            case "fullTextSearch" -> Boolean.toString(c.fullTextSearch());
            case "logLines" -> Boolean.toString(c.logLines());
            case "logLevel" -> c.logLevel().configName();
            case "authWorkflow" -> c.authWorkflow().configName();
            case "secureStore" -> c.secureStore().orElse("");
            case "profileFormat" -> c.profileFormat();
            case "firstTag" -> c.firstTag();
            case "defaultRegion" -> c.defaultRegion();
            case "secretServiceCollection" -> c.secretServiceCollection();
            case "onePassword" -> c.onePassword().vault().orElse("") + "|"
                    + c.onePassword().authType() + "|" + c.onePassword().account().orElse("");
            default -> throw new IllegalArgumentException("unknown check '" + name + "'");
        };
    }

    private static AccountConfig account(AwsSsoConfig c, String[] a) {
        AccountConfig account = c.ssoConfig().get(a[1]).accounts().get(new AccountId(a[2]));
        if (account == null) {
            throw new AssertionError("no account " + a[2] + " in " + a[1]);
        }
        return account;
    }

    private static RoleConfig role(AwsSsoConfig c, String[] a) {
        RoleConfig role = account(c, a).roles().get(a[3]);
        if (role == null) {
            throw new AssertionError("no role " + a[3] + " in account " + a[2]);
        }
        return role;
    }

    private static String tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }
}
