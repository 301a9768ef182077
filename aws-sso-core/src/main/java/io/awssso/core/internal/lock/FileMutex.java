package io.awssso.core.internal.lock;

import io.awssso.api.AwsSsoException;
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

/**
 * An exclusive lock shared by every aws-sso process of one user, on a file in the config
 * directory. It is an OS file lock, so the kernel frees it when the holder dies, however it dies:
 * a killed aws-sso never blocks the next one. Waiting is bounded, and the timeout message names
 * the lock file and says what to do.
 *
 * <p>The JVM hands file locks to the process, not to threads, and refuses a second lock on one
 * file from one process; so threads of one JVM first queue on an in-process lock per file, and
 * only its holder takes the file lock. The holding thread may take it again (re-entry) without
 * touching the file.
 */
public final class FileMutex {
    /** A waiter is told about the wait (once) when it has lasted this long. */
    public static final Duration NOTICE_AFTER = Duration.ofSeconds(1);

    private static final long MIN_BACKOFF_MS = 10;
    private static final long MAX_BACKOFF_MS = 200;
    private static final Set<OpenOption> OPEN = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;
    private final Duration timeout;
    private final String name;
    private final String advice;

    private FileMutex(Path file, Duration timeout, String name, String advice) {
        this.file = file.toAbsolutePath().normalize();
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("lock timeout must not be negative");
        }
        this.name = Objects.requireNonNull(name, "name");
        this.advice = Objects.requireNonNull(advice, "advice");
    }

    /**
     * A mutex on {@code file} (created 0600 on first use, its directory 0700).
     *
     * @param timeout how long {@link #acquire} waits before it gives up
     * @param name what the lock guards, for messages ("the role cache lock")
     * @param advice what the person can do when the wait timed out
     */
    public static FileMutex on(Path file, Duration timeout, String name, String advice) {
        return new FileMutex(Objects.requireNonNull(file, "file"), timeout, name, advice);
    }

    /** The lock file. */
    public Path file() {
        return file;
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
        Wait wait = new Wait(System.nanoTime(), onLongWait);
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, p -> new ReentrantLock());
        if (local.isHeldByCurrentThread()) {
            local.lock();
            return new Held(local, null);
        }
        try {
            // another thread of this process holds it: wait for it, with the same notice and bound
            if (!local.tryLock(wait.untilNotice(), TimeUnit.NANOSECONDS)) {
                wait.noticeIfDue();
                if (!local.tryLock(wait.left(), TimeUnit.NANOSECONDS)) {
                    throw timedOut();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsSsoException("interrupted while waiting for " + name + " " + file, e);
        }
        FileChannel channel = null;
        try {
            createPrivateDirectories(file.getParent());
            channel = open(file);
            long backoff = MIN_BACKOFF_MS;
            while (true) {
                FileLock fileLock;
                try {
                    fileLock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    fileLock = null; // this JVM holds it by another spelling of the path: busy
                }
                if (fileLock != null) {
                    return new Held(local, channel); // closing the channel releases the file lock
                }
                wait.noticeIfDue();
                long left = wait.left();
                if (left <= 0) {
                    throw timedOut();
                }
                long jittered = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
                Thread.sleep(Math.max(1, Math.min(jittered, TimeUnit.NANOSECONDS.toMillis(left) + 1)));
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        } catch (IOException e) {
            release(local, channel);
            throw new AwsSsoException("cannot lock " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            release(local, channel);
            Thread.currentThread().interrupt();
            throw new AwsSsoException("interrupted while waiting for " + name + " " + file, e);
        } catch (RuntimeException | Error e) {
            release(local, channel);
            throw e;
        }
    }

    private AwsSsoException timedOut() {
        return new AwsSsoException("timed out after " + describe(timeout) + " waiting for " + name + " " + file
                + ", which another aws-sso process holds; " + advice);
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

    private static FileChannel open(Path file) throws IOException {
        try {
            return FileChannel.open(file, OPEN,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return FileChannel.open(file, OPEN);
        }
    }

    static String describe(Duration d) {
        if (d.toMillis() % 60_000 == 0 && d.toMinutes() > 0) {
            return d.toMinutes() + " min";
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
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
        return "FileMutex[" + file + "]";
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
        private boolean released;

        private Held(ReentrantLock local, FileChannel channel) {
            this.local = local;
            this.channel = channel;
        }

        /** Whether this holder has the file lock (false for a re-entry, and once released). */
        public boolean holdsFileLock() {
            return channel != null && channel.isOpen();
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
