package io.awssso.cli.internal;

import io.awssso.cli.options.GlobalOptions;

/** Runs one command line: builds the object graph, parses, executes, and reports failures. */
public final class CommandRunner {
    private CommandRunner() {}

    /**
     * Runs {@code args} and returns the exit code; never throws for a failure of the command.
     *
     * @param terminal the run's stdout and stderr
     * @param environment the environment variables the run sees
     * @param args the command line
     * @return the process exit status
     */
    public static int run(Terminal terminal, CliEnvironment environment, String... args) {
        // Before the graph is built: building it may create the first logger.
        LoggingSetup.configureFromArguments(args);
        try {
            CliComponent component = CliComponent.create(terminal, environment);
            try {
                return component.commandLine().execute(args);
            } finally {
                component.engine().close();
            }
        } catch (RuntimeException e) {
            // Building the command tree failed (a bug); still report it the one documented way.
            return new FailureHandler(terminal, new GlobalOptions()).handle(e);
        } finally {
            terminal.flush();
        }
    }
}
