package io.awssso.cli.command;

import io.awssso.api.AwsSsoException;
import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.CliEnvironment;
import io.awssso.cli.internal.Terminal;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aws-sso ecs docker stop}: stops and removes the ECS server's container. */
@Command(name = "stop", description = {
        "Stop and remove the ECS server's Docker container (" + EcsDockerCommand.CONTAINER + ").",
        "The credentials loaded into it are gone with it."},
        optionListHeading = "%nOptions:%n")
public final class EcsDockerStopCommand implements Callable<Integer> {
    @Option(names = "--version", hidden = true, paramLabel = "<version>",
            description = "Accepted for compatibility with aws-sso-cli; it changes nothing.")
    private String version;

    private final CliEnvironment environment;
    private final Terminal terminal;

    /**
     * Creates the command.
     *
     * @param environment the run's environment (PATH, DOCKER_HOST, ...)
     * @param terminal where messages go (stderr)
     */
    @Inject
    public EcsDockerStopCommand(CliEnvironment environment, Terminal terminal) {
        this.environment = environment;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        Docker docker = Docker.find(environment);
        Docker.Result stop = docker.run(List.of("stop", EcsDockerCommand.CONTAINER));
        if (!stop.ok()) {
            throw new AwsSsoException("cannot stop the container " + EcsDockerCommand.CONTAINER + ": "
                    + stop.reason());
        }
        Docker.Result rm = docker.run(List.of("rm", EcsDockerCommand.CONTAINER));
        if (!rm.ok()) {
            throw new AwsSsoException("stopped the container " + EcsDockerCommand.CONTAINER
                    + " but cannot remove it: " + rm.reason());
        }
        terminal.err().println("Stopped and removed the container " + EcsDockerCommand.CONTAINER + ".");
        return ExitCode.OK.code();
    }
}
