package io.awssso.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.awssso.testkit.IdentityCenterEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Debian package, installed with the real dpkg into a throwaway root ({@code dpkg --root}),
 * used as a person without any Java would use it (a PATH without java, no JAVA_HOME: only the
 * bundled runtime can run it), then removed again. Skipped where dpkg is missing.
 */
class DebianPackageIT {
    private static final Path TARGET = Path.of(System.getProperty("awssso.dist.directory", "target"));
    private static final String ARN = "arn:aws:iam::012345678901:role/AdministratorAccess";

    private Path tmp;
    private Path root;
    private Path home;
    private Path path;

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    @BeforeEach
    void createRoot() throws Exception {
        assumeTrue(onPath("dpkg"), "dpkg is not installed: the Debian package test is skipped (apt-get install dpkg)");
        tmp = Files.createTempDirectory("aws-sso-deb");
        root = tmp.resolve("root");
        for (String dir : List.of("info", "updates", "triggers")) {
            Files.createDirectories(root.resolve("var/lib/dpkg").resolve(dir));
        }
        Files.createFile(root.resolve("var/lib/dpkg/status"));
        home = Files.createDirectories(tmp.resolve("home"));
        // A PATH with what the test needs (curl is the login's browser) and no java anywhere.
        path = Files.createDirectories(tmp.resolve("path"));
        for (String tool : List.of("curl", "readlink", "cat", "sed")) {
            Path real = Path.of("/usr/bin", tool);
            if (Files.isExecutable(real)) {
                Files.createSymbolicLink(path.resolve(tool), real);
            }
        }
    }

