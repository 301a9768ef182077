package io.awssso.cli.command;

import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.Engine;
import io.awssso.cli.internal.Terminal;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aws-sso setup ecs auth}: stores the ECS server's bearer token in the secure store, or
 * deletes it. The server then requires {@code Authorization: Bearer <token>} on every request but
 * the health checks.
 */
@Command(name = "auth", description = {
        "Store or delete the ECS server's bearer token (kept in the secure store).",
        "Give the bare token: clients send it as 'Authorization: Bearer <token>', so AWS SDKs "
        + "need AWS_CONTAINER_AUTHORIZATION_TOKEN='Bearer <token>'. The running server reads the "
        + "token when it starts: restart it after a change."},
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  aws-sso setup ecs auth -t \"$(openssl rand -hex 32)\"", "  aws-sso setup ecs auth --delete",
                "  docker run -e AWS_CONTAINER_AUTHORIZATION_TOKEN=\"Bearer $(aws-sso setup ecs auth --print)\" ..."})
public final class SetupEcsAuthCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    private Action action;

    /** Exactly one of: store a token, delete it, print it. */
    static final class Action {
        @Option(names = {"-t", "--bearer-token"}, paramLabel = "<token>", required = true,
                description = "The token to store, without the 'Bearer ' prefix.")
        String token;

        @Option(names = {"-d", "--delete"}, required = true, description = "Delete the stored token.")
        boolean delete;

        @Option(names = {"-p", "--print"}, required = true,
                description = "Print the stored token on stdout (to hand it to a container or a remote client).")
        boolean print;
    }

    private final Engine engine;
    private final Terminal terminal;

    /**
     * Creates the command.
     *
     * @param engine the library engine (for the secure store)
     * @param terminal where messages go (stderr)
     */
    @Inject
    public SetupEcsAuthCommand(Engine engine, Terminal terminal) {
        this.engine = engine;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        if (action.print) {
            String token = engine.get().ecs().bearerToken().orElseThrow(() -> new io.awssso.api.AwsSsoException(
                    "no ECS bearer token is stored: store one with `aws-sso setup ecs auth -t <token>`, or start"
                    + " `aws-sso ecs docker start` (or `ecs server --allow-remote`), which generates one"));
            terminal.out().println(token);
            terminal.out().flush();
        } else if (action.delete) {
            engine.get().ecs().deleteBearerToken();
            terminal.err().println("Deleted the ECS server's bearer token: a server started now accepts only"
                    + " requests without an Authorization header.");
        } else {
            engine.get().ecs().storeBearerToken(action.token);
            terminal.err().println("Stored the ECS server's bearer token. Clients need"
                    + " AWS_CONTAINER_AUTHORIZATION_TOKEN='Bearer <token>'; restart a running server.");
        }
        return ExitCode.OK.code();
    }
}
