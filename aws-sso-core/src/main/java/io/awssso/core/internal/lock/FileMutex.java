package io.awssso.core.internal.lock;

import io.awssso.api.AwsSsoException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * An exclusive lock shared by every aws-sso process of one user, on a file in the config
 * directory: a {@link CrossProcessLock} whose failures are {@link AwsSsoException}s that name what
 * the lock guards and say what to do. The kernel frees it when the holder dies, however it dies;
 * waiting is bounded; the holding thread may take it again (re-entry) without touching the file.
 */
public final class FileMutex {
    /** A waiter is told about the wait (once) when it has lasted this long. */
    public static final Duration NOTICE_AFTER = CrossProcessLock.NOTICE_AFTER;

    private final CrossProcessLock lock;

    private FileMutex(Path file, Duration timeout, String name, String advice) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(advice, "advice");
        // checks file and timeout
        this.lock = CrossProcessLock.on(file, timeout, failure -> toException(failure, name, advice));
    }

    /**
     * A mutex on {@code file} (created 0600 on first use, its directory 0700).
     *
     * @param timeout how long {@link #acquire} waits before it gives up
     * @param name what the lock guards, for messages ("the role cache lock")
     * @param advice what the person can do when the wait timed out
     */
    public static FileMutex on(Path file, Duration timeout, String name, String advice) {
        return new FileMutex(file, timeout, name, advice);
    }

    /** The lock file. */
    public Path file() {
        return lock.file();
    }

    /** Takes the lock, waiting at most the timeout. */
    public Held acquire() {
        return acquire(() -> { });
    }

    /**
     * Takes the lock, waiting at most the timeout; {@code onLongWait} runs once, on this thread,
     * when the wait has lasted {@link #NOTICE_AFTER}.
     *
     * @throws AwsSsoException naming the lock file when the wait timed out or was interrupted
     */
    public Held acquire(Runnable onLongWait) {
        return new Held(lock.acquire(CrossProcessLock.Mode.EXCLUSIVE, onLongWait));
    }

    private static AwsSsoException toException(CrossProcessLock.Failure failure, String name, String advice) {
        Path file = failure.file();
        return switch (failure.reason()) {
            case TIMED_OUT -> new AwsSsoException("timed out after " + CrossProcessLock.describe(failure.timeout())
                    + " waiting for " + name + " " + file + ", which another aws-sso process holds; " + advice);
            case INTERRUPTED -> new AwsSsoException("interrupted while waiting for " + name + " " + file,
                    failure.cause());
            case IO_ERROR -> new AwsSsoException("cannot lock " + file + ": " + failure.cause().getMessage(),
                    failure.cause());
        };
    }

    @Override
    public String toString() {
        return "FileMutex[" + file() + "]";
    }

    /** A held lock; {@link #close()} releases it. */
    public static final class Held implements AutoCloseable {
        private final CrossProcessLock.Held held;

        private Held(CrossProcessLock.Held held) {
            this.held = held;
        }

        /** Whether this holder has the file lock (false for a re-entry, and once released). */
        public boolean holdsFileLock() {
            return held.holdsFileLock();
        }

        /** Releases the lock (a re-entry only counts down). Never throws. */
        @Override
        public void close() {
            held.close();
        }
    }
}