    @AfterEach
    void deleteRoot() throws IOException {
        if (tmp != null) {
            try (Stream<Path> paths = Files.walk(tmp)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static Path debianPackage() throws IOException {
        try (Stream<Path> files = Files.list(TARGET)) {
            List<Path> debs = files.filter(p -> p.getFileName().toString().matches("aws-sso_.*\\.deb")).toList();
            assertThat(debs).as("one .deb in %s", TARGET).hasSize(1);
            return debs.get(0);
        }
    }

    private static Result run(Map<String, String> env, Path dir, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path out = Files.createTempFile("out", ".txt");
        Path err = Files.createTempFile("err", ".txt");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(3, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(List.of(command) + " did not finish");
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    private Result dpkg(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("dpkg", "--root=" + root, "--force-not-root",
                "--force-depends", "--log=" + tmp.resolve("dpkg.log")));
        command.addAll(List.of(args));
        return run(Map.of("PATH", System.getenv("PATH")), tmp, command.toArray(String[]::new));
    }

    /** The environment of a person with no Java: no JAVA_HOME, and no java on this PATH. */
    private Map<String, String> user(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("PATH", root.resolve("usr/bin") + ":" + path);
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("AWS_SSO_AGENT", "0"); // the JVM path is under test; no run may leave an agent behind
        env.putAll(extra);
        return env;
    }

    private Result awsSso(Map<String, String> extra, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(root.resolve("usr/bin/aws-sso").toString()));
        command.addAll(List.of(args));
        return run(user(extra), home, command.toArray(String[]::new));
    }

    private List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(p -> !Files.isDirectory(p)).toList();
        }
    }

    @Test
    void deb_installedWithoutAnyJava_runsVersionHelpCompletionAndLoginThenProcess_andIsRemovedCleanly()
            throws Exception {
        Result control = run(Map.of("PATH", System.getenv("PATH")), tmp, "dpkg-deb", "--field",
                debianPackage().toString());
        assertThat(control.out()).as("%s", control).contains("Package: aws-sso\n", "Architecture: amd64\n",
                "Homepage: https://").doesNotContain("[[");
        Result install = dpkg("-i", debianPackage().toString());
        assertThat(install.exitCode()).as("%s", install).isZero();
        assertThat(root.resolve("usr/lib/aws-sso/runtime/bin/java")).isExecutable();
        assertThat(Files.readSymbolicLink(root.resolve("usr/bin/aws-sso"))).hasToString("../lib/aws-sso/bin/aws-sso");
        assertThat(root.resolve("usr/share/man/man1/aws-sso-login.1")).isRegularFile();
        assertThat(root.resolve("usr/share/zsh/vendor-completions/_aws-sso")).content().contains("compdef _aws_sso aws-sso");
        assertThat(root.resolve("usr/share/fish/vendor_completions.d/aws-sso.fish")).isRegularFile();
        assertThat(root.resolve("usr/share/doc/aws-sso/copyright")).content()
                .startsWith("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/")
                .contains("License: Apache-2.0").contains("software.amazon.awssdk:sso:")
                .contains("info.picocli:picocli:").contains("runtime/legal");
        Result noJava = run(user(Map.of()), home, "/bin/sh", "-c", "command -v java || echo none");
        assertThat(noJava.out().strip()).as("no java on the test's PATH").isEqualTo("none");

        Result version = awsSso(Map.of(), "version");
        assertThat(version.exitCode()).as("%s", version).isZero();
        assertThat(version.out()).startsWith("aws-sso for Java ").contains("Built: ")
                .contains("Runtime: " + root.resolve("usr/lib/aws-sso/runtime") + " (bundled with aws-sso)");
        assertThat(version.err()).isEmpty();

        Result help = awsSso(Map.of(), "--help");
        assertThat(help.exitCode()).as("%s", help).isZero();
        assertThat(help.out()).contains("Usage: aws-sso").contains("login").contains("process");

        Result completion = run(user(Map.of()), home, "/bin/bash", "-c",
                "source " + root.resolve("usr/share/bash-completion/completions/aws-sso") + "\n"
                        + "COMP_LINE='aws-sso lo'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(aws-sso lo); COMP_CWORD=1\n"
                        + "__aws_sso_complete; printf '%s\\n' \"${COMPREPLY[@]}\"");
        assertThat(completion.exitCode()).as("%s", completion).isZero();
        assertThat(completion.out().lines()).containsExactlyInAnyOrder("login", "logout");

        try (IdentityCenterEmulator emulator = IdentityCenterEmulator.builder().build().start()) {
            emulator.addAccount("012345678901", "prod", "prod@example.com", "AdministratorAccess");
            Path config = Files.createDirectories(home.resolve(".config/aws-sso"));
            Files.writeString(config.resolve("config.yaml"), "SSOConfig:\n  Default:\n    SSORegion: us-east-1\n"
                    + "    StartUrl: " + emulator.startUrl() + "\nSecureStore: json\nLogLevel: error\nAuthWorkflow: pkce\n"
                    + "UrlAction: exec\nUrlExecCommand: [curl, -fsSL, -o, /dev/null, \"%s\"]\n");
            String endpoint = emulator.endpoint().toString();
            Map<String, String> aws = Map.of("AWS_ENDPOINT_URL_SSO", endpoint, "AWS_ENDPOINT_URL_SSO_OIDC", endpoint,
                    "AWS_ENDPOINT_URL_STS", endpoint);

            Result login = awsSso(aws, "login");
            assertThat(login.exitCode()).as("%s", login).isZero();
            assertThat(login.err()).contains("Logged in to Default");

            Result list = awsSso(aws, "list", "--csv", "Arn");
            assertThat(list.exitCode()).as("%s", list).isZero();
            assertThat(list.out()).contains(ARN);

            Result exec = awsSso(aws, "exec", "--arn", ARN, "/bin/sh", "-c", "printf '%s' \"$AWS_ACCESS_KEY_ID\"");
            assertThat(exec.exitCode()).as("%s", exec).isZero();
            assertThat(exec.out()).startsWith("ASIA");

            Result first = awsSso(aws, "process", "--arn", ARN);
            assertThat(first.exitCode()).as("%s", first).isZero();
            assertThat(first.out()).startsWith("{\"Version\":1,\"AccessKeyId\":\"").endsWith("}");
            // (this first run fetches the credentials through the whole tool, which warns about the
            // json store on stderr; stdout holds the JSON only)

            Result second = awsSso(Map.of("AWS_SSO_JAVA_OPTS", "-Xlog:class+load=info:file=" + tmp.resolve("classes.log")),
                    "process", "--arn", ARN);
            assertThat(second.exitCode()).as("%s", second).isZero();
            assertThat(second.out()).isEqualTo(first.out());
            assertThat(second.err()).isEmpty();
            if (Files.exists(root.resolve("usr/lib/aws-sso/lib/aws-sso.jsa"))) {
                // the archive made at build time maps at the installed path (the jars' times survived)
                assertThat(Files.readAllLines(tmp.resolve("classes.log")))
                        .anyMatch(l -> l.contains("io.awssso.cli.command.ProcessFastPath source: shared objects file"));
            }
        }
        assertThat(home.resolve(".cache")).as("nothing recorded into the home for the bundled runtime")
                .doesNotExist();

        Result remove = dpkg("--purge", "aws-sso");
        assertThat(remove.exitCode()).as("%s", remove).isZero();
        assertThat(filesUnder(root)).as("only dpkg's own records are left")
                .allMatch(p -> p.startsWith(root.resolve("var/lib/dpkg")));
        assertThat(root.resolve("usr/lib/aws-sso")).doesNotExist();
    }
}
