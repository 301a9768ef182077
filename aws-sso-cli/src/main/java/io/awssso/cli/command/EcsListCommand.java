package io.awssso.cli.command;

import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.Engine;
import io.awssso.cli.internal.Terminal;
import io.awssso.cli.options.OutputFormat;
import io.awssso.core.EcsClient;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aws-sso ecs list}: the profiles loaded into the ECS server's named slots. */
@Command(name = "list", description = {
        "List the profiles loaded into the ECS server's named slots (ecs load --slotted).",
        "Prints a table ProfileName | AccountIdPad | RoleName | Expires, or JSON with --output json."},
        optionListHeading = "%nOptions:%n")
public final class EcsListCommand implements Callable<Integer> {
    @Mixin
    private EcsServerAddress address;

    @Mixin
    private OutputFormat output;


    private final Engine engine;
    private final Terminal terminal;

    /**
     * Creates the command.
     *
     * @param engine the library engine (token and certificate from the secure store)
     * @param terminal the table goes to stdout, messages to stderr
     */
    @Inject
    public EcsListCommand(Engine engine, Terminal terminal) {
        this.engine = engine;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        output.requireOneOf(OutputFormat.Format.TABLE, OutputFormat.Format.JSON);
        List<EcsClient.Profile> profiles = address.client(engine.get()).list();
        if (output.json()) {
            EcsProfiles.jsonArray(terminal.out(), profiles);
        } else if (profiles.isEmpty()) {
            terminal.err().println("No profiles are stored in any named slots.");
        } else {
            EcsProfiles.table(terminal.out(), profiles);
        }
        return ExitCode.OK.code();
    }
}
