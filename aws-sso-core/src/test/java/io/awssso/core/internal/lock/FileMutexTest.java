package io.awssso.core.internal.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.AwsSsoException;
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

class FileMutexTest {
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

    private FileMutex mutex(Path file, Duration timeout) {
        return FileMutex.on(file, timeout, "the test lock", "do what the test says");
    }

    /** Starts a JVM that takes the mutex on {@code file}, and waits until it holds it. */
    private Process holdInChildJvm(Path file) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = String.join(File.pathSeparator, location(LockHolderMain.class),
                location(FileMutex.class), location(AwsSsoException.class));
        child = new ProcessBuilder(List.of(java, "-cp", classPath, LockHolderMain.class.getName(), file.toString()))
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
    void acquire_whileAnotherProcessHoldsIt_timesOutNamingTheLockFileAndWhatToDo() throws IOException {
        Path file = cfg.resolve("login.lock");
        holdInChildJvm(file);

        assertThatThrownBy(() -> mutex(file, Duration.ofMillis(300)).acquire())
                .isInstanceOf(AwsSsoException.class)
                .hasMessageContaining("timed out after 300 ms waiting for the test lock " + file)
                .hasMessageContaining("another aws-sso process")
                .hasMessageEndingWith("do what the test says");
    }

    @Test
    void acquire_afterTheHoldingProcessIsKilled_isTaken() throws Exception {
        Path file = cfg.resolve("login.lock");
        Process holder = holdInChildJvm(file);
        assertThatThrownBy(() -> mutex(file, Duration.ofMillis(100)).acquire()).isInstanceOf(AwsSsoException.class);

        holder.destroyForcibly(); // SIGKILL: the holder gets no chance to unlock
        assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (FileMutex.Held held = mutex(file, Duration.ofSeconds(30)).acquire()) {
            assertThat(held.holdsFileLock()).isTrue();
        }
    }

    @Test
    void acquire_waitingLongerThanTheNoticeDelay_tellsOnce_butAShortWaitTellsNothing() throws IOException {
        Path file = cfg.resolve("login.lock");
        holdInChildJvm(file);
        AtomicInteger notices = new AtomicInteger();

        assertThatThrownBy(() -> mutex(file, Duration.ofMillis(200)).acquire(notices::incrementAndGet))
                .isInstanceOf(AwsSsoException.class);
        assertThat(notices).hasValue(0);

        assertThatThrownBy(() -> mutex(file, FileMutex.NOTICE_AFTER.plusMillis(700)).acquire(notices::incrementAndGet))
                .isInstanceOf(AwsSsoException.class);
        assertThat(notices).hasValue(1);
    }

    @Test
    @SuppressWarnings("try") // the lock is held for the block, not referenced in it
    void acquire_heldByAnotherThread_waitsWithTheNoticeAndGetsItWhenReleased() throws Exception {
        FileMutex lock = mutex(cfg.resolve("login.lock"), Duration.ofSeconds(30));
        CountDownLatch noticed = new CountDownLatch(1);
        CompletableFuture<Boolean> waiter;
        try (FileMutex.Held held = lock.acquire()) {
            waiter = CompletableFuture.supplyAsync(() -> {
                try (FileMutex.Held mine = lock.acquire(noticed::countDown)) {
                    return mine.holdsFileLock();
                }
            });
            assertThat(noticed.await(30, TimeUnit.SECONDS)).as("the waiting thread was told").isTrue();
            assertThat(waiter).isNotDone();
        }
        assertThat(waiter.get(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void acquire_reenteredBySameThread_keepsTheFileLockUntilTheOutermostClose() throws Exception {
        Path file = cfg.resolve("login.lock");
        FileMutex lock = mutex(file, Duration.ofSeconds(30));
        try (FileMutex.Held outer = lock.acquire()) {
            try (FileMutex.Held inner = lock.acquire()) {
                assertThat(outer.holdsFileLock()).isTrue();
                assertThat(inner.holdsFileLock()).isFalse();
            }
            assertThat(outer.holdsFileLock()).isTrue();
        }
        holdInChildJvm(file); // released completely: another process takes it at once
    }

    @Test
    void acquire_createsTheLockFileWithMode0600InAPrivateDirectory() throws IOException {
        Path file = cfg.resolve("new/login.lock");
        try (FileMutex.Held held = mutex(file, Duration.ofSeconds(30)).acquire()) {
            assertThat(held.holdsFileLock()).isTrue();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                    .isEqualTo("rwx------");
        }
    }
}
