package io.awssso.api.internal.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Whole-file reads with a byte limit that holds whatever the file is. The size a file system
 * reports is no limit: it is 0 for {@code /dev/zero}, a FIFO or a {@code /proc} file, and a
 * regular file can grow while it is read. So only regular files are opened (a FIFO would block the
 * open itself), and at most one byte more than the limit is ever read.
 *
 * <p>Kept free of anything heavy: the {@code process} fast path reads through it. The engine and
 * the stores share it; the stores' files are state files.
 */
public final class BoundedFiles {
    /** Config files are a few kilobytes; anything this big is a mistake, not a config. */
    public static final int MAX_CONFIG_BYTES = 1 << 20;
    /** Generous bound for state files (cache.json, the stores' files): tens of thousands of roles fit. */
    public static final int MAX_STATE_BYTES = 64 << 20;

    private BoundedFiles() {
    }

    /** The file is a directory, device, FIFO or socket: nothing we parse can be one. */
    public static final class NotRegularFileException extends IOException {
        private static final long serialVersionUID = 1L;

        NotRegularFileException(Path file, BasicFileAttributes attributes) {
            super(file + " is " + (attributes.isDirectory() ? "a directory" : "not a regular file"
                    + " (a device, FIFO or socket)") + ", not a file that can be read");
        }
    }

    /** The file holds more than the limit. */
    public static final class FileTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        FileTooLargeException(Path file, int maxBytes) {
            super(file + " is larger than " + describe(maxBytes) + "; that is not a file this program wrote");
        }
    }

    /**
     * The bytes of {@code file} (symbolic links followed).
     *
     * @throws java.nio.file.NoSuchFileException when it does not exist
     * @throws NotRegularFileException when it is a directory, device, FIFO or socket
     * @throws FileTooLargeException when it holds more than {@code maxBytes}
     * @throws IOException when it cannot be read
     */
    public static byte[] read(Path file, int maxBytes) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new NotRegularFileException(file, attributes);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            throw new FileTooLargeException(file, maxBytes);
        }
        return bytes;
    }

    private static String describe(int bytes) {
        return bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? bytes / (1 << 20) + " MiB" : bytes / 1024 + " KiB";
    }
}
