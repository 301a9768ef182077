package io.awssso.cli.command;

import io.awssso.cli.internal.Terminal;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code aws-sso ecs docker}: the parent of {@code ecs docker start} and {@code stop}. */
@Command(name = "docker",
        synopsisSubcommandLabel = "<command>",
        description = "Run the ECS credentials server in a Docker container (with the docker client).",
        subcommands = {EcsDockerStartCommand.class, EcsDockerStopCommand.class},
        optionListHeading = "%nOptions:%n",
        commandListHeading = "%nCommands:%n")
public final class EcsDockerCommand implements Callable<Integer> {
    /**
     * The container's name, for {@code start} and {@code stop}: aws-sso-cli's, so that scripts and
     * Docker Compose files written for it (which reach the server as
     * {@code http://aws-sso-cli-ecs-server:4144/}) keep working.
     */
    static final String CONTAINER = "aws-sso-cli-ecs-server";

    @Spec
    private CommandSpec spec;

    private final Terminal terminal;

    /**
     * Creates the command.
     *
     * @param terminal where the usage goes when no sub-command is given
     */
    @Inject
    public EcsDockerCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Runs when no sub-command is given: a usage error. */
    @Override
    public Integer call() {
        return SetupCommand.missingSubcommand(terminal, spec);
    }
}
