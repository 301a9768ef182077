package io.awssso.cli.command;

import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.Engine;
import io.awssso.cli.internal.Terminal;
import io.awssso.cli.options.GlobalOptions;
import io.awssso.cli.options.OutputFormat.Format;
import io.awssso.cli.render.RefreshProgress;
import io.awssso.core.AwsSso;
import io.awssso.core.ListQuery;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code aws-sso} command: holds the global options and lists the sub-commands.
 * Run without a sub-command it is the reference's default command: refresh the role cache if it
 * has expired, then {@code list} the roles.
 */
@Command(
        name = "aws-sso",
        synopsisSubcommandLabel = "<command>",
        description = "Sign in to AWS IAM Identity Center (AWS SSO) and use role credentials.",
        subcommands = {ProcessCommand.class, ExecCommand.class, EvalCommand.class, CredentialsCommand.class,
                ConsoleCommand.class,
                TimeCommand.class, LoginCommand.class, LogoutCommand.class, ListCommand.class, CacheCommand.class,
                TagsCommand.class, ListSsoRolesCommand.class, SelectCommand.class, EcsCommand.class, SetupCommand.class, VersionCommand.class, CompleteCommand.class,
                AgentCommand.class},
        optionListHeading = "%nOptions:%n",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run 'aws-sso <command> --help' for the options of a command."})
public final class AwsSsoCommand implements Callable<Integer> {
    @Mixin
    private GlobalOptions globalOptions;

    @Spec
    private CommandSpec spec;

    private final Terminal terminal;
    private final Engine engine;

    /**
     * Creates the top-level command.
     *
     * @param globalOptions the run's global options, shared with every sub-command
     * @param terminal where the role list, or the usage when there is no config, goes
     * @param engine the library engine, for the default command
     */
    @Inject
    public AwsSsoCommand(GlobalOptions globalOptions, Terminal terminal, Engine engine) {
        this.globalOptions = globalOptions;
        this.terminal = terminal;
        this.engine = engine;
    }

    /**
     * Runs when no sub-command is given: refreshes the role cache when it has expired (which needs
     * a valid login), then prints the {@code list} table with the config's ListFields, sorted by
     * AccountId. Without a config file there is nothing to list, so that is a usage error, answered
     * with the usage on stderr.
     */
    @Override
    public Integer call() {
        AwsSso sso = engine.get();
        if (!Files.exists(sso.configFile())) {
            terminal.err().println("error: missing command (with a config file, 'aws-sso' alone lists your"
                    + " roles; there is none at " + sso.configFile() + ")");
            spec.commandLine().usage(terminal.err(), spec.commandLine().getColorScheme());
            return ExitCode.USAGE.code();
        }
        sso.refreshCatalogIfExpired(RefreshProgress.on(terminal));
        ListCommand.print(terminal, ListCommand.list(sso, ListQuery.defaults()), Format.TABLE, Clock.systemUTC());
        return ExitCode.OK.code();
    }
}
