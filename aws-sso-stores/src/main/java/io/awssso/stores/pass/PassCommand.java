package io.awssso.stores.pass;

import io.awssso.stores.internal.ExternalProgram;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        return ExternalProgram.find(env, "pass");
    }

    /** Runs {@code pass args...} with {@code stdin} (may be null). */
    ExternalProgram.Result run(byte[] stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(args));
        return ExternalProgram.run(command, environment, false, stdin, timeout, "pass " + String.join(" ", args),
                "is gpg waiting for a passphrase? check gpg-agent and pinentry");
    }
}
