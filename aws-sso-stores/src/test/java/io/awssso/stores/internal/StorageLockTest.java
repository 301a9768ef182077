package io.awssso.stores.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.StoreUnavailableException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageLockTest {

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

    /** Starts a JVM that locks {@code file} and waits until it reports holding the lock. */
    private Process holdInChildJvm(Path file, String mode) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path classes = Path.of(LockHolderMain.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        child = new ProcessBuilder(List.of(java, "-cp", classes.toString(),
                LockHolderMain.class.getName(), file.toString(), mode))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("child JVM output").startsWith("locked");
        return child;
    }

    @Test
    void exclusive_whileAnotherProcessHoldsIt_timesOutNamingTheLockAndLsof() throws IOException {
        Path file = cfg.resolve(StorageLock.FILE_NAME);
        holdInChildJvm(file, "exclusive");
        StorageLock lock = StorageLock.on(file, Duration.ofMillis(200));

        assertThatThrownBy(lock::exclusive)
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("lsof " + file);
        assertThatThrownBy(lock::shared).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void exclusive_afterTheHoldingProcessIsKilled_isAcquired() throws Exception {
        Path file = cfg.resolve(StorageLock.FILE_NAME);
        Process holder = holdInChildJvm(file, "exclusive");
        assertThatThrownBy(() -> StorageLock.on(file, Duration.ofMillis(100)).exclusive())
                .isInstanceOf(StoreUnavailableException.class);

        holder.destroyForcibly(); // SIGKILL: the holder gets no chance to unlock
        assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (StorageLock.Held held = StorageLock.on(file, StorageLock.DEFAULT_TIMEOUT).exclusive()) {
            assertThat(held.isExclusiveFileLock()).isTrue();
        }
    }

    @Test
    void shared_whileAnotherProcessReads_isGrantedButExclusiveWaits() throws IOException {
        Path file = cfg.resolve(StorageLock.FILE_NAME);
        holdInChildJvm(file, "shared");
        StorageLock lock = StorageLock.on(file, Duration.ofMillis(200));

        try (StorageLock.Held held = lock.shared()) {
            assertThat(held.isExclusiveFileLock()).isFalse();
        }
        assertThatThrownBy(lock::exclusive).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void exclusive_reenteredBySameThread_doesNotDeadlock() {
        StorageLock lock = StorageLock.inDirectory(cfg);
        try (StorageLock.Held outer = lock.exclusive(); StorageLock.Held inner = lock.shared()) {
            assertThat(outer.isExclusiveFileLock()).isTrue();
            assertThat(inner.isExclusiveFileLock()).isFalse();
        }
        // released completely: another thread can take it
        try (StorageLock.Held again = StorageLock.on(cfg.resolve(StorageLock.FILE_NAME), Duration.ofSeconds(30))
                .exclusive()) {
            assertThat(again.isExclusiveFileLock()).isTrue();
        }
    }

    @Test
    void exclusive_heldByAnotherThread_blocksThisOneUntilTimeout() throws Exception {
        StorageLock lock = StorageLock.on(cfg.resolve(StorageLock.FILE_NAME), Duration.ofMillis(100));
        try (StorageLock.Held held = lock.exclusive()) {
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
        try (StorageLock.Held held = StorageLock.inDirectory(cfg.resolve("new")).exclusive()) {
            assertThat(held.isExclusiveFileLock()).isTrue();
            Path file = cfg.resolve("new").resolve(StorageLock.FILE_NAME);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cfg.resolve("new"))))
                    .isEqualTo("rwx------");
        }
    }
}
