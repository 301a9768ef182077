package io.awssso.core.internal.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.AwsSsoException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FileMutex's messages and exception type; the locking itself (other processes, a killed holder,
 * the notice's timing) is CrossProcessLockTest's.
 */
class FileMutexTest {
    @TempDir
    Path cfg;

    private FileMutex mutex(Path file, Duration timeout) {
        return FileMutex.on(file, timeout, "the test lock", "do what the test says");
    }

    /** An OS lock on {@code file} that FileMutex did not take, as another aws-sso process holds it. */
    private static FileChannel openElsewhere(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    @Test
    @SuppressWarnings("try") // the file lock is held for the block, not referenced in it
    void acquire_whileTheFileIsLockedElsewhere_timesOutNamingTheLockFileAndWhatToDo() throws IOException {
        Path file = cfg.resolve("login.lock");
        try (FileChannel channel = openElsewhere(file); FileLock elsewhere = channel.lock()) {
            assertThatThrownBy(() -> mutex(file, Duration.ofMillis(300)).acquire())
                    .isInstanceOf(AwsSsoException.class)
                    .hasMessageContaining("timed out after 300 ms waiting for the test lock " + file)
                    .hasMessageContaining("another aws-sso process")
                    .hasMessageEndingWith("do what the test says")
                    .hasMessage("timed out after 300 ms waiting for the test lock " + file
                            + ", which another aws-sso process holds; do what the test says");
        }
    }

    @Test
    @SuppressWarnings("try") // the file lock is held for the block, not referenced in it
    void acquire_waitingLongerThanTheNoticeDelay_tellsOnce() throws IOException {
        Path file = cfg.resolve("login.lock");
        AtomicInteger notices = new AtomicInteger();
        try (FileChannel channel = openElsewhere(file); FileLock elsewhere = channel.lock()) {
            assertThatThrownBy(() -> mutex(file, FileMutex.NOTICE_AFTER.plusMillis(300))
                    .acquire(notices::incrementAndGet))
                    .isInstanceOf(AwsSsoException.class);
        }
        assertThat(notices).hasValue(1);
    }

    @Test
    void acquire_reenteredBySameThread_keepsTheFileLockUntilTheOutermostClose() throws Exception {
        FileMutex lock = mutex(cfg.resolve("login.lock"), Duration.ofSeconds(30));
        FileMutex.Held outer = lock.acquire();
        try (FileMutex.Held inner = lock.acquire()) {
            assertThat(outer.holdsFileLock()).isTrue();
            assertThat(inner.holdsFileLock()).isFalse();
        }
        assertThat(outer.holdsFileLock()).isTrue();
        outer.close();
        assertThat(outer.holdsFileLock()).isFalse();
        // released completely: another thread takes it at once
        CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> {
            try (FileMutex.Held mine = mutex(cfg.resolve("login.lock"), Duration.ZERO).acquire()) {
                return mine.holdsFileLock();
            }
        });
        assertThat(other.get(30, TimeUnit.SECONDS)).isTrue();
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

    @Test
    void acquire_whenInterrupted_failsNamingTheLock() {
        Path file = cfg.resolve("login.lock");
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> mutex(file, Duration.ofSeconds(30)).acquire())
                    .isInstanceOf(AwsSsoException.class)
                    .hasMessage("interrupted while waiting for the test lock " + file)
                    .hasCauseInstanceOf(InterruptedException.class);
        } finally {
            assertThat(Thread.interrupted()).as("interrupt status kept").isTrue();
        }
    }

    @Test
    void acquire_whenTheLockFileCannotBeCreated_failsNamingIt() throws IOException {
        Files.writeString(cfg.resolve("file"), "not a directory");
        Path file = cfg.resolve("file/login.lock");

        assertThatThrownBy(() -> mutex(file, Duration.ofSeconds(30)).acquire())
                .isInstanceOf(AwsSsoException.class)
                .hasMessageStartingWith("cannot lock " + file + ": ")
                .hasCauseInstanceOf(IOException.class);
    }
}
