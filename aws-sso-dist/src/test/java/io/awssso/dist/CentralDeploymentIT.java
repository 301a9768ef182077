package io.awssso.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What Maven Central requires, checked on a real deployment: a copy of the sources is built with
 * {@code ./mvnw -Prelease deploy} into a local file repository, signed with a throwaway gpg key,
 * and every published artifact must have its {@code .pom}, {@code -sources.jar},
 * {@code -javadoc.jar}, {@code .asc} signatures and checksums; the BOM must list exactly the
 * published modules, and the published POMs the metadata Central insists on.
 */
class CentralDeploymentIT {
    private static final Path REPOSITORY_ROOT = Path.of(System.getProperty("awssso.repository.root", ".."));
    private static final String VERSION = System.getProperty("awssso.project.version", "0.1.0-SNAPSHOT");
    /** The modules the release deploys (besides the parent POM and the BOM). */
    private static final Set<String> PUBLISHED = Set.of("aws-sso-api", "aws-sso-core", "aws-sso-stores", "aws-sso-testkit");
    private static final List<String> MODULES = List.of("aws-sso-api", "aws-sso-testkit", "aws-sso-core",
            "aws-sso-stores", "aws-sso-cli", "aws-sso-bom", "examples", "examples/provider-app", "benchmarks",
            "aws-sso-dist");

    private Path tmp;

    @BeforeEach
    void createDirectory() throws IOException {
        tmp = Files.createTempDirectory("aws-sso-central");
    }

    @AfterEach
    void deleteDirectory() throws IOException {
        try (Stream<Path> paths = Files.walk(tmp)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private int run(Path dir, Map<String, String> env, Path log, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(List.of(command) + " did not finish; see " + log);
        }
        return p.exitValue();
    }

    /** The build's sources without any build output: what a clean clone has. */
    private Path copyOfTheSources() throws IOException {
        Path copy = Files.createDirectories(tmp.resolve("src"));
        for (String file : List.of("pom.xml", "mvnw", "LICENSE")) {
            Files.copy(REPOSITORY_ROOT.resolve(file), copy.resolve(file));
        }
        copyTree(REPOSITORY_ROOT.resolve(".mvn"), copy.resolve(".mvn"));
        for (String module : MODULES) {
            Files.createDirectories(copy.resolve(module));
            Files.copy(REPOSITORY_ROOT.resolve(module).resolve("pom.xml"), copy.resolve(module).resolve("pom.xml"));
            if (PUBLISHED.contains(module)) {
                copyTree(REPOSITORY_ROOT.resolve(module).resolve("src"), copy.resolve(module).resolve("src"));
            }
        }
        return copy;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void releaseDeploy_everyPublishedArtifactHasWhatCentralRequires_andTheBomListsExactlyThePublishedModules()
            throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gpg")), "gpg is not installed (apt-get install gnupg)");
        Path gnupg = Files.createDirectory(tmp.resolve("gnupg"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Map<String, String> env = Map.of("GNUPGHOME", gnupg.toString());
        int key = run(tmp, env, tmp.resolve("gpg.log"), "gpg", "--batch", "--passphrase", "",
                "--quick-gen-key", "aws-sso release test <release-test@example.invalid>", "default", "default", "never");
        assertThat(key).as("gpg key: %s", Files.readString(tmp.resolve("gpg.log"))).isZero();
        Path sources = copyOfTheSources();
        Path repository = tmp.resolve("repository");
        Path log = tmp.resolve("deploy.log");

        int deploy = run(sources, env, log, "./mvnw", "-B", "-Prelease", "deploy", "-DskipTests",
                "-pl", ".,aws-sso-api,aws-sso-testkit,aws-sso-core,aws-sso-stores,aws-sso-bom",
                "-DaltDeploymentRepository=test::" + repository.toUri(), "-Dgpg.passphrase=");

        assertThat(deploy).as("deploy failed:\n%s", tail(log)).isZero();
        Path group = repository.resolve("io/awssso");
        Set<String> deployed = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(group)) {
            dirs.map(p -> p.getFileName().toString()).forEach(deployed::add);
        }
        assertThat(deployed).containsExactlyInAnyOrder("aws-sso-parent", "aws-sso-bom", "aws-sso-api",
                "aws-sso-core", "aws-sso-stores", "aws-sso-testkit");
        for (String artifact : deployed) {
            List<String> files = files(group.resolve(artifact).resolve(VERSION));
            List<String> required = new ArrayList<>(List.of(".pom"));
            if (PUBLISHED.contains(artifact)) {
                required.addAll(List.of(".jar", "-sources.jar", "-javadoc.jar"));
            }
            for (String suffix : required) {
                for (String extra : List.of("", ".asc", ".sha1", ".md5")) {
                    assertThat(files).as("%s has *%s%s", artifact, suffix, extra)
                            .anyMatch(f -> f.startsWith(artifact + "-") && f.endsWith(suffix + extra)
                                    && (!suffix.equals(".jar") || !f.matches(".*-(sources|javadoc)\\.jar.*")));
                }
            }
            String pom = Files.readString(only(group.resolve(artifact).resolve(VERSION), ".pom"));
            if (artifact.equals("aws-sso-parent") || artifact.equals("aws-sso-bom")) {
                assertThat(pom).as(artifact).contains("<licenses>", "<name>Apache-2.0</name>", "<scm>", "<developers>",
                        "<url>", "<description>");
            } else {
                assertThat(pom).as(artifact).contains("<artifactId>aws-sso-parent</artifactId>", "<name>");
            }
        }
        String bom = Files.readString(only(group.resolve("aws-sso-bom").resolve(VERSION), ".pom"));
        String managed = bom.substring(bom.indexOf("<dependencyManagement>"), bom.indexOf("</dependencyManagement>"));
        Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(managed);
        Set<String> listed = new TreeSet<>();
        while (m.find()) {
            listed.add(m.group(1));
        }
        assertThat(listed).as("the BOM's dependencyManagement").isEqualTo(new TreeSet<>(PUBLISHED));
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Path only(Path dir, String suffix) throws IOException {
        List<String> poms = files(dir).stream().filter(f -> f.endsWith(suffix)).toList();
        assertThat(poms).as("%s in %s", suffix, dir).isNotEmpty();
        return dir.resolve(poms.get(poms.size() - 1));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
