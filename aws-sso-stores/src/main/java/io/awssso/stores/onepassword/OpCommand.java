package io.awssso.stores.onepassword;

import io.awssso.api.StoreUnavailableException;
import io.awssso.stores.internal.ExternalProgram;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        return ExternalProgram.find(env, "op");
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
        ExternalProgram.Result r = ExternalProgram.run(command, environment, true, null, timeout, what,
                "is the 1Password app waiting to be unlocked?");
        if (r.exitCode() != 0) {
            throw new StoreUnavailableException(what + " failed (exit " + r.exitCode() + "): "
                    + (r.stderr().isEmpty() ? "no message" : r.stderr()));
        }
        return new String(r.stdout(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "OpCommand[" + executable + " " + String.join(" ", globalFlags) + "]";
    }
}
