package io.awssso.cli.command;

import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.Terminal;
import io.awssso.cli.options.GlobalOptions;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code aws-sso} command: holds the global options and lists the sub-commands. */
@Command(
        name = "aws-sso",
        synopsisSubcommandLabel = "<command>",
        description = "Sign in to AWS IAM Identity Center (AWS SSO) and use role credentials.",
        subcommands = {ProcessCommand.class, ExecCommand.class, EvalCommand.class, CredentialsCommand.class,
                TimeCommand.class, LoginCommand.class, LogoutCommand.class, SelectCommand.class, SetupCommand.class, VersionCommand.class, CompleteCommand.class},
        optionListHeading = "%nOptions:%n",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run 'aws-sso <command> --help' for the options of a command."})
public final class AwsSsoCommand implements Callable<Integer> {
    @Mixin
    private GlobalOptions globalOptions;

    @Spec
    private CommandSpec spec;

    private final Terminal terminal;

    /**
     * Creates the top-level command.
     *
     * @param globalOptions the run's global options, shared with every sub-command
     * @param terminal where the usage goes when no command is given
     */
    @Inject
    public AwsSsoCommand(GlobalOptions globalOptions, Terminal terminal) {
        this.globalOptions = globalOptions;
        this.terminal = terminal;
    }

    /** Runs when no sub-command is given: that is a usage error, answered with the usage on stderr. */
    @Override
    public Integer call() {
        terminal.err().println("error: missing command");
        spec.commandLine().usage(terminal.err(), spec.commandLine().getColorScheme());
        return ExitCode.USAGE.code();
    }
}
