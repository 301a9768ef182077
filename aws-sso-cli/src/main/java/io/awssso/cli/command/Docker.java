package io.awssso.cli.command;

import io.awssso.api.AwsSsoException;
import io.awssso.cli.internal.CliEnvironment;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code docker} command-line client for {@code ecs docker start|stop}: found on the
 * run's {@code PATH}, given the run's environment (so {@code DOCKER_HOST},
 * {@code DOCKER_CONTEXT} and {@code DOCKER_API_VERSION} apply), never through a shell.
 */
final class Docker {
    private static final long TIMEOUT_SECONDS = 120;

    private final CliEnvironment environment;
    private final Path executable;

    private Docker(CliEnvironment environment, Path executable) {
        this.environment = environment;
        this.executable = executable;
    }

    /**
     * What one {@code docker} call produced.
     *
     * @param exitCode its exit status
     * @param out its stdout
     * @param err its stderr
     */
    record Result(int exitCode, String out, String err) {
        boolean ok() {
            return exitCode == 0;
        }

        /** The last non-blank line docker printed on stderr, for messages. */
        String reason() {
            List<String> lines = err.strip().lines().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "exit status " + exitCode : lines.get(lines.size() - 1).strip();
        }
    }

    /**
     * The client on the run's {@code PATH}.
     *
     * @throws AwsSsoException when there is none
     */
    static Docker find(CliEnvironment environment) {
        for (String dir : environment.get("PATH").orElse("").split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "docker");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return new Docker(environment, candidate);
            }
        }
        throw new AwsSsoException("the docker command is not on the PATH: install Docker (or a compatible client)"
                + " to run the ECS server in a container, or run `aws-sso ecs server` directly");
    }

    /** Runs {@code docker args...} and returns what it printed. */
    Result run(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(environment.variables());
        try {
            Process p = pb.start();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AwsSsoException("docker " + args.get(0) + " did not finish within " + TIMEOUT_SECONDS
                        + " seconds");
            }
            return new Result(p.exitValue(), out.get(), err.get());
        } catch (IOException e) {
            throw new AwsSsoException("cannot run " + executable + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsSsoException("interrupted while docker " + args.get(0) + " ran", e);
        } catch (ExecutionException e) {
            throw new AwsSsoException("cannot read the output of docker " + args.get(0), e.getCause());
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
