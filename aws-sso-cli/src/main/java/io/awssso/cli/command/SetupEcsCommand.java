package io.awssso.cli.command;

import io.awssso.cli.internal.Terminal;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code aws-sso setup ecs}: the parent of {@code setup ecs auth} and {@code setup ecs ssl}. */
@Command(name = "ecs",
        synopsisSubcommandLabel = "<command>",
        description = "Set up the ECS credentials server: its bearer token and its TLS certificate.",
        subcommands = {SetupEcsAuthCommand.class, SetupEcsSslCommand.class},
        optionListHeading = "%nOptions:%n",
        commandListHeading = "%nCommands:%n")
public final class SetupEcsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    private final Terminal terminal;

    /**
     * Creates the command.
     *
     * @param terminal where the usage goes when no sub-command is given
     */
    @Inject
    public SetupEcsCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Runs when no sub-command is given: a usage error. */
    @Override
    public Integer call() {
        return SetupCommand.missingSubcommand(terminal, spec);
    }
}
