package io.awssso.cli.command;

import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.Terminal;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code aws-sso setup}: the parent of the commands that set the tool up ({@code setup ecs},
 * and the profile, completion and wizard commands). It does nothing by itself.
 */
@Command(name = "setup",
        synopsisSubcommandLabel = "<command>",
        description = "Set up aws-sso: the ECS server's token and certificate, and more.",
        subcommands = {SetupEcsCommand.class, SetupCompletionsCommand.class, SetupProfilesCommand.class, SetupWizardCommand.class},
        optionListHeading = "%nOptions:%n",
        commandListHeading = "%nCommands:%n")
public final class SetupCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    private final Terminal terminal;

    /**
     * Creates the command.
     *
     * @param terminal where the usage goes when no sub-command is given
     */
    @Inject
    public SetupCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Runs when no sub-command is given: a usage error, answered with the usage on stderr. */
    @Override
    public Integer call() {
        return missingSubcommand(terminal, spec);
    }

    /** Prints {@code error: missing command} and the usage of {@code spec} on stderr. */
    static int missingSubcommand(Terminal terminal, CommandSpec spec) {
        terminal.err().println("error: missing command");
        spec.commandLine().usage(terminal.err(), spec.commandLine().getColorScheme());
        return ExitCode.USAGE.code();
    }
}
