package io.awssso.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged CLI the way users do, through {@code ./aws-sso} at the repository root, as a
 * separate process on the module path. This is what proves launch-time module resolution (automatic
 * modules, SLF4J's provider), which in-JVM tests cannot see.
 *
 * <p>It runs in {@code integration-test}, after {@code package}, with {@code AWS_SSO_NO_BUILD=1} so
 * the launcher uses the jars Maven just built instead of starting a nested Maven build.
 */
class CliLauncherIT {
    private static final Path ROOT = Path.of(System.getProperty("awssso.repository.root", "..")).toAbsolutePath().normalize();

    private record Result(int exitCode, String out, String err) {}

    private final List<Path> symbolicLinks = new ArrayList<>();

    @AfterEach
    void deleteSymbolicLinks() throws IOException {
        // Removed here so that the temp-dir clean-up never meets a link to the real build output.
        for (Path link : symbolicLinks) {
            Files.deleteIfExists(link);
        }
    }

    private static Result launch(Map<String, String> extraEnvironment, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("aws-sso").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("AWS_SSO"));
        environment.put("AWS_SSO_NO_BUILD", "1");
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.putAll(extraEnvironment);
        Path out = Files.createTempFile("aws-sso-out", ".txt");
        Path err = Files.createTempFile("aws-sso-err", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("./aws-sso " + String.join(" ", args) + " did not finish");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Result launch(String... args) throws Exception {
        return launch(Map.of(), args);
    }

    /** Runs the launcher at {@code root}, without AWS_SSO_NO_BUILD, so it decides whether to build. */
    private static Result launchIn(Path root, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("aws-sso").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_SSO"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Path out = Files.createTempFile("aws-sso-out", ".txt");
        Path err = Files.createTempFile("aws-sso-err", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("aws-sso " + String.join(" ", args) + " did not finish");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * A copy of the checkout's layout in {@code dir}: the launcher, a pom and sources, the CLI jar
     * just built and its lib/, and a fake {@code ./mvnw} that records its arguments, prints to stdout
     * (which the launcher must keep off its own stdout) and refreshes the jar as a build would.
     */
    private Path fakeCheckout(Path dir) throws IOException {
        Path realTarget = ROOT.resolve("aws-sso-cli").resolve("target");
        String jarName = "aws-sso-cli-" + System.getProperty("awssso.project.version") + ".jar";
        Files.copy(ROOT.resolve("aws-sso"), dir.resolve("aws-sso"));
        Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
        Path source = dir.resolve("aws-sso-core/src/main/java/Example.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class Example {}\n");
        Path target = Files.createDirectories(dir.resolve("aws-sso-cli").resolve("target"));
        Files.copy(realTarget.resolve(jarName), target.resolve(jarName));
        symbolicLinks.add(Files.createSymbolicLink(target.resolve("lib"), realTarget.resolve("lib")));
        Path mvnw = dir.resolve("mvnw");
        Files.writeString(mvnw, "#!/bin/sh\n"
                + "echo \"fake maven output\"\n"
                + "echo \"$*\" >> \"$(dirname \"$0\")/mvnw.calls\"\n"
                + "touch \"$(dirname \"$0\")/aws-sso-cli/target/" + jarName + "\"\n");
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
        // Sources an hour older than the jar: a fresh build.
        long now = System.currentTimeMillis();
        for (Path path : List.of(dir.resolve("pom.xml"), source, source.getParent())) {
            Files.setLastModifiedTime(path, FileTime.fromMillis(now - 3_600_000));
        }
        Files.setLastModifiedTime(target.resolve(jarName), FileTime.fromMillis(now));
        return source;
    }

    @Test
    void version_printsVersionToStdoutAndExitsZero() throws Exception {
        Result result = launch("version");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().findFirst())
                .contains("aws-sso for Java " + System.getProperty("awssso.project.version"));
        assertThat(result.out()).contains("Java: ");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void help_printsUsageToStdoutAndExitsZero() throws Exception {
        Result result = launch("--help");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Usage: aws-sso").contains("version", "--level", "Exit codes:");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void unknownFlag_exitsTwoWithTheErrorOnStderrOnly() throws Exception {
        Result result = launch("--bogus");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("error: Unknown option: '--bogus'").doesNotContain("\tat ");
    }

    @Test
    void debugLevel_logsToStderrAndLeavesStdoutUnchanged() throws Exception {
        Result plain = launch("version");
        Result debug = launch("-L", "debug", "version");

        assertThat(debug.exitCode()).as(debug.err()).isZero();
        assertThat(debug.out()).isEqualTo(plain.out());
        // A DEBUG line on stderr shows SLF4J's simple provider was resolved on the module path.
        assertThat(debug.err()).contains("DEBUG aws-sso ").contains("running 'aws-sso version'");
    }

    @Test
    void defaultLevel_logsNothingBelowWarn() throws Exception {
        Result result = launch("version");

        assertThat(result.err()).doesNotContain("DEBUG", "INFO");
    }

    @Test
    void javaOlderThan17_isRefusedBeforeStarting(@TempDir Path fakeJavaHome) throws Exception {
        Path bin = Files.createDirectories(fakeJavaHome.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'this old java must not run' >&2\nexit 99\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(fakeJavaHome.resolve("release"), "JAVA_VERSION=\"11.0.2\"\n");

        Result result = launch(Map.of("JAVA_HOME", fakeJavaHome.toString()), "version");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("Java 17 or newer is needed").contains("Java 11")
                .doesNotContain("this old java must not run");
    }

    @Test
    void freshBuild_runsWithoutBuilding(@TempDir Path checkout) throws Exception {
        fakeCheckout(checkout);

        Result result = launchIn(checkout, "version");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("aws-sso for Java ");
        assertThat(result.err()).isEmpty();
        assertThat(checkout.resolve("mvnw.calls")).doesNotExist();
    }

    @Test
    void sourceNewerThanJar_buildsFirstWithBuildOutputOnStderr(@TempDir Path checkout) throws Exception {
        Path source = fakeCheckout(checkout);
        Files.setLastModifiedTime(source, FileTime.fromMillis(System.currentTimeMillis() + 60_000));

        Result result = launchIn(checkout, "version");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readString(checkout.resolve("mvnw.calls")))
                .contains("-pl aws-sso-cli -am package");
        assertThat(result.err()).contains("fake maven output");
        assertThat(result.out()).startsWith("aws-sso for Java ").doesNotContain("fake maven output");
    }

    @Test
    void missingJar_buildsFirst(@TempDir Path checkout) throws Exception {
        fakeCheckout(checkout);
        Path target = checkout.resolve("aws-sso-cli").resolve("target");
        String jarName = "aws-sso-cli-" + System.getProperty("awssso.project.version") + ".jar";
        Path jar = target.resolve(jarName);
        Path kept = Files.move(jar, checkout.resolve(jarName));
        // This fake build "produces" the jar by copying it back.
        Files.writeString(checkout.resolve("mvnw"), "#!/bin/sh\n"
                + "echo \"$*\" >> \"$(dirname \"$0\")/mvnw.calls\"\n"
                + "cp \"" + kept + "\" \"" + jar + "\"\n");

        Result result = launchIn(checkout, "version");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(checkout.resolve("mvnw.calls")).exists();
        assertThat(result.out()).startsWith("aws-sso for Java ");
    }

    @Test
    void launcher_isExecutable() throws IOException {
        assertThat(Files.isExecutable(ROOT.resolve("aws-sso"))).isTrue();
        assertThat(Files.readString(ROOT.resolve("aws-sso"))).startsWith("#!/usr/bin/env bash");
    }
}
