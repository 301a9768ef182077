package io.awssso.stores.internal;

import io.awssso.api.StoreUnavailableException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The cross-process lock around every SecureStore read and read-modify-write, on
 * {@code <cfg>/storage.lock} as aws-sso-cli uses it: shared for reads, exclusive for writes.
 *
 * <p>It is an OS file lock ({@code fcntl}), so the kernel releases it when the holding process
 * dies, however it dies: a crashed aws-sso never blocks the next one. Waiting is bounded (30 s by
 * default) with exponential backoff from 10 ms to 1 s plus jitter, and the timeout message names
 * the lock file and how to find who holds it.
 *
 * <p>The JVM hands file locks to the process, not to threads, and refuses a second lock on the
 * same file from the same process; so threads of one JVM first take an in-process lock per lock
 * file and only the holder takes the file lock. A thread that already holds the lock (a store read
 * from inside an update's change function) re-enters without touching the file.
 */
public final class StorageLock {

    /** The lock file's name in the config directory. */
    public static final String FILE_NAME = "storage.lock";
    /** How long to wait for the lock before giving up. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final long MIN_BACKOFF_MS = 10;
    private static final long MAX_BACKOFF_MS = 1_000;
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final Duration timeout;

    private StorageLock(Path lockFile, Duration timeout) {
        this.lockFile = lockFile.toAbsolutePath().normalize();
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("lock timeout must not be negative");
        }
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
        return lockFile;
    }

    /** Takes the lock for reading (other readers may hold it too). */
    public Held shared() {
        return acquire(true);
    }

    /** Takes the lock for a read-modify-write (nobody else holds it). */
    public Held exclusive() {
        return acquire(false);
    }

    private Held acquire(boolean shared) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        if (local.isHeldByCurrentThread()) {
            local.lock();
            return new Held(local, null, null);
        }
        try {
            if (!local.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw timedOut();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for the lock " + lockFile, e);
        }
        FileChannel channel = null;
        try {
            AtomicFiles.createPrivateFile(lockFile);
            channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
            long backoff = MIN_BACKOFF_MS;
            while (true) {
                FileLock fileLock;
                try {
                    fileLock = channel.tryLock(0, Long.MAX_VALUE, shared);
                } catch (OverlappingFileLockException e) {
                    // Only possible if this JVM locks the file by another path spelling; treat as busy.
                    fileLock = null;
                }
                if (fileLock != null) {
                    return new Held(local, channel, fileLock);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw timedOut();
                }
                long jitter = ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
                long sleepMs = Math.min(backoff / 2 + jitter, TimeUnit.NANOSECONDS.toMillis(left) + 1);
                Thread.sleep(Math.max(1, sleepMs));
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        } catch (IOException e) {
            closeQuietly(channel);
            local.unlock();
            throw new StoreUnavailableException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            closeQuietly(channel);
            local.unlock();
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for the lock " + lockFile, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            local.unlock();
            throw e;
        }
    }

    private StoreUnavailableException timedOut() {
        return new StoreUnavailableException("timed out after " + describe(timeout) + " waiting for the secure store lock "
                + lockFile + "; another aws-sso process holds it (run 'lsof " + lockFile
                + "' to find the blocking process)");
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing releases the lock; nothing more can be done
            }
        }
    }

    @Override
    public String toString() {
        return "StorageLock[" + lockFile + "]";
    }

    /** A held lock; {@link #close()} releases it. */
    public static final class Held implements AutoCloseable {
        private final ReentrantLock local;
        private final FileChannel channel;
        private final FileLock fileLock;
        private boolean released;

        private Held(ReentrantLock local, FileChannel channel, FileLock fileLock) {
            this.local = local;
            this.channel = channel;
            this.fileLock = fileLock;
        }

        /** Whether this holder has the file lock exclusively (false for re-entries and readers). */
        public boolean isExclusiveFileLock() {
            return fileLock != null && !fileLock.isShared();
        }

        /** Releases the lock. Never throws. */
        @Override
        public void close() {
            if (released) {
                return;
            }
            released = true;
            try {
                if (fileLock != null) {
                    fileLock.release();
                }
            } catch (IOException ignored) {
                // closing the channel below releases it anyway
            } finally {
                closeQuietly(channel);
                local.unlock();
            }
        }
    }
}
