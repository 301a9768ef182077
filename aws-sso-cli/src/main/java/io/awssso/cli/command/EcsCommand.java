package io.awssso.cli.command;

import io.awssso.cli.internal.Terminal;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code aws-sso ecs}: the parent of the ECS credentials server and its client commands. The
 * server emulates the ECS task-role endpoint, so any AWS SDK reads the credentials loaded into it
 * through {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}.
 */
@Command(name = "ecs",
        synopsisSubcommandLabel = "<command>",
        description = {
        "Run the ECS credentials server and load role credentials into it.",
        "AWS SDKs read them with AWS_CONTAINER_CREDENTIALS_FULL_URI=http://127.0.0.1:4144/ "
        + "(default slot) or .../slot/<profile>, and AWS_CONTAINER_AUTHORIZATION_TOKEN='Bearer "
        + "<token>'."},
        subcommands = {EcsServerCommand.class, EcsLoadCommand.class, EcsUnloadCommand.class,
                EcsListCommand.class, EcsProfileCommand.class, EcsDockerCommand.class},
        optionListHeading = "%nOptions:%n",
        commandListHeading = "%nCommands:%n")
public final class EcsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    private final Terminal terminal;

    /**
     * Creates the command.
     *
     * @param terminal where the usage goes when no sub-command is given
     */
    @Inject
    public EcsCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Runs when no sub-command is given: a usage error. */
    @Override
    public Integer call() {
        return SetupCommand.missingSubcommand(terminal, spec);
    }
}
