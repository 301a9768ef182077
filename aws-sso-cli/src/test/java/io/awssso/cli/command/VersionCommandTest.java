package io.awssso.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionCommandTest {
    @TempDir
    Path install;

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
