package io.awssso.cli.command;

import io.awssso.api.AwsSsoException;
import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.Engine;
import io.awssso.cli.internal.Terminal;
import io.awssso.cli.options.FromEnvironment;
import io.awssso.core.AwsSso;
import io.awssso.core.ProfilesOptions;
import io.awssso.core.ProfilesUpdate;
import jakarta.inject.Inject;
import java.io.Console;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aws-sso setup profiles}: writes a profile for every cached role of the instance into the
 * AWS config file, between marker lines that belong to aws-sso. Each profile only runs
 * {@code aws-sso process}, so the AWS CLI and every SDK get credentials through aws-sso.
 */
@Command(name = "profiles", description = {
        "Write a ~/.aws/config profile for every role of the SSO instance.",
        "Only the block between '# BEGIN_AWS_SSO_CLI' and '# END_AWS_SSO_CLI' (with _<SSO> for other",
        "instances than Default) is rewritten; every other line of the file is kept as it is. On a terminal",
        "the changes are shown and confirmed first."},
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  aws-sso setup profiles", "  aws-sso setup profiles --diff      # show the changes, write nothing",
                "  aws-sso setup profiles --force     # write without asking (scripts)"})
public final class SetupProfilesCommand implements Callable<Integer> {
    /**
     * The system property the launcher sets to its own path, which the profiles'
     * {@code credential_process} then runs (unless {@code ConfigProfilesBinaryPath} is set).
     */
    public static final String LAUNCHER_PROPERTY = "awssso.launcher";

    /** Asks the person whether to write; empty when there is no terminal to ask on. */
    @FunctionalInterface
    interface Approval {
        /** The answer to {@code question}, or empty without a terminal. */
        Optional<Boolean> ask(String question);
    }

    @Option(names = "--diff", description = "Print the changes as a unified diff on stdout and write nothing"
            + " (unless --force is also given).")
    private boolean diff;

    @Option(names = "--force", description = "Write without asking.")
    private boolean force;

    @Option(names = "--print", description = "Print the profile block on stdout and write nothing.")
    private boolean print;

    @FromEnvironment("AWS_CONFIG_FILE")
    @Option(names = "--aws-config", paramLabel = "<file>",
            description = "The AWS config file (default: $AWS_CONFIG_FILE, else ~/.aws/config).")
    private Path awsConfig;

    private final Engine engine;
    private final Terminal terminal;
    private final Approval approval;

    /**
     * Creates the command, asking on the process's console.
     *
     * @param engine the library engine
     * @param terminal data (block, diff) on stdout, the rest on stderr
     */
    @Inject
    public SetupProfilesCommand(Engine engine, Terminal terminal) {
        this(engine, terminal, SetupProfilesCommand::askOnConsole);
    }

    SetupProfilesCommand(Engine engine, Terminal terminal, Approval approval) {
        this.engine = engine;
        this.terminal = terminal;
        this.approval = approval;
    }

    @Override
    public Integer call() {
        AwsSso sso = engine.get();
        ProfilesUpdate update = sso.profiles().plan(ProfilesOptions.builder().awsConfigFile(awsConfig)
                .runningProgram(System.getProperty(LAUNCHER_PROPERTY)).build());
        if (print) {
            terminal.out().print(update.block());
            terminal.out().flush();
            return ExitCode.OK.code();
        }
        if (!update.changed()) {
            terminal.err().printf("%s is up to date (%d profiles of %s).%n", update.file(), update.profiles(),
                    sso.instanceName());
            return ExitCode.OK.code();
        }
        if (diff) {
            terminal.out().print(update.diff());
            terminal.out().flush();
            if (!force) {
                return ExitCode.OK.code();
            }
        }
        if (!force) {
            terminal.err().print(update.diff());
            terminal.err().flush();
            Optional<Boolean> yes = approval.ask("Write these changes to " + update.file() + "? [y/N] ");
            if (yes.isEmpty()) {
                throw new AwsSsoException("not writing " + update.file() + " without approval, and there is no"
                        + " terminal to ask on: use --force to write, or --diff to see the changes");
            }
            if (!yes.get()) {
                terminal.err().println("Nothing written.");
                return ExitCode.OK.code();
            }
        }
        sso.profiles().write(update);
        terminal.err().printf("Wrote %d profiles of %s to %s.%n", update.profiles(), sso.instanceName(),
                update.file());
        return ExitCode.OK.code();
    }

    private static Optional<Boolean> askOnConsole(String question) {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        String answer = console.readLine("%s", question);
        if (answer == null) {
            return Optional.of(false);
        }
        String a = answer.strip().toLowerCase(Locale.ROOT);
        return Optional.of(a.equals("y") || a.equals("yes"));
    }
}
