package io.awssso.core.internal.catalog;

import io.awssso.api.AwsSsoException;
import io.awssso.api.internal.io.BoundedFiles;
import io.awssso.core.internal.lock.FileMutex;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code <cfg>/cache.json} on disk: read, and read-modify-write under a cross-process lock on
 * {@code <cfg>/cache.lock}. Writes go to a temp file in the same directory (mode 0600), are
 * fsynced, and replace the cache with an atomic rename, so a process killed mid-write leaves the
 * old file or the new one, never a torn one.
 */
final class CacheFile {
    private static final Logger LOG = LoggerFactory.getLogger(CacheFile.class);
    private static final Duration LOCK_WAIT = Duration.ofSeconds(30);

    private final Path file;
    private final FileMutex lock;

    CacheFile(Path file) {
        this.file = file;
        Path lockFile = file.resolveSibling("cache.lock");
        this.lock = FileMutex.on(lockFile, LOCK_WAIT, "the role cache lock",
                "try again when it has finished (`lsof " + lockFile + "` shows which process it is)");
    }

    Path path() {
        return file;
    }

    /** The cache, or an empty one when the file is missing or unreadable (it is only a cache). */
    CacheData read() {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(BoundedFiles.read(file, BoundedFiles.MAX_STATE_BYTES))).toString();
        } catch (NoSuchFileException e) {
            return new CacheData();
        } catch (IOException e) {
            throw new AwsSsoException("cannot read the role cache " + file + ": " + e.getMessage(), e);
        }
        try {
            return CacheCodec.read(text);
        } catch (IllegalArgumentException e) {
            LOG.warn("ignoring the unreadable role cache {}: {}", file, e.getMessage());
            return new CacheData();
        }
    }

    /**
     * Reads the cache, lets {@code change} modify it, and writes it back, all under the lock.
     * Nothing is written when {@code change} throws.
     */
    @SuppressWarnings("try") // the lock is held for the whole block, not referenced in it
    <T> T update(Function<CacheData, T> change) {
        try (FileMutex.Held held = lock.acquire()) {
            CacheData data = read();
            T result = change.apply(data);
            write(data);
            return result;
        } catch (IOException e) {
            throw new AwsSsoException("cannot write the role cache " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(CacheData data) throws IOException {
        byte[] bytes = CacheCodec.write(data).getBytes(StandardCharsets.UTF_8);
        Path dir = file.getParent();
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, ".cache.json.", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            tmp = Files.createTempFile(dir, ".cache.json.", ".tmp");
        }
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            fsyncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not possible on every platform; the rename itself is atomic
        }
    }
}
