package io.awssso.core.internal.lock;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child JVM by {@link FileMutexTest}: takes a {@link FileMutex} as another aws-sso
 * process would, reports its pid on stdout, and keeps the lock until killed or its stdin closes.
 */
public final class LockHolderMain {
    private LockHolderMain() {
    }

    @SuppressWarnings("try") // the lock is held for the whole block, not referenced in it
    public static void main(String[] args) throws Exception {
        FileMutex mutex = FileMutex.on(Path.of(args[0]), Duration.ofSeconds(30), "the test lock", "see the test");
        try (FileMutex.Held held = mutex.acquire()) {
            System.out.println("locked " + ProcessHandle.current().pid());
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold on
            }
        }
    }
}
