package io.awssso.cli.command;

import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.Engine;
import io.awssso.cli.internal.Terminal;
import io.awssso.cli.render.Durations;
import io.awssso.cli.render.RefreshProgress;
import io.awssso.core.AwsSso;
import io.awssso.core.LoginOptions;
import io.awssso.core.LoginResult;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aws-sso login}: signs in to IAM Identity Center (PKCE in the local browser by default,
 * the device code over SSH/WSL or with {@code AuthWorkflow: device_code}), then refreshes the role
 * cache when it has expired.
 */
@Command(name = "login", description = {
        "Sign in to AWS IAM Identity Center.",
        "Opens the login page with the URL action (-u, else AuthUrlAction, else UrlAction). A valid",
        "session is kept unless --force is given."},
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  aws-sso login", "  aws-sso login -u print        # print the URL instead of opening it",
                "  aws-sso -S Sandbox login --force"})
public final class LoginCommand implements Callable<Integer> {
    @Option(names = {"-u", "--url-action"}, paramLabel = "<action>",
            description = "What to do with the login URL: open, print, printurl, exec, clip,"
                    + " ansi-osc52, open-url-in-container, granted-containers.")
    private String urlAction;

    @Option(names = {"-f", "--force"},
            description = "End the current session first, so the new one gets its full length.")
    private boolean force;

    @Option(names = "--threads", paramLabel = "<n>",
            description = "Parallel requests when the role cache is refreshed (default: Threads from config).")
    private Integer threads;

    private final Engine engine;
    private final Terminal terminal;

    /**
     * Creates the command.
     *
     * @param engine the library engine
     * @param terminal where messages go (stderr)
     */
    @Inject
    public LoginCommand(Engine engine, Terminal terminal) {
        this.engine = engine;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        AwsSso sso = engine.get();
        if (force) {
            io.awssso.cli.agent.Agents.stopFor(sso.configFile(), engine.environment().variables()); // a new session
        }
        LoginResult result = sso.login(new LoginOptions(force, Optional.ofNullable(urlAction)));
        String left = Durations.timeLeft(Duration.between(Clock.systemUTC().instant(), result.expiresAt()));
        if (result.alreadyLoggedIn()) {
            terminal.err().printf("You are already logged in to %s. :) (token valid for %s; use --force"
                    + " for a new session)%n", result.instance(), left);
        } else {
            terminal.err().printf("Logged in to %s. The token is valid for %s and renews itself while"
                    + " the session lasts.%n", result.instance(), left);
        }
        if (threads == null) {
            sso.refreshCatalogIfExpired(RefreshProgress.on(terminal));
        } else if (sso.catalogExpired()) {
            sso.refreshCatalog(threads, RefreshProgress.on(terminal));
        }
        return ExitCode.OK.code();
    }
}
