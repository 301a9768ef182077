package io.awssso.core.internal.profiles;

import io.awssso.api.AwsSsoException;
import io.awssso.api.internal.io.BoundedFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;

/**
 * Reads and replaces the AWS config file. A write goes to a temporary file in the same directory,
 * is fsynced, then renamed over the file, so a crash leaves either the old or the new file, never
 * half of one. A new file is created 0600 (its new directory 0700); an existing one keeps its
 * permissions. A symbolic link (dotfile managers use them) is followed, so the link stays a link.
 */
public final class AwsConfigFile {
    private static final Set<PosixFilePermission> FILE_0600 = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR_0700 = PosixFilePermissions.fromString("rwx------");

    /** The AWS config of a large organisation is a few megabytes; a bound keeps a device out. */
    private static final int MAX_BYTES = 32 << 20;

    private AwsConfigFile() {
    }

    /** The file's bytes, or none when it does not exist. */
    public static byte[] read(Path file) {
        try {
            return BoundedFiles.read(file, MAX_BYTES);
        } catch (NoSuchFileException e) {
            return new byte[0];
        } catch (IOException e) {
            throw new AwsSsoException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the file with {@code content}, provided it still holds {@code expected} (what the
     * diff the user approved was made from).
     *
     * @throws AwsSsoException when the file changed meanwhile or cannot be written
     */
    public static void write(Path file, byte[] expected, byte[] content) {
        try {
            Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file;
            if (!Arrays.equals(read(target), expected)) {
                throw new AwsSsoException(file + " changed while the update was prepared; run the command again");
            }
            Path dir = target.toAbsolutePath().getParent();
            boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(dir)) {
                if (posix) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_0700));
                } else {
                    Files.createDirectories(dir);
                }
            }
            Set<PosixFilePermission> mode = FILE_0600;
            if (posix && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                mode = Files.getPosixFilePermissions(target);
            }
            Path tmp = createTemp(dir, target.getFileName().toString(), posix);
            try {
                if (posix) {
                    // the umask may have narrowed the requested mode; set it exactly
                    Files.setPosixFilePermissions(tmp, mode);
                }
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ByteBuffer buf = ByteBuffer.wrap(content);
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    ch.force(true);
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            syncDirectory(dir);
        } catch (IOException e) {
            throw new AwsSsoException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Path createTemp(Path dir, String name, boolean posix) throws IOException {
        for (int i = 0; ; i++) {
            Path tmp = dir.resolve("." + name + ".aws-sso-" + ProcessHandle.current().pid() + "-" + i + ".tmp");
            try {
                FileAttribute<?>[] attrs = posix
                        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_0600)}
                        : new FileAttribute<?>[0];
                return Files.createFile(tmp, attrs);
            } catch (FileAlreadyExistsException e) {
                if (i > 100) {
                    throw e;
                }
            }
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not possible on every platform; the rename itself is atomic
        }
    }
}
