package io.awssso.cli;

import io.awssso.cli.internal.CliEnvironment;
import io.awssso.cli.internal.CommandRunner;
import io.awssso.cli.internal.Terminal;
import java.io.PrintStream;
import java.util.Map;

/**
 * The {@code aws-sso} command. {@link #main} only exits with what {@link #run} returns, so tests
 * run the whole tool in-process with their own streams and environment.
 */
public final class Main {
    private Main() {}

    /**
     * Runs the tool and exits the JVM with its {@linkplain ExitCode exit code}.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /**
     * Runs the tool with the process environment.
     *
     * @param out where data goes (credentials, tables, version)
     * @param err where everything meant for a person goes (errors, logs, prompts)
     * @param args the command line
     * @return the {@linkplain ExitCode exit code}
     */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(out, err, System.getenv(), args);
    }

    /**
     * Runs the tool with the given environment instead of the process's, so callers (tests) never
     * depend on the real one.
     *
     * @param out where data goes (credentials, tables, version)
     * @param err where everything meant for a person goes (errors, logs, prompts)
     * @param environment the environment variables the tool sees
     * @param args the command line
     * @return the {@linkplain ExitCode exit code}
     */
    public static int run(PrintStream out, PrintStream err, Map<String, String> environment, String... args) {
        CliEnvironment env = new CliEnvironment(environment);
        Terminal terminal = Terminal.of(out, err, env);
        return CommandRunner.run(terminal, env, args);
    }
}
