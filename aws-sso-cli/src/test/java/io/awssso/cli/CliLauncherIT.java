package io.awssso.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    void launcher_isExecutable() throws IOException {
        assertThat(Files.isExecutable(ROOT.resolve("aws-sso"))).isTrue();
        assertThat(Files.readString(ROOT.resolve("aws-sso"))).startsWith("#!/usr/bin/env bash");
    }
}
