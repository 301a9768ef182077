package io.awssso.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.core.internal.env.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLocationTest {
    @TempDir
    Path home;

    private Environment env(Map<String, String> variables) {
        return Environment.of(variables, home);
    }

    @Test
    void resolve_nothingSet_usesDotConfigUnderHome() {
        ConfigLocation l = ConfigLocation.resolve(Optional.empty(), env(Map.of()));

        assertThat(l.directory()).isEqualTo(home.resolve(".config/aws-sso"));
        assertThat(l.file()).isEqualTo(home.resolve(".config/aws-sso/config.yaml"));
        assertThat(l.cacheFile()).isEqualTo(home.resolve(".config/aws-sso/cache.json"));
        assertThat(l.lockFile()).isEqualTo(home.resolve(".config/aws-sso/storage.lock"));
        assertThat(l.defaultJsonStore()).isEqualTo(home.resolve(".config/aws-sso/store.json"));
    }

    @Test
    void resolve_xdgConfigHome_isUsed() {
        Path xdg = home.resolve("xdg");

        ConfigLocation l = ConfigLocation.resolve(Optional.empty(),
                env(Map.of("XDG_CONFIG_HOME", xdg.toString())));

        assertThat(l.file()).isEqualTo(xdg.resolve("aws-sso/config.yaml"));
    }

    @Test
    void resolve_legacyDirectoryExists_winsOverXdg() throws IOException {
        Files.createDirectory(home.resolve(".aws-sso"));

        ConfigLocation l = ConfigLocation.resolve(Optional.empty(),
                env(Map.of("XDG_CONFIG_HOME", home.resolve("xdg").toString())));

        assertThat(l.directory()).isEqualTo(home.resolve(".aws-sso"));
        assertThat(l.file()).isEqualTo(home.resolve(".aws-sso/config.yaml"));
    }

    @Test
    void resolve_legacyDirectoryWithoutConfig_yieldsToXdgDirectoryWithOne() throws IOException {
        // what `ecs docker start` leaves: ~/.aws-sso/mnt only
        Files.createDirectories(home.resolve(".aws-sso/mnt"));
        Files.createDirectories(home.resolve(".config/aws-sso"));
        Files.writeString(home.resolve(".config/aws-sso/config.yaml"), "SSOConfig: {}\n");

        assertThat(ConfigLocation.resolve(Optional.empty(), env(Map.of())).directory())
                .isEqualTo(home.resolve(".config/aws-sso"));
    }

    @Test
    void resolve_legacyDirectoryWithConfig_winsEvenWhenXdgHasOne() throws IOException {
        Files.createDirectories(home.resolve(".aws-sso"));
        Files.writeString(home.resolve(".aws-sso/config.yaml"), "SSOConfig: {}\n");
        Files.createDirectories(home.resolve(".config/aws-sso"));
        Files.writeString(home.resolve(".config/aws-sso/config.yaml"), "SSOConfig: {}\n");

        assertThat(ConfigLocation.resolve(Optional.empty(), env(Map.of())).directory())
                .isEqualTo(home.resolve(".aws-sso"));
    }

    @Test
    void resolve_legacyPathIsAFile_isNotUsed() throws IOException {
        Files.writeString(home.resolve(".aws-sso"), "not a directory");

        assertThat(ConfigLocation.resolve(Optional.empty(), env(Map.of())).directory())
                .isEqualTo(home.resolve(".config/aws-sso"));
    }

    @Test
    void resolve_variable_namesTheFileButNotTheDirectory() {
        ConfigLocation l = ConfigLocation.resolve(Optional.empty(),
                env(Map.of("AWS_SSO_CONFIG", "/etc/aws-sso.yaml")));

        assertThat(l.file()).isEqualTo(Path.of("/etc/aws-sso.yaml"));
        assertThat(l.directory()).isEqualTo(home.resolve(".config/aws-sso"));
    }

    @Test
    void resolve_flag_winsOverVariableAndExpandsTilde() {
        ConfigLocation l = ConfigLocation.resolve(Optional.of("~/my/config.yaml"),
                env(Map.of("AWS_SSO_CONFIG", "/etc/aws-sso.yaml")));

        assertThat(l.file()).isEqualTo(home.resolve("my/config.yaml"));
    }

    @Test
    void resolve_emptyFlagAndVariable_countAsUnset() {
        ConfigLocation l = ConfigLocation.resolve(Optional.of(""),
                env(Map.of("AWS_SSO_CONFIG", "")));

        assertThat(l.file()).isEqualTo(home.resolve(".config/aws-sso/config.yaml"));
    }

    @Test
    void resolve_xdgWithTilde_isExpanded() {
        ConfigLocation l = ConfigLocation.resolve(Optional.empty(),
                env(Map.of("XDG_CONFIG_HOME", "~/cfg")));

        assertThat(l.directory()).isEqualTo(home.resolve("cfg/aws-sso"));
    }
}
