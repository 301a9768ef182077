package io.awssso.core.internal.lock;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A lock shared by every aws-sso process of one user, on a file in the config directory: shared
 * (readers) or exclusive. It is an OS file lock ({@code fcntl}), so the kernel frees it when the
 * holder dies, however it dies: a killed aws-sso never blocks the next one. Waiting is bounded,
 * with exponential backoff from 10 ms to 200 ms plus jitter; a waiter can be told once that the
 * wait is taking long. The lock file is created 0600 and its missing directories 0700.
 *
 * <p>The JVM hands file locks to the process, not to threads, and refuses a second lock on one
 * file from one process; so threads of one JVM first queue on an in-process lock per file, and
 * only its holder takes the file lock. The holding thread may take it again (re-entry, in either
 * mode) without touching the file.
 *
 * <p>Failures are the caller's to word: a timeout, an interrupt or an I/O error is handed to the
 * caller's function as a {@link Failure}, and what it returns is thrown.
 */
public final class CrossProcessLock {
    /** A waiter is told about the wait (once) when it has lasted this long. */
    public static final Duration NOTICE_AFTER = Duration.ofSeconds(1);

    private static final long MIN_BACKOFF_MS = 10;
    private static final long MAX_BACKOFF_MS = 200;
    private static final Set<OpenOption> OPEN =
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    /** How the lock is taken. */
    public enum Mode {
        /** Others may hold it shared at the same time (reads). */
        SHARED,
        /** Nobody else holds it (writes, logins). */
        EXCLUSIVE
    }

    /** Why an acquire failed. */
    public enum Reason {
        /** The wait lasted the whole timeout. */
        TIMED_OUT,
        /** The waiting thread was interrupted; its interrupt status is set again. */
        INTERRUPTED,
        /** The lock file could not be created, opened or locked. */
        IO_ERROR
    }

    /**
     * A failed acquire, for the caller to turn into its own exception.
     *
     * @param cause the {@link InterruptedException} or {@link IOException}; null for a timeout
     */
    public record Failure(Reason reason, Path file, Duration timeout, Exception cause) {
    }

    private final Path file;
    private final Duration timeout;
    private final Function<? super Failure, ? extends RuntimeException> failures;

