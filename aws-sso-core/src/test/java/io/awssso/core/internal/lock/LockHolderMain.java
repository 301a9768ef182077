package io.awssso.core.internal.lock;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child JVM by {@link CrossProcessLockTest}: takes the lock on a file ({@code shared} or
 * {@code exclusive}) as another aws-sso process would, reports its pid on stdout, and keeps the
 * lock until killed or its stdin closes.
 */
public final class LockHolderMain {
    private LockHolderMain() {
    }

    @SuppressWarnings("try") // the lock is held for the whole block, not referenced in it
    public static void main(String[] args) throws Exception {
        CrossProcessLock.Mode mode = args.length > 1 && args[1].equals("shared")
                ? CrossProcessLock.Mode.SHARED : CrossProcessLock.Mode.EXCLUSIVE;
        CrossProcessLock lock = CrossProcessLock.on(Path.of(args[0]), Duration.ofSeconds(30),
                f -> new IllegalStateException(f.toString(), f.cause()));
        try (CrossProcessLock.Held held = lock.acquire(mode, () -> { })) {
            System.out.println("locked " + ProcessHandle.current().pid());
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold on
            }
        }
    }
}
