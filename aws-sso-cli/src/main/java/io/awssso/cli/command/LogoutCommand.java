package io.awssso.cli.command;

import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.Engine;
import io.awssso.cli.internal.Terminal;
import io.awssso.core.AwsSso;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code aws-sso logout}: ends the IAM Identity Center session and deletes the stored token and the
 * stored role credentials of the instance.
 */
@Command(name = "logout", description = {
        "End the AWS IAM Identity Center session.",
        "Calls the portal's Logout and deletes the stored token and role credentials of the instance."},
        optionListHeading = "%nOptions:%n")
public final class LogoutCommand implements Callable<Integer> {
    private final Engine engine;
    private final Terminal terminal;

    /**
     * Creates the command.
     *
     * @param engine the library engine
     * @param terminal where messages go (stderr)
     */
    @Inject
    public LogoutCommand(Engine engine, Terminal terminal) {
        this.engine = engine;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        AwsSso sso = engine.get();
        io.awssso.cli.agent.Agents.stopFor(sso.configFile(), engine.environment().variables()); // not past the session
        if (sso.logout()) {
            terminal.err().printf("Logged out of %s.%n", sso.instanceName());
        } else {
            terminal.err().printf("There was no session for %s; stored role credentials were"
                    + " deleted.%n", sso.instanceName());
        }
        return ExitCode.OK.code();
    }
}