    private CrossProcessLock(Path file, Duration timeout,
            Function<? super Failure, ? extends RuntimeException> failures) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("lock timeout must not be negative");
        }
        this.failures = Objects.requireNonNull(failures, "failures");
    }

    /**
     * A lock on {@code file}.
     *
     * @param timeout how long an acquire waits before it gives up
     * @param failures the exception to throw for a failed acquire
     */
    public static CrossProcessLock on(Path file, Duration timeout,
            Function<? super Failure, ? extends RuntimeException> failures) {
        return new CrossProcessLock(file, timeout, failures);
    }

    /** The lock file (absolute). */
    public Path file() {
        return file;
    }

    /** How long an acquire waits. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Takes the lock, waiting at most the timeout; {@code onLongWait} runs once, on this thread,
     * when the wait has lasted {@link #NOTICE_AFTER}.
     *
     * @throws RuntimeException what the failure function returns, when the wait timed out or was
     *     interrupted or the lock file could not be used
     */
    public Held acquire(Mode mode, Runnable onLongWait) {
        Objects.requireNonNull(mode, "mode");
        Wait wait = new Wait(System.nanoTime(), onLongWait);
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, p -> new ReentrantLock());
        if (local.isHeldByCurrentThread()) {
            local.lock();
            return new Held(local, null, null);
        }
        try {
            // another thread of this process holds it: wait for it, with the same notice and bound
            if (!local.tryLock(wait.untilNotice(), TimeUnit.NANOSECONDS)) {
                wait.noticeIfDue();
                if (!local.tryLock(wait.left(), TimeUnit.NANOSECONDS)) {
                    throw failure(Reason.TIMED_OUT, null);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(Reason.INTERRUPTED, e);
        }
        FileChannel channel = null;
        try {
            channel = open(file);
            long backoff = MIN_BACKOFF_MS;
            while (true) {
                FileLock fileLock;
                try {
                    fileLock = channel.tryLock(0, Long.MAX_VALUE, mode == Mode.SHARED);
                } catch (OverlappingFileLockException e) {
                    fileLock = null; // this JVM holds it by another spelling of the path: busy
                }
                if (fileLock != null) {
                    return new Held(local, channel, fileLock);
                }
                wait.noticeIfDue();
                long left = wait.left();
                if (left <= 0) {
                    throw failure(Reason.TIMED_OUT, null);
                }
                long jittered = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
                Thread.sleep(Math.max(1, Math.min(jittered, TimeUnit.NANOSECONDS.toMillis(left) + 1)));
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        } catch (IOException e) {
            release(local, channel);
            throw failure(Reason.IO_ERROR, e);
        } catch (InterruptedException e) {
            release(local, channel);
            Thread.currentThread().interrupt();
            throw failure(Reason.INTERRUPTED, e);
        } catch (RuntimeException | Error e) {
            release(local, channel);
            throw e;
        }
    }

    private RuntimeException failure(Reason reason, Exception cause) {
        return Objects.requireNonNull(failures.apply(new Failure(reason, file, timeout, cause)),
                "the failure function returned null");
    }

    /** A timeout for a message: "300 ms", "30 s", "5 min". */
    public static String describe(Duration d) {
        if (d.toMillis() % 60_000 == 0 && d.toMinutes() > 0) {
            return d.toMinutes() + " min";
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Opens {@code file} for locking in either mode, creating it 0600 and its directory 0700. */
    private static FileChannel open(Path file) throws IOException {
        createPrivateDirectories(file.getParent());
        try {
            return FileChannel.open(file, OPEN,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return FileChannel.open(file, OPEN);
        }
    }

    /** Creates {@code dir} and its missing parents with mode 0700 where the file system has modes. */
    private static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }

    private static void release(ReentrantLock local, FileChannel channel) {
        try {
            if (channel != null) {
                channel.close(); // closing the channel releases its file lock
            }
        } catch (IOException ignored) {
            // nothing more can be done; the kernel frees the lock when the process ends
        } finally {
            local.unlock();
        }
    }

    @Override
    public String toString() {
        return "CrossProcessLock[" + file + "]";
    }

    /** The clock of one acquire: its deadline and its one-time notice. */
    private final class Wait {
        private final long start;
        private final Runnable onLongWait;
        private boolean noticed;

        Wait(long start, Runnable onLongWait) {
            this.start = start;
            this.onLongWait = Objects.requireNonNull(onLongWait, "onLongWait");
        }

        long left() {
            return start + timeout.toNanos() - System.nanoTime();
        }

        long untilNotice() {
            return Math.max(0, Math.min(left(), start + NOTICE_AFTER.toNanos() - System.nanoTime()));
        }

        void noticeIfDue() {
            if (!noticed && System.nanoTime() - start >= NOTICE_AFTER.toNanos()) {
                noticed = true;
                onLongWait.run();
            }
        }
    }

    /** A held lock; {@link #close()} releases it. */
    public static final class Held implements AutoCloseable {
        private final ReentrantLock local;
        private final FileChannel channel; // null for a re-entry
        private final FileLock fileLock; // null for a re-entry
        private boolean released;

        private Held(ReentrantLock local, FileChannel channel, FileLock fileLock) {
            this.local = local;
            this.channel = channel;
            this.fileLock = fileLock;
        }

        /** Whether this holder has the file lock (false for a re-entry, and once released). */
        public boolean holdsFileLock() {
            return fileLock != null && fileLock.isValid();
        }

        /** Whether this holder took the file lock exclusively (false for re-entries and readers). */
        public boolean isExclusiveFileLock() {
            return fileLock != null && !fileLock.isShared();
        }

        /** Releases the lock (a re-entry only counts down). Never throws. */
        @Override
        public void close() {
            if (released) {
                return;
            }
            released = true;
            release(local, channel);
        }
    }
}
