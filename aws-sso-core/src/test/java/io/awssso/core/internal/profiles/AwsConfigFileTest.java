package io.awssso.core.internal.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.AwsSsoException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsConfigFileTest {
    @TempDir
    Path dir;

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void write_newFileInNewDirectory_is0600In0700() throws Exception {
        Path file = dir.resolve(".aws/config");

        AwsConfigFile.write(file, AwsConfigFile.read(file), b("[default]\n"));

        assertThat(Files.readString(file)).isEqualTo("[default]\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void write_existingFile_keepsItsMode() throws Exception {
        Path file = dir.resolve("config");
        Files.writeString(file, "old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        AwsConfigFile.write(file, b("old\n"), b("new\n"));

        assertThat(Files.readString(file)).isEqualTo("new\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        try (var s = Files.list(dir)) {
            assertThat(s).as("no temporary file left").hasSize(1);
        }
    }

    @Test
    void write_symlink_writesItsTargetAndKeepsTheLink() throws Exception {
        Path target = dir.resolve("dotfiles-config");
        Files.writeString(target, "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("config"), target);

        AwsConfigFile.write(link, b("old\n"), b("new\n"));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("new\n");
    }

    @Test
    void write_fileChangedSinceItWasRead_isRefusedAndKeepsTheChange() throws Exception {
        Path file = dir.resolve("config");
        Files.writeString(file, "edited meanwhile\n");

        assertThatThrownBy(() -> AwsConfigFile.write(file, b("old\n"), b("new\n")))
                .isInstanceOf(AwsSsoException.class).hasMessageContaining("changed");
        assertThat(Files.readString(file)).isEqualTo("edited meanwhile\n");
    }
}
