package io.awssso.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.internal.BuildInfo;
import io.awssso.cli.internal.CliEnvironment;
import io.awssso.cli.internal.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionCommandTest {
    @TempDir
    Path install;

    @Test
    void call_printsVersionCommitBuildDateJavaAndTheRuntimesDirectory_onStdoutOnly() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnvironment env = new CliEnvironment(Map.of());
        Terminal terminal = Terminal.of(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);

        int exit = new VersionCommand(terminal, new BuildInfo()).call();

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).first().asString()
                .isEqualTo("aws-sso for Java " + System.getProperty("awssso.project.version"));
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("(?m)^Built: \\d{4}-\\d{2}-\\d{2}T")
                .contains("Java: " + Runtime.version())
                .contains("Runtime: " + System.getProperty("java.home") + "\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void isBundled_runtimeNextToTheLaunchersBin_isTrue() throws IOException {
        Path runtime = Files.createDirectories(install.resolve("runtime"));
        Files.createDirectories(install.resolve("bin"));

        assertThat(VersionCommand.isBundled(runtime, Optional.of(install.resolve("bin/aws-sso").toString()))).isTrue();
    }

    @Test
    void isBundled_anotherRuntime_isFalse() throws IOException {
        Files.createDirectories(install.resolve("runtime"));
        Path system = Files.createDirectories(install.resolve("jdk"));

        assertThat(VersionCommand.isBundled(system, Optional.of(install.resolve("bin/aws-sso").toString()))).isFalse();
    }

    @Test
    void isBundled_noLauncherOrNoRuntimeDirectory_isFalse() throws IOException {
        Path jdk = Files.createDirectories(install.resolve("jdk"));

        assertThat(VersionCommand.isBundled(jdk, Optional.empty())).isFalse();
        assertThat(VersionCommand.isBundled(jdk, Optional.of(install.resolve("bin/aws-sso").toString()))).isFalse();
        assertThat(VersionCommand.isBundled(jdk, Optional.of("aws-sso"))).isFalse();
    }
}
