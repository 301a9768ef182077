package io.awssso.cli.command;

import io.awssso.cli.agent.Agents;
import io.awssso.cli.internal.BuildInfo;
import io.awssso.cli.internal.CliEnvironment;
import io.awssso.cli.internal.Terminal;
import io.awssso.cli.options.GlobalOptions;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code aws-sso agent start|stop|status}: the per-user agent that answers {@code process} without
 * a JVM start (README, "Agent").
 */
@Command(name = "agent", description = "Start, stop or show the agent that answers `process` quickly.",
        optionListHeading = "%nOptions:%n", commandListHeading = "%nCommands:%n")
public final class AgentCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    private final GlobalOptions options;
    private final CliEnvironment environment;
    private final Terminal terminal;
    private final BuildInfo buildInfo;

    /**
     * Creates the command.
     *
     * @param options {@code --config}, which selects the agent
     * @param environment the run's environment (the agent keeps it)
     * @param terminal stdout for {@code status}, stderr for messages
     * @param buildInfo the version the agent file names
     */
    @Inject
    public AgentCommand(GlobalOptions options, CliEnvironment environment, Terminal terminal, BuildInfo buildInfo) {
        this.options = options;
        this.environment = environment;
        this.terminal = terminal;
        this.buildInfo = buildInfo;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: start, stop or status");
    }

    private Optional<String> config() {
        return options.config().map(Path::toString);
    }

    /**
     * Starts the agent: detached in the background unless {@code --foreground}.
     *
     * @param foreground run in this process until the agent stops
     * @return the exit code
     */
    @Command(name = "start", description = {"Start the agent in the background (its own session, output to"
            + " agent.log in the runtime directory); returns once it serves.",
            "With --foreground it runs in this process until it stops."})
    public int start(@Option(names = "--foreground", description = "Run in this process.") boolean foreground) {
        terminal.flush();
        if (foreground) {
            return Agents.runForeground(config(), environment.variables(), environment.home(), buildInfo.version(),
                    terminal.errStream());
        }
        return Agents.startDetached(config(), environment.variables(), environment.home(), buildInfo.version(),
                terminal.errStream());
    }

    /**
     * Stops the running agent.
     *
     * @return the exit code
     */
    @Command(name = "stop", description = "Stop the running agent.")
    public int stop() {
        boolean was = Agents.stopRunning(config(), environment.variables(), environment.home());
        terminal.err().println(was ? "the agent was stopped" : "no agent was running");
        return 0;
    }

    /**
     * Prints the running agent's pid, uptime, instances, requests served and idle time left.
     *
     * @param json print the status document as JSON
     * @return the exit code: 1 when no agent runs
     */
    @Command(name = "status", description = "Print the agent's pid, uptime, instances, requests served and idle"
            + " time left (exit code 1 when none runs).")
    public int status(@Option(names = "--json", description = "Print the status as JSON.") boolean json) {
        return Agents.status(config(), environment.variables(), environment.home(), buildInfo.version(), json,
                terminal.out(), terminal.errStream());
    }
}
