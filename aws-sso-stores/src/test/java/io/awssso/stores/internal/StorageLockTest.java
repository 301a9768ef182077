package io.awssso.stores.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.StoreUnavailableException;
import io.awssso.api.spi.FileLocks;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * StorageLock's messages and exception type; the locking itself (other processes, a killed
 * holder, shared against exclusive) is CrossProcessLockTest's in aws-sso-core (the engine's FileLocks,
 * found here through FileLocks.installed()).
 */
class StorageLockTest {

    @TempDir
    Path cfg;

    @Test
    @SuppressWarnings("try") // the file lock is held for the block, not referenced in it
    void exclusive_whileTheFileIsLockedElsewhere_timesOutNamingTheLockAndLsof() throws IOException {
        Path file = cfg.resolve(StorageLock.FILE_NAME);
        StorageLock lock = StorageLock.on(file, Duration.ofMillis(200));
        // an OS lock that StorageLock did not take, as another aws-sso process holds it
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock elsewhere = channel.lock()) {
            assertThatThrownBy(lock::exclusive)
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("lsof " + file)
                    .hasMessage("timed out after 200 ms waiting for the secure store lock " + file
                            + "; another aws-sso process holds it (run 'lsof " + file
                            + "' to find the blocking process)");
            assertThatThrownBy(lock::shared).isInstanceOf(StoreUnavailableException.class);
        }
    }

    @Test
    void exclusive_reenteredBySameThread_doesNotDeadlock() {
        StorageLock lock = StorageLock.inDirectory(cfg);
        try (FileLocks.Held outer = lock.exclusive(); FileLocks.Held inner = lock.shared()) {
            assertThat(outer.isExclusiveFileLock()).isTrue();
            assertThat(inner.isExclusiveFileLock()).isFalse();
        }
        // released completely: another thread can take it
        try (FileLocks.Held again = StorageLock.on(cfg.resolve(StorageLock.FILE_NAME), Duration.ofSeconds(30))
                .exclusive()) {
            assertThat(again.isExclusiveFileLock()).isTrue();
        }
    }

    @Test
    void exclusive_heldByAnotherThread_blocksThisOneUntilTimeout() throws Exception {
        StorageLock lock = StorageLock.on(cfg.resolve(StorageLock.FILE_NAME), Duration.ofMillis(100));
        try (FileLocks.Held held = lock.exclusive()) {
            assertThat(held.isExclusiveFileLock()).isTrue();
            Thread t = new Thread(() -> assertThatThrownBy(lock::exclusive)
                    .isInstanceOf(StoreUnavailableException.class));
            Throwable[] failure = new Throwable[1];
            t.setUncaughtExceptionHandler((th, e) -> failure[0] = e);
            t.start();
            t.join();
            assertThat(failure[0]).isNull();
        }
    }

    @Test
    void exclusive_createsTheLockFileWithMode0600() throws IOException {
        try (FileLocks.Held held = StorageLock.inDirectory(cfg.resolve("new")).exclusive()) {
            assertThat(held.isExclusiveFileLock()).isTrue();
            Path file = cfg.resolve("new").resolve(StorageLock.FILE_NAME);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cfg.resolve("new"))))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void shared_whenInterrupted_isUnavailableNamingTheLock() {
        Path file = cfg.resolve(StorageLock.FILE_NAME);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> StorageLock.on(file, Duration.ofSeconds(30)).shared())
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessage("interrupted while waiting for the lock " + file)
                    .hasCauseInstanceOf(InterruptedException.class);
        } finally {
            assertThat(Thread.interrupted()).as("interrupt status kept").isTrue();
        }
    }

    @Test
    void exclusive_whenTheLockFileCannotBeCreated_isUnavailableNamingIt() throws IOException {
        Files.writeString(cfg.resolve("file"), "not a directory");
        Path file = cfg.resolve("file").resolve(StorageLock.FILE_NAME);

        assertThatThrownBy(() -> StorageLock.on(file, Duration.ofSeconds(30)).exclusive())
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("cannot lock " + file + ": ")
                .hasCauseInstanceOf(IOException.class);
    }
}
