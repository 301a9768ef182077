package io.awssso.api.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class BoundedFilesTest {
    @TempDir
    Path dir;

    /** A named pipe: opening it for reading blocks until a writer comes, which none will. */
    static Path fifo(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
        assumeThat(p.waitFor()).as("mkfifo works here").isZero();
        return file;
    }

    @Test
    void read_devZero_isRefusedNamingTheFile() {
        Path zero = Path.of("/dev/zero");
        assumeThat(zero).exists();

        // Before: size() is 0 for a device, so the read went on until OutOfMemoryError.
        assertThatThrownBy(() -> BoundedFiles.read(zero, 1024))
                .isInstanceOf(BoundedFiles.NotRegularFileException.class)
                .hasMessage("/dev/zero is not a regular file (a device, FIFO or socket), not a file that can be read");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard, not a speed check: opening a FIFO blocks
    void read_fifo_isRefusedWithoutOpeningIt() throws Exception {
        Path pipe = fifo(dir.resolve("config.yaml"));

        assertThatThrownBy(() -> BoundedFiles.read(pipe, 1024))
                .isInstanceOf(BoundedFiles.NotRegularFileException.class)
                .hasMessageContaining(pipe.toString());
    }

    @Test
    void read_directory_isRefusedAsADirectory() {
        assertThatThrownBy(() -> BoundedFiles.read(dir, 1024))
                .isInstanceOf(BoundedFiles.NotRegularFileException.class)
                .hasMessageContaining(dir + " is a directory");
    }

    @Test
    void read_missingFile_isNoSuchFile() {
        assertThatThrownBy(() -> BoundedFiles.read(dir.resolve("none"), 1024))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void read_fileOfExactlyTheLimit_isReadWhole_oneByteMoreIsRefused() throws IOException {
        Path file = dir.resolve("cache.json");
        Files.write(file, new byte[1024]);
        assertThat(BoundedFiles.read(file, 1024)).hasSize(1024);

        Files.write(file, new byte[1025]);
        assertThatThrownBy(() -> BoundedFiles.read(file, 1024))
                .isInstanceOf(BoundedFiles.FileTooLargeException.class)
                .hasMessageStartingWith(file + " is larger than 1 KiB");
    }

    @Test
    void read_symbolicLinkToARegularFile_isFollowed() throws IOException {
        Path file = Files.writeString(dir.resolve("real.yaml"), "a: 1\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), file);

        assertThat(BoundedFiles.read(link, 1024)).isEqualTo("a: 1\n".getBytes());
    }
}
