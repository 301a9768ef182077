package io.awssso.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.e2e.CliHarness.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A user switching from aws-sso-cli: their config.yaml and the cache.json aws-sso-cli wrote, read
 * by {@code ./aws-sso list}. Every file of the core module's compatibility corpus goes through
 * the packaged CLI too: one that loads lists (exit 0, its warnings on stderr with file and line),
 * one that fails exits 3 with the located error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsSsoCliConfigIT {
    private static final Path CORPUS = CliHarness.ROOT.resolve(
            "aws-sso-core/src/test/resources/config/compat");

    private CliHarness h;

    @BeforeAll
    void start() throws Exception {
        h = CliHarness.start();
    }

    @AfterAll
    void stop() throws Exception {
        h.close();
    }

    @BeforeEach
    void noCache() throws IOException {
        Files.deleteIfExists(h.configDirectory().resolve("cache.json"));
    }

    private static byte[] awsSsoCliCache() throws IOException {
        try (InputStream in = AwsSsoCliConfigIT.class.getResourceAsStream("aws-sso-cli-cache-v4.json")) {
            return in.readAllBytes();
        }
    }

    @Test
    void list_issueConfigWithTheCacheAwsSsoCliWrote_listsItsRoles() throws Exception {
        // Thirteen-digit account key with leading zeros, Tags as a list of one-key maps, and
        // FirefoxOpenUrlInContainer: true with Browser and no UrlExecCommand, all in one file.
        Files.write(h.configFile(), Files.readAllBytes(CORPUS.resolve("08-issue-all-three-together.yaml")));
        Files.write(h.configDirectory().resolve("cache.json"), awsSsoCliCache());

        Result r = h.run("list", "--csv", "AccountIdPad", "AccountAlias", "RoleName", "Profile");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out().lines().toList()).containsExactly(
                "012345678912,main-account,AdministratorAccess,Main:AdministratorAccess",
                "012345678912,main-account,ReadOnlyAccess,Main:ReadOnlyAccess",
                "123456789012,sandbox,ReadOnly,sandbox:ReadOnly");
        assertThat(r.err()).contains(h.configFile() + ":17:1: FirefoxOpenUrlInContainer: deprecated")
                .doesNotContain("error:");
    }

    @Test
    void list_arnAndAccountName_comeFromTheCacheAwsSsoCliWrote() throws Exception {
        Files.write(h.configFile(), Files.readAllBytes(CORPUS.resolve("08-issue-all-three-together.yaml")));
        Files.write(h.configDirectory().resolve("cache.json"), awsSsoCliCache());

        Result r = h.run("list", "--csv", "Arn", "AccountName");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).contains("arn:aws:iam::012345678912:role/AdministratorAccess,Main");
    }

    /** A corpus file and what its header promises. */
    record Case(String name, Path file, boolean loads, List<String> warnings, List<String> errors,
            String listFails, boolean needsStore) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> corpus() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8)
                        .replace("\uFEFF", "").replace("\r", "");
                boolean loads = false;
                List<String> warnings = new ArrayList<>();
                List<String> errors = new ArrayList<>();
                String listFails = null;
                boolean needsStore = false;
                for (String line : text.split("\n")) {
                    String l = line.strip();
                    if (l.startsWith("# Expect:")) {
                        loads = l.substring(9).strip().equals("loads");
                    } else if (l.startsWith("# Warning:")) {
                        warnings.add(l.substring(10).strip());
                    } else if (l.startsWith("# Error:")) {
                        errors.add(l.substring(8).strip());
                    } else if (l.startsWith("# List: fails")) {
                        listFails = l.substring(13).strip();
                    } else if (l.startsWith("# List: needs-store")) {
                        needsStore = true;
                    }
                }
                cases.add(new Case(f.getFileName().toString(), f, loads, warnings, errors, listFails,
                        needsStore));
            }
        }
        return cases.stream();
    }

    @Test
    void corpus_isTheCoreModulesAndLarge() throws Exception {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void list_corpusConfig_runsAsItsHeaderPromises(Case c) throws Exception {
        Files.write(h.configFile(), Files.readAllBytes(c.file()));

        Result r = h.run("list");

        if (!c.loads()) {
            assertThat(r.exitCode()).as("%s", r).isEqualTo(3);
            for (String e : c.errors()) {
                assertLocated(r, e);
            }
            assertThat(r.err()).as("no stack trace without -L debug").doesNotContain("\tat ");
            return;
        }
        for (String w : c.warnings()) {
            assertLocated(r, w);
        }
        if (c.needsStore() && r.exitCode() != 0) {
            // list opens the secret store (aws-sso-cli's does too); this machine may lack it
            assertThat(r.err()).as("%s", r).contains("SecureStore");
        } else if (c.listFails() != null) {
            assertThat(r.exitCode()).as("%s", r).isNotZero();
            assertThat(r.err()).as("%s", r).contains(c.listFails());
        } else {
            assertThat(r.exitCode()).as("%s", r).isZero();
            assertThat(r.out().lines().skip(1).findFirst()).as("%s", r).hasValueSatisfying(
                    line -> assertThat(line).matches("=+"));
        }
    }

    /**
     * A line of stderr holds the problem "L:C Key: message part" as the CLI prints it:
     * {@code <file>:L:C: Key: message} (no key part for problems of the whole file).
     */
    private void assertLocated(Result r, String expectation) {
        int space = expectation.indexOf(' ');
        String rest = expectation.substring(space + 1);
        int colon = rest.indexOf(": ");
        String key = rest.substring(0, colon);
        String prefix = h.configFile() + ":" + expectation.substring(0, space) + ": "
                + (key.isEmpty() ? "" : key + ": ");
        String part = rest.substring(colon + 2);
        assertThat(r.err().lines()).as("%s", r)
                .anyMatch(line -> line.contains(prefix) && line.contains(part));
    }
}
