package io.awssso.stores.internal;

import io.awssso.api.StoreUnavailableException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a store's helper program ({@code pass}, {@code op}): stdin fed and stdout and stderr
 * collected concurrently (so that a large entry cannot deadlock on a full pipe), with a bounded
 * wait (gpg's pinentry or the 1Password app may wait for an answer nobody gives).
 */
public final class ExternalProgram {
    private ExternalProgram() {}

    /** What one run gave. */
    public record Result(int exitCode, byte[] stdout, String stderr) {}

    /** The program {@code name} on {@code PATH} (taken from {@code env}, else this process's). */
    public static Optional<Path> find(Map<String, String> env, String name) {
        String path = env.getOrDefault("PATH", System.getenv("PATH"));
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code command} and waits at most {@code timeout}.
     *
     * @param environment the variables the program gets (added to this process's, or alone when
     *     {@code ownEnvironmentOnly})
     * @param stdin written to the program's input, then closed (may be null: closed at once)
     * @param what the command as a message names it ({@code pass show x}), never a secret
     * @param hangHint appended to the timeout message: what the program is probably waiting for
     * @throws StoreUnavailableException when the program cannot start, hangs or the wait is interrupted
     */
    public static Result run(List<String> command, Map<String, String> environment, boolean ownEnvironmentOnly,
            byte[] stdin, Duration timeout, String what, String hangHint) {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
        if (ownEnvironmentOnly) {
            pb.environment().clear();
        }
        pb.environment().putAll(environment);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot run " + what + ": " + e.getMessage(), e);
        }
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try {
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            } catch (IOException e) {
                // the program exited without reading its input; its exit code and stderr tell why
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new StoreUnavailableException(what + " did not finish within " + timeout.toSeconds()
                        + " s (" + hangHint + ")");
            }
            return new Result(p.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8).strip());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while running " + what, e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
