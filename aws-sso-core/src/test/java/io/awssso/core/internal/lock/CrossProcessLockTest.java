package io.awssso.core.internal.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.core.internal.lock.CrossProcessLock.Failure;
import io.awssso.core.internal.lock.CrossProcessLock.Held;
import io.awssso.core.internal.lock.CrossProcessLock.Mode;
import io.awssso.core.internal.lock.CrossProcessLock.Reason;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossProcessLockTest {
    private static final Runnable NO_NOTICE = () -> { };

    @TempDir
    Path cfg;

    private Process child;

    @AfterEach
    void killChild() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** What the test's failure function throws: the failure as the lock reported it. */
    static final class Failed extends RuntimeException {
        final transient Failure failure;

        Failed(Failure failure) {
            super(failure.reason() + " " + failure.file(), failure.cause());
            this.failure = failure;
        }
    }

    private static CrossProcessLock lock(Path file, Duration timeout) {
        return CrossProcessLock.on(file, timeout, Failed::new);
    }

    private static Failure failureOf(Runnable acquire) {
        try {
            acquire.run();
        } catch (Failed e) {
            return e.failure;
        }
        throw new AssertionError("the acquire did not fail");
    }

    /** Starts a JVM that takes the lock on {@code file} in {@code mode}, and waits until it holds it. */
    private Process holdInChildJvm(Path file, Mode mode) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = String.join(File.pathSeparator, location(LockHolderMain.class),
                location(CrossProcessLock.class));
        child = new ProcessBuilder(List.of(java, "-cp", classPath, LockHolderMain.class.getName(), file.toString(),
                mode == Mode.SHARED ? "shared" : "exclusive"))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).as("child JVM output").startsWith("locked");
        return child;
    }

    private static String location(Class<?> c) {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
    }

    @Test
    void acquire_whileAnotherProcessHoldsItExclusively_timesOutInEitherModeAfterTheTimeout() throws IOException {
        Path file = cfg.resolve("test.lock");
        holdInChildJvm(file, Mode.EXCLUSIVE);
        CrossProcessLock lock = lock(file, Duration.ofMillis(300));

        long start = System.nanoTime();
        Failure failure = failureOf(() -> lock.acquire(Mode.EXCLUSIVE, NO_NOTICE));
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(failure).isEqualTo(new Failure(Reason.TIMED_OUT, file, Duration.ofMillis(300), null));
        assertThat(waitedMs).isBetween(300L, 10_000L);
        assertThat(failureOf(() -> lock.acquire(Mode.SHARED, NO_NOTICE)).reason()).isEqualTo(Reason.TIMED_OUT);
    }

    @Test
    void shared_whileAnotherProcessReads_isGrantedButExclusiveWaits() throws IOException {
        Path file = cfg.resolve("test.lock");
        holdInChildJvm(file, Mode.SHARED);
        CrossProcessLock lock = lock(file, Duration.ofMillis(200));

        try (Held held = lock.acquire(Mode.SHARED, NO_NOTICE)) {
            assertThat(held.holdsFileLock()).isTrue();
            assertThat(held.isExclusiveFileLock()).isFalse();
        }
        assertThat(failureOf(() -> lock.acquire(Mode.EXCLUSIVE, NO_NOTICE)).reason()).isEqualTo(Reason.TIMED_OUT);
    }

    @Test
    void acquire_afterTheHoldingProcessIsKilled_isTaken() throws Exception {
        Path file = cfg.resolve("test.lock");
        Process holder = holdInChildJvm(file, Mode.EXCLUSIVE);
        assertThat(failureOf(() -> lock(file, Duration.ofMillis(100)).acquire(Mode.EXCLUSIVE, NO_NOTICE)).reason())
                .isEqualTo(Reason.TIMED_OUT);

        holder.destroyForcibly(); // SIGKILL: the holder gets no chance to unlock
        assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (Held held = lock(file, Duration.ofSeconds(30)).acquire(Mode.EXCLUSIVE, NO_NOTICE)) {
            assertThat(held.holdsFileLock()).isTrue();
            assertThat(held.isExclusiveFileLock()).isTrue();
        }
    }

    @Test
    void acquire_waitingLongerThanTheNoticeDelay_tellsOnce_butAShortWaitTellsNothing() throws IOException {
        Path file = cfg.resolve("test.lock");
        holdInChildJvm(file, Mode.EXCLUSIVE);
        AtomicInteger notices = new AtomicInteger();

        assertThat(failureOf(() -> lock(file, Duration.ofMillis(200)).acquire(Mode.EXCLUSIVE, notices::incrementAndGet))
                .reason()).isEqualTo(Reason.TIMED_OUT);
        assertThat(notices).hasValue(0);

        CrossProcessLock longer = lock(file, CrossProcessLock.NOTICE_AFTER.plusMillis(700));
        assertThat(failureOf(() -> longer.acquire(Mode.EXCLUSIVE, notices::incrementAndGet)).reason())
                .isEqualTo(Reason.TIMED_OUT);
        assertThat(notices).hasValue(1);
    }

    @Test
    @SuppressWarnings("try") // the lock is held for the block, not referenced in it
    void acquire_heldByAnotherThread_waitsWithTheNoticeAndGetsItWhenReleased() throws Exception {
        CrossProcessLock lock = lock(cfg.resolve("test.lock"), Duration.ofSeconds(30));
        CountDownLatch noticed = new CountDownLatch(1);
        CompletableFuture<Boolean> waiter;
        try (Held held = lock.acquire(Mode.EXCLUSIVE, NO_NOTICE)) {
            waiter = CompletableFuture.supplyAsync(() -> {
                try (Held mine = lock.acquire(Mode.EXCLUSIVE, noticed::countDown)) {
                    return mine.holdsFileLock();
                }
            });
            assertThat(noticed.await(30, TimeUnit.SECONDS)).as("the waiting thread was told").isTrue();
            assertThat(waiter).isNotDone();
        }
        assertThat(waiter.get(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void acquire_heldByAnotherThread_timesOutAfterTheTimeout() throws Exception {
        CrossProcessLock lock = lock(cfg.resolve("test.lock"), Duration.ofMillis(100));
        try (Held held = lock.acquire(Mode.EXCLUSIVE, NO_NOTICE)) {
            assertThat(held.holdsFileLock()).isTrue();
            CompletableFuture<Failure> other = CompletableFuture.supplyAsync(
                    () -> failureOf(() -> lock.acquire(Mode.SHARED, NO_NOTICE)));
            assertThat(other.get(30, TimeUnit.SECONDS).reason()).isEqualTo(Reason.TIMED_OUT);
        }
    }

    @Test
    void acquire_reenteredBySameThread_keepsTheFileLockUntilTheOutermostClose() throws Exception {
        Path file = cfg.resolve("test.lock");
        CrossProcessLock lock = lock(file, Duration.ofSeconds(30));
        Held outer = lock.acquire(Mode.EXCLUSIVE, NO_NOTICE);
        try (Held inner = lock.acquire(Mode.SHARED, NO_NOTICE)) {
            assertThat(outer.holdsFileLock()).isTrue();
            assertThat(outer.isExclusiveFileLock()).isTrue();
            assertThat(inner.holdsFileLock()).isFalse();
            assertThat(inner.isExclusiveFileLock()).isFalse();
        }
        assertThat(outer.holdsFileLock()).isTrue();
        outer.close();
        assertThat(outer.holdsFileLock()).isFalse();
        outer.close(); // a second close does nothing
        holdInChildJvm(file, Mode.EXCLUSIVE); // released completely: another process takes it
    }

    @Test
    void acquire_createsTheLockFileWithMode0600InPrivateDirectories() throws IOException {
        Path file = cfg.resolve("new/deeper/test.lock");
        try (Held held = lock(file, Duration.ofSeconds(30)).acquire(Mode.SHARED, NO_NOTICE)) {
            assertThat(held.holdsFileLock()).isTrue();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cfg.resolve("new"))))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void acquire_whenInterrupted_failsAsInterruptedAndKeepsTheInterruptStatus() throws Exception {
        CrossProcessLock lock = lock(cfg.resolve("test.lock"), Duration.ofSeconds(30));
        Thread.currentThread().interrupt();
        Failure failure;
        try {
            failure = failureOf(() -> lock.acquire(Mode.EXCLUSIVE, NO_NOTICE));
        } finally {
            assertThat(Thread.interrupted()).as("interrupt status kept").isTrue();
        }
        assertThat(failure.reason()).isEqualTo(Reason.INTERRUPTED);
        assertThat(failure.cause()).isInstanceOf(InterruptedException.class);
        try (Held held = lock.acquire(Mode.EXCLUSIVE, NO_NOTICE)) {
            assertThat(held.holdsFileLock()).isTrue();
        }
    }

    @Test
    void acquire_whenTheLockFileCannotBeCreated_failsAsAnIoErrorAndLeavesTheLockFree() throws Exception {
        Files.writeString(cfg.resolve("file"), "not a directory");
        Path file = cfg.resolve("file/test.lock");
        CrossProcessLock lock = lock(file, Duration.ofSeconds(30));

        Failure failure = failureOf(() -> lock.acquire(Mode.EXCLUSIVE, NO_NOTICE));
        assertThat(failure.reason()).isEqualTo(Reason.IO_ERROR);
        assertThat(failure.file()).isEqualTo(file);
        assertThat(failure.cause()).isInstanceOf(IOException.class);
        // another thread gets the same error at once, not a timeout: the in-process lock was released
        CompletableFuture<Failure> other = CompletableFuture.supplyAsync(
                () -> failureOf(() -> lock.acquire(Mode.EXCLUSIVE, NO_NOTICE)));
        assertThat(other.get(10, TimeUnit.SECONDS).reason()).isEqualTo(Reason.IO_ERROR);
    }

    @Test
    void on_negativeTimeout_isRejected() {
        assertThatThrownBy(() -> lock(cfg.resolve("test.lock"), Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lock timeout must not be negative");
    }

    @Test
    void describe_saysMinutesSecondsOrMilliseconds() {
        assertThat(CrossProcessLock.describe(Duration.ofMinutes(5))).isEqualTo("5 min");
        assertThat(CrossProcessLock.describe(Duration.ofSeconds(30))).isEqualTo("30 s");
        assertThat(CrossProcessLock.describe(Duration.ofSeconds(90))).isEqualTo("90 s");
        assertThat(CrossProcessLock.describe(Duration.ofMillis(300))).isEqualTo("300 ms");
    }
}
