package io.awssso.stores.pass;

import io.awssso.api.StoreUnavailableException;
import java.io.ByteArrayOutputStream;
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
 * Runs the {@code pass} program with the store's environment, feeding stdin and collecting stdout
 * and stderr concurrently (so that large entries cannot deadlock on a full pipe) with a bounded
 * wait (gpg may be waiting for a pinentry nobody answers).
 */
final class PassCommand {

    private final Path executable;
    private final Map<String, String> environment;
    private final Duration timeout;

    PassCommand(Path executable, Map<String, String> environment, Duration timeout) {
        this.executable = executable;
        this.environment = Map.copyOf(environment);
        this.timeout = timeout;
    }

    /** The {@code pass} program on {@code PATH} (taken from {@code env}, else this process's). */
    static Optional<Path> find(Map<String, String> env) {
        String path = env.getOrDefault("PATH", System.getenv("PATH"));
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "pass");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The result of one run. */
    record Result(int exitCode, byte[] stdout, String stderr) {
    }

    /** Runs {@code pass args...} with {@code stdin} (may be null). */
    Result run(byte[] stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(environment);
        String what = "pass " + String.join(" ", args);
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
                        + " s (is gpg waiting for a passphrase? check gpg-agent and pinentry)");
            }
            return new Result(p.exitValue(), out.join(),
                    new String(err.join(), StandardCharsets.UTF_8).strip());
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
