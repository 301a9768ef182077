package io.awssso.stores.internal;

import io.awssso.api.spi.FileLocks;
import io.awssso.api.spi.StoreContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The cross-process lock around every SecureStore read and read-modify-write, on
 * {@code <cfg>/storage.lock} as aws-sso-cli uses it: shared for reads, exclusive for writes.
 *
 * <p>It is the {@link FileLocks} the engine hands over in the {@link StoreContext}: an OS file
 * lock ({@code fcntl}), so the kernel releases it when the holding process dies, however it dies:
 * a crashed aws-sso never blocks the next one. Waiting is bounded (30 s by default), and the
 * timeout message names the lock file and how to find who holds it. A thread that already holds
 * the lock (a store read from inside an update's change function) re-enters without touching the
 * file.
 */
public final class StorageLock {

    /** The lock file's name in the config directory. */
    public static final String FILE_NAME = "storage.lock";
    /** How long to wait for the lock before giving up. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final FileLocks locks;
    private final Path file;
    private final Duration timeout;

    private StorageLock(FileLocks locks, Path lockFile, Duration timeout) {
        this.locks = Objects.requireNonNull(locks, "locks");
        this.file = lockFile.toAbsolutePath().normalize();
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The lock {@code <configDirectory>/storage.lock} of a store's context, with the default timeout. */
    public static StorageLock of(StoreContext context) {
        return new StorageLock(context.locks(), context.configDirectory().resolve(FILE_NAME), DEFAULT_TIMEOUT);
    }

    /**
     * The lock {@code <configDirectory>/storage.lock} with the default timeout, taken through the
     * {@linkplain FileLocks#installed() installed} locks (for stores built outside the engine).
     */
    public static StorageLock inDirectory(Path configDirectory) {
        return new StorageLock(FileLocks.installed(), configDirectory.resolve(FILE_NAME), DEFAULT_TIMEOUT);
    }

    /** A lock on {@code lockFile} that waits at most {@code timeout}, through the installed locks. */
    public static StorageLock on(Path lockFile, Duration timeout) {
        return new StorageLock(FileLocks.installed(), lockFile, timeout);
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    /** Takes the lock for reading (other readers may hold it too). */
    public FileLocks.Held shared() {
        return locks.acquire(file, FileLocks.Mode.SHARED, timeout);
    }

    /** Takes the lock for a read-modify-write (nobody else holds it). */
    public FileLocks.Held exclusive() {
        return locks.acquire(file, FileLocks.Mode.EXCLUSIVE, timeout);
    }

    @Override
    public String toString() {
        return "StorageLock[" + file + "]";
    }
}
