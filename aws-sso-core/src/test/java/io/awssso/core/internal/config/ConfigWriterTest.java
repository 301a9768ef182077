package io.awssso.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.ConfigurationException;
import io.awssso.core.internal.env.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWriterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:34:56Z"), ZoneOffset.UTC);

    @TempDir
    Path home;

    private ConfigLocation location() {
        Path dir = home.resolve(".config/aws-sso");
        return new ConfigLocation(dir.resolve("config.yaml"), dir);
    }

    private ConfigWriter writer() {
        return new ConfigWriter(Environment.of(Map.of(), home), CLOCK);
    }

    private static Map<String, Object> tree(String region) {
        Map<String, Object> instance = new LinkedHashMap<>();
        instance.put("SSORegion", region);
        instance.put("StartUrl", "https://d-1234567890.awsapps.com/start");
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("SSOConfig", new LinkedHashMap<>(Map.of("Default", instance)));
        tree.put("UrlExecCommand", List.of("firefox", "%s"));
        tree.put("HistoryLimit", 10);
        return tree;
    }

    @Test
    void render_nestedMapsAndLists_useFourSpaceIndentation() {
        assertThat(ConfigWriter.render(tree("us-east-1"))).isEqualTo("""
                SSOConfig:
                    Default:
                        SSORegion: us-east-1
                        StartUrl: https://d-1234567890.awsapps.com/start
                UrlExecCommand:
                  - firefox
                  - '%s'
                HistoryLimit: 10
                """);
    }

    @Test
    void write_newFile_createsItWithMode0600InA0700DirectoryAndNoBackup() throws Exception {
        Optional<Path> backup = writer().write(location(), tree("us-east-1"));

        assertThat(backup).isEmpty();
        assertThat(Files.getPosixFilePermissions(location().file()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(location().directory()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        AwsSsoConfig loaded = ConfigLoader.load(location(), Environment.of(Map.of(), home));
        assertThat(loaded.ssoConfig().get("Default").ssoRegion()).isEqualTo("us-east-1");
        assertThat(loaded.urlExecCommand()).containsExactly("firefox", "%s");
    }

    @Test
    void write_existingFile_backsItUpByTimestampFirst() throws Exception {
        writer().write(location(), tree("us-east-1"));
        String before = Files.readString(location().file());

        Optional<Path> backup = writer().write(location(), tree("eu-west-1"));

        assertThat(backup).hasValueSatisfying(b -> {
            assertThat(b.getFileName()).hasToString("config.2026-11-26-12:34:56.yaml");
            assertThat(b).hasContent(before.stripTrailing());
        });
        assertThat(Files.readString(location().file())).contains("SSORegion: eu-west-1");
        // A second backup within the same second never overwrites the first.
        assertThat(writer().write(location(), tree("eu-west-2")).orElseThrow().getFileName())
                .hasToString("config.2026-11-26-12:34:56-1.yaml");
    }

    @Test
    void write_treeThatIsNotAValidConfig_failsAndWritesNothing() {
        Map<String, Object> bad = tree("us-east-1");
        bad.put("ConsoleDuration", "forever");

        assertThatThrownBy(() -> writer().write(location(), bad)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ConsoleDuration");
        assertThat(location().file()).doesNotExist();
    }

    @Test
    void readTree_existingConfig_keepsKeyOrderAndNesting() throws Exception {
        Files.createDirectories(location().directory());
        Files.writeString(location().file(), "SecureStore: file\nSSOConfig:\n  Default:\n    SSORegion: us-east-2\n");

        Map<String, Object> tree = writer().readTree(location().file()).orElseThrow();

        assertThat(tree.keySet()).containsExactly("SecureStore", "SSOConfig");
        assertThat(tree.get("SSOConfig")).isEqualTo(Map.of("Default", Map.of("SSORegion", "us-east-2")));
        assertThat(writer().readTree(home.resolve("missing.yaml"))).isEmpty();
    }
}
