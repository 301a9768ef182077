package io.awssso.stores.onepassword;

import io.awssso.api.StoreUnavailableException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * Runs the 1Password CLI ({@code op}) with {@code --format json}, collecting stdout and stderr
 * concurrently, with a bounded wait: the desktop app may be waiting for an unlock nobody gives.
 * Secrets never travel on the command line (other processes can read it); templates are files.
 */
final class OpCommand {
    private final Path executable;
    private final Map<String, String> environment;
    private final List<String> globalFlags;
    private final Duration timeout;

    /**
     * @param environment the whole environment {@code op} gets
     * @param globalFlags flags before the subcommand ({@code --account ...} for desktop sign-in)
     */
    OpCommand(Path executable, Map<String, String> environment, List<String> globalFlags, Duration timeout) {
        this.executable = executable;
        this.environment = Map.copyOf(environment);
        this.globalFlags = List.copyOf(globalFlags);
        this.timeout = timeout;
    }

    /** The {@code op} program on {@code PATH} (taken from {@code env}, else this process's). */
    static Optional<Path> find(Map<String, String> env) {
        String path = env.getOrDefault("PATH", System.getenv("PATH"));
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "op");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code op <args> --format json} and returns its stdout.
     *
     * @throws StoreUnavailableException when op cannot run, fails, or hangs
     */
    String json(String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(globalFlags);
        command.addAll(List.of(args));
        command.add("--format");
        command.add("json");
        String what = "op " + String.join(" ", args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
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
            p.getOutputStream().close();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new StoreUnavailableException(what + " did not finish within " + timeout.toSeconds()
                        + " s (is the 1Password app waiting to be unlocked?)");
            }
            String stderr = new String(err.join(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                throw new StoreUnavailableException(what + " failed (exit " + p.exitValue() + "): "
                        + (stderr.isEmpty() ? "no message" : stderr));
            }
            return new String(out.join(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot talk to " + what + ": " + e.getMessage(), e);
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

    @Override
    public String toString() {
        return "OpCommand[" + executable + " " + String.join(" ", globalFlags) + "]";
    }
}
