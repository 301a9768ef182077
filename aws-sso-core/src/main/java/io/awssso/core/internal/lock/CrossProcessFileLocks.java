package io.awssso.core.internal.lock;

import io.awssso.api.StoreUnavailableException;
import io.awssso.api.spi.FileLocks;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The engine's {@link FileLocks}: a {@link CrossProcessLock} whose failures are
 * {@link StoreUnavailableException}s naming the lock file (and, on a timeout, how to find its
 * holder). The engine hands it to every store in its {@code StoreContext}; {@code ServiceLoader}
 * finds it for stores built outside the engine.
 */
public final class CrossProcessFileLocks implements FileLocks {
    private static final Runnable NO_NOTICE = () -> { };

    /** For {@code ServiceLoader}; the engine makes its own. */
    public CrossProcessFileLocks() {
    }

    @Override
    public Held acquire(Path file, Mode mode, Duration timeout) {
        CrossProcessLock.Held held = CrossProcessLock.on(file, timeout, CrossProcessFileLocks::toException)
                .acquire(mode == Mode.SHARED ? CrossProcessLock.Mode.SHARED : CrossProcessLock.Mode.EXCLUSIVE,
                        NO_NOTICE);
        return new Held() {
            @Override
            public boolean isExclusiveFileLock() {
                return held.isExclusiveFileLock();
            }

            @Override
            public void close() {
                held.close();
            }
        };
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
        return "CrossProcessFileLocks";
    }
}
