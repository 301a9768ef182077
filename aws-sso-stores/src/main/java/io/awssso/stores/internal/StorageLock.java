package io.awssso.stores.internal;

import io.awssso.api.StoreUnavailableException;
import io.awssso.api.internal.lock.CrossProcessLock;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The cross-process lock around every SecureStore read and read-modify-write, on
 * {@code <cfg>/storage.lock} as aws-sso-cli uses it: shared for reads, exclusive for writes.
 *
 * <p>It is a {@link CrossProcessLock}: an OS file lock ({@code fcntl}), so the kernel releases it
 * when the holding process dies, however it dies: a crashed aws-sso never blocks the next one.
 * Waiting is bounded (30 s by default), and the timeout message names the lock file and how to
 * find who holds it. A thread that already holds the lock (a store read from inside an update's
 * change function) re-enters without touching the file.
 */
public final class StorageLock {

    /** The lock file's name in the config directory. */
    public static final String FILE_NAME = "storage.lock";
    /** How long to wait for the lock before giving up. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Runnable NO_NOTICE = () -> { };

    private final CrossProcessLock lock;

    private StorageLock(Path lockFile, Duration timeout) {
        this.lock = CrossProcessLock.on(lockFile, timeout, StorageLock::toException);
    }

    /** The lock {@code <configDirectory>/storage.lock} with the default timeout. */
    public static StorageLock inDirectory(Path configDirectory) {
        return new StorageLock(configDirectory.resolve(FILE_NAME), DEFAULT_TIMEOUT);
    }

    /** A lock on {@code lockFile} that waits at most {@code timeout}. */
    public static StorageLock on(Path lockFile, Duration timeout) {
        return new StorageLock(lockFile, timeout);
    }

    /** The lock file. */
    public Path file() {
        return lock.file();
    }

    /** Takes the lock for reading (other readers may hold it too). */
    public Held shared() {
        return new Held(lock.acquire(CrossProcessLock.Mode.SHARED, NO_NOTICE));
    }

    /** Takes the lock for a read-modify-write (nobody else holds it). */
    public Held exclusive() {
        return new Held(lock.acquire(CrossProcessLock.Mode.EXCLUSIVE, NO_NOTICE));
    }

    private static StoreUnavailableException toException(CrossProcessLock.Failure failure) {
        Path file = failure.file();
        return switch (failure.reason()) {
            case TIMED_OUT -> new StoreUnavailableException("timed out after "
                    + CrossProcessLock.describe(failure.timeout()) + " waiting for the secure store lock " + file
                    + "; another aws-sso process holds it (run 'lsof " + file + "' to find the blocking process)");
            case INTERRUPTED -> new StoreUnavailableException("interrupted while waiting for the lock " + file,
                    failure.cause());
            case IO_ERROR -> new StoreUnavailableException("cannot lock " + file + ": " + failure.cause().getMessage(),
                    failure.cause());
        };
    }

    @Override
    public String toString() {
        return "StorageLock[" + file() + "]";
    }

    /** A held lock; {@link #close()} releases it. */
    public static final class Held implements AutoCloseable {
        private final CrossProcessLock.Held held;

        private Held(CrossProcessLock.Held held) {
            this.held = held;
        }

        /** Whether this holder has the file lock exclusively (false for re-entries and readers). */
        public boolean isExclusiveFileLock() {
            return held.isExclusiveFileLock();
        }

        /** Releases the lock. Never throws. */
        @Override
        public void close() {
            held.close();
        }
    }
}
