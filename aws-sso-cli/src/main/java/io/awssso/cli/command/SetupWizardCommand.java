package io.awssso.cli.command;

import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.CliEnvironment;
import io.awssso.cli.internal.SetupWizard;
import io.awssso.cli.internal.Terminal;
import io.awssso.cli.options.GlobalOptions;
import io.awssso.core.ConfigSetup;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aws-sso setup wizard [--advanced]}: creates or updates config.yaml interactively. The
 * current file is backed up first as {@code config.<YYYY-MM-DD-HH:MM:SS>.yaml}; the new one has
 * 4-space indentation and mode 0600, and is checked by the config loader before it is written.
 */
@Command(name = "wizard", description = {
        "Create or update config.yaml interactively (the current file is backed up first).",
        "Asks for the AWS partition, the start URL (checked with an HTTP HEAD), the SSO region and",
        "the ProfileFormat; --advanced adds the instance name, DefaultRegion, CacheRefresh,",
        "AutoConfigCheck, FullTextSearch, UrlAction, ConsoleDuration, HistoryLimit, HistoryMinutes",
        "and LogLevel. Over SSH or in WSL only the URL actions that work there are offered.",
        "Enter takes the default in brackets; Ctrl-D aborts without writing."},
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  aws-sso setup wizard", "  aws-sso setup wizard --advanced",
                "  aws-sso --config ./team.yaml setup wizard"})
public final class SetupWizardCommand implements Callable<Integer> {
    @Option(names = "--advanced", description = "Ask about the advanced settings too.")
    private boolean advanced;

    private final GlobalOptions options;
    private final CliEnvironment environment;
    private final Terminal terminal;

    /**
     * Creates the command.
     *
     * @param options for {@code --config}
     * @param environment the run's environment (config location, remote-host detection)
     * @param terminal where the dialogue goes (stderr)
     */
    @Inject
    public SetupWizardCommand(GlobalOptions options, CliEnvironment environment, Terminal terminal) {
        this.options = options;
        this.environment = environment;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        ConfigSetup setup = ConfigSetup.locate(options.config().map(Path::toString), environment.variables(),
                environment.home());
        new SetupWizard(terminal, setup).run(advanced);
        return ExitCode.OK.code();
    }
}
