package io.awssso.cli.internal;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ClassKey;
import dagger.multibindings.IntoMap;
import io.awssso.cli.ExitCode;
import io.awssso.cli.command.AwsSsoCommand;
import io.awssso.cli.command.EcsCommand;
import io.awssso.cli.command.EcsServerCommand;
import io.awssso.cli.command.EcsLoadCommand;
import io.awssso.cli.command.EcsUnloadCommand;
import io.awssso.cli.command.EcsListCommand;
import io.awssso.cli.command.EcsProfileCommand;
import io.awssso.cli.command.EcsDockerCommand;
import io.awssso.cli.command.EcsDockerStartCommand;
import io.awssso.cli.command.EcsDockerStopCommand;
import io.awssso.cli.command.SetupEcsSslCommand;
import io.awssso.cli.command.CacheCommand;
import io.awssso.cli.command.CompleteCommand;
import io.awssso.cli.command.CredentialsCommand;
import io.awssso.cli.command.EvalCommand;
import io.awssso.cli.command.ExecCommand;
import io.awssso.cli.command.ListCommand;
import io.awssso.cli.command.LoginCommand;
import io.awssso.cli.command.LogoutCommand;
import io.awssso.cli.command.ProcessCommand;
import io.awssso.cli.command.SetupCommand;
import io.awssso.cli.command.SetupCompletionsCommand;
import io.awssso.cli.command.SetupEcsAuthCommand;
import io.awssso.cli.command.SetupEcsCommand;
import io.awssso.cli.command.ListSsoRolesCommand;
import io.awssso.cli.command.TagsCommand;
import io.awssso.cli.command.TimeCommand;
import io.awssso.cli.command.SelectCommand;
import io.awssso.cli.command.SetupWizardCommand;
import io.awssso.cli.command.VersionCommand;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/**
 * Binds the sub-commands for picocli's factory and assembles the configured command tree. A new
 * sub-command is one {@code @Binds @IntoMap} method here plus its entry in
 * {@link AwsSsoCommand}'s {@code subcommands}.
 */
@Module
public interface CliModule {
    /** Makes {@code login} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(LoginCommand.class)
    Object loginCommand(LoginCommand command);

    /** Makes {@code logout} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(LogoutCommand.class)
    Object logoutCommand(LogoutCommand command);

    /** Makes {@code setup} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(SetupCommand.class)
    Object setupCommand(SetupCommand command);

    /** Makes {@code setup ecs} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(SetupEcsCommand.class)
    Object setupEcsCommand(SetupEcsCommand command);

    /** Makes {@code setup ecs auth} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(SetupEcsAuthCommand.class)
    Object setupEcsAuthCommand(SetupEcsAuthCommand command);

    /** Makes {@code process} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(ProcessCommand.class)
    Object processCommand(ProcessCommand command);

    /** Makes {@code exec} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(ExecCommand.class)
    Object execCommand(ExecCommand command);

    /** Makes {@code eval} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(EvalCommand.class)
    Object evalCommand(EvalCommand command);

    /** Makes {@code credentials} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(CredentialsCommand.class)
    Object credentialsCommand(CredentialsCommand command);

    /** Makes {@code time} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(TimeCommand.class)
    Object timeCommand(TimeCommand command);

    /** Makes {@code list} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(ListCommand.class)
    Object listCommand(ListCommand command);

    /** Makes {@code cache} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(CacheCommand.class)
    Object cacheCommand(CacheCommand command);

    /** Makes {@code tags} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(TagsCommand.class)
    Object tagsCommand(TagsCommand command);

    /** Makes {@code list-sso-roles} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(ListSsoRolesCommand.class)
    Object listSsoRolesCommand(ListSsoRolesCommand command);

    /** Makes {@code setup completions} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(SetupCompletionsCommand.class)
    Object setupCompletionsCommand(SetupCompletionsCommand command);

    /** Makes the hidden {@code __complete} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(CompleteCommand.class)
    Object completeCommand(CompleteCommand command);

    /** Makes {@code select} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(SelectCommand.class)
    Object selectCommand(SelectCommand command);

    /** Makes {@code ecs} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(EcsCommand.class)
    Object ecsCommand(EcsCommand command);

    /** Makes {@code ecs server} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(EcsServerCommand.class)
    Object ecsServerCommand(EcsServerCommand command);

    /** Makes {@code ecs load} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(EcsLoadCommand.class)
    Object ecsLoadCommand(EcsLoadCommand command);

    /** Makes {@code ecs unload} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(EcsUnloadCommand.class)
    Object ecsUnloadCommand(EcsUnloadCommand command);

    /** Makes {@code ecs list} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(EcsListCommand.class)
    Object ecsListCommand(EcsListCommand command);

    /** Makes {@code ecs profile} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(EcsProfileCommand.class)
    Object ecsProfileCommand(EcsProfileCommand command);

    /** Makes {@code ecs docker} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(EcsDockerCommand.class)
    Object ecsDockerCommand(EcsDockerCommand command);

    /** Makes {@code ecs docker start} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(EcsDockerStartCommand.class)
    Object ecsDockerStartCommand(EcsDockerStartCommand command);

    /** Makes {@code ecs docker stop} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(EcsDockerStopCommand.class)
    Object ecsDockerStopCommand(EcsDockerStopCommand command);

    /** Makes {@code setup ecs ssl} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(SetupEcsSslCommand.class)
    Object setupEcsSslCommand(SetupEcsSslCommand command);

    /** Makes {@code console} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(io.awssso.cli.command.ConsoleCommand.class)
    Object consoleCommand(io.awssso.cli.command.ConsoleCommand command);

    /** Makes {@code setup profiles} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(io.awssso.cli.command.SetupProfilesCommand.class)
    Object setupProfilesCommand(io.awssso.cli.command.SetupProfilesCommand command);

    /** Makes {@code setup wizard} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(SetupWizardCommand.class)
    Object setupWizardCommand(SetupWizardCommand command);

    /** Makes {@code agent} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(io.awssso.cli.command.AgentCommand.class)
    Object agentCommand(io.awssso.cli.command.AgentCommand command);

    /** Makes {@code version} injectable through {@link CommandFactory}. */
    @Binds
    @IntoMap
    @ClassKey(VersionCommand.class)
    Object versionCommand(VersionCommand command);

    /** Builds the picocli command tree for one run, with its streams, defaults and handlers. */
    @Provides
    @Singleton
    static CommandLine commandLine(AwsSsoCommand root, CommandFactory factory, Terminal terminal,
            EnvironmentDefaultProvider defaults, FailureHandler failures, LoggingExecutionStrategy strategy) {
        CommandLine commandLine = new CommandLine(root, factory)
                .setOut(terminal.out())
                .setErr(terminal.err())
                .setColorScheme(Help.defaultColorScheme(terminal.ansi() ? Help.Ansi.ON : Help.Ansi.OFF))
                .setDefaultValueProvider(defaults)
                .setParameterExceptionHandler(failures)
                .setExecutionExceptionHandler(failures)
                .setExecutionStrategy(strategy);
        // exec passes everything after the command name on untouched: `exec aws s3 ls --recursive`
        commandLine.getSubcommands().get("exec").setStopAtPositional(true);
        Map<String, String> exitCodes = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            exitCodes.put(Integer.toString(code.code()), code.meaning());
        }
        commandLine.getCommandSpec().usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(exitCodes);
        return commandLine;
    }
}
