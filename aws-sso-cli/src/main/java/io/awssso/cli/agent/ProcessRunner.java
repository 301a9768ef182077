package io.awssso.cli.agent;

import io.awssso.cli.command.ProcessAnswers;
import io.awssso.cli.internal.CliEnvironment;
import io.awssso.cli.internal.CommandRunner;
import io.awssso.cli.internal.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one {@code process} command line inside the agent exactly as a JVM started by the launcher
 * would (the stored-credentials answer of {@code ProcessFastPath}, else {@link CommandRunner}, the
 * code {@code Main.run} runs), with the request's environment, and captures its stdout, stderr and
 * exit code. The JVM is warm (classes loaded and compiled), and the engines of the stored-credentials
 * step are {@linkplain WarmEngines kept} (config read, store open), but the store is read on every
 * request, so credentials another process stored are seen and the reuse margin is judged by the
 * engine itself.
 */
final class ProcessRunner implements AutoCloseable {
    private final RoutedStream systemOut;
    private final RoutedStream systemErr;
    private final WarmEngines engines;

    /**
     * @param systemOut installed as {@code System.out}
     * @param systemErr installed as {@code System.err}
     */
    ProcessRunner(RoutedStream systemOut, RoutedStream systemErr) {
        this.systemOut = systemOut;
        this.systemErr = systemErr;
        this.engines = new WarmEngines(systemErr.printStream());
    }

    /** The kept engines (the agent's session check uses them too). */
    WarmEngines engines() {
        return engines;
    }

    /**
     * What {@code process} printed and returned.
     *
     * @param exit the exit code
     * @param out stdout's bytes
     * @param err stderr's bytes
     */
    record Outcome(int exit, byte[] out, byte[] err) {
        /** Without the output: stdout holds the secret key. */
        @Override
        public String toString() {
            return "Outcome[exit=" + exit + ", out=" + out.length + " bytes, err=" + err.length + " bytes]";
        }
    }

    Outcome run(Map<String, String> environment, String[] args) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream(1024);
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream(256);
        PrintStream out = new PrintStream(outBytes, false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, false, StandardCharsets.UTF_8);
        systemOut.route(out);
        systemErr.route(err);
        int exit;
        try {
            Path home = Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")));
            Optional<String> stored = ProcessAnswers.fromStore(args, environment, home, err,
                    engines.forEnvironment(environment));
            if (stored.isPresent()) {
                out.print(stored.get());
                exit = 0;
            } else {
                CliEnvironment env = new CliEnvironment(environment);
                exit = CommandRunner.run(Terminal.of(out, err, env), env, args);
            }
        } finally {
            systemOut.clear();
            systemErr.clear();
        }
        out.flush();
        err.flush();
        return new Outcome(exit, outBytes.toByteArray(), errBytes.toByteArray());
    }

    /** Closes the kept engines (their stores' connections). */
    @Override
    public void close() {
        engines.close();
    }
}
