package io.awssso.api.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ServiceLoader;

/**
 * The lock on a file that every aws-sso process of one user respects: what a {@link SecureStore}
 * takes around each read (shared) and read-modify-write (exclusive), so that processes never lose
 * each other's updates. A store gets it from {@link StoreContext#locks()}; the engine
 * ({@code aws-sso-core}) implements it with an OS file lock, which the kernel frees when the
 * holder dies, however it dies.
 *
 * <p>A thread that holds the lock on a file may take it again, in either mode, without waiting.
 */
@FunctionalInterface
public interface FileLocks {

    /** How the lock is taken. */
    enum Mode {
        /** Others may hold it shared at the same time (reads). */
        SHARED,
        /** Nobody else holds it (read-modify-writes). */
        EXCLUSIVE
    }

    /**
     * Takes the lock on {@code file}, creating the file (0600) and its missing directories (0700).
     *
     * @param timeout how long to wait for other holders before giving up
     * @return the held lock; {@link Held#close()} releases it
     * @throws io.awssso.api.StoreUnavailableException when the wait lasted the whole timeout (the
     *     message names the file and how to find its holder), the thread was interrupted (its
     *     interrupt status is kept), or the file cannot be created or locked
     */
    Held acquire(Path file, Mode mode, Duration timeout);

    /** A held lock. */
    interface Held extends AutoCloseable {
        /** Whether this holder has the OS lock exclusively (false for re-entries and shared holders). */
        boolean isExclusiveFileLock();

        /** Releases the lock. Never throws. */
        @Override
        void close();
    }

    /**
     * The implementation on the module or class path (the engine's), found with
     * {@link ServiceLoader}: for stores built outside the engine, as tests build them.
     *
     * @throws IllegalStateException when there is none ({@code aws-sso-core} is missing)
     */
    static FileLocks installed() {
        return InstalledFileLocks.LOCKS;
    }
}
