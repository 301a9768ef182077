package io.awssso.cli.command;

import io.awssso.api.AwsSsoException;
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

/** {@code aws-sso ecs profile}: the profile loaded into the ECS server's default slot. */
@Command(name = "profile", description = {
        "Show the profile loaded into the ECS server's default slot (ecs load without --slotted).",
        "Fails when none is loaded or it has expired."},
        optionListHeading = "%nOptions:%n")
public final class EcsProfileCommand implements Callable<Integer> {
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
    public EcsProfileCommand(Engine engine, Terminal terminal) {
        this.engine = engine;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        output.requireOneOf(OutputFormat.Format.TABLE, OutputFormat.Format.JSON);
        EcsClient client = address.client(engine.get());
        EcsClient.Profile profile = client.profile().orElseThrow(() ->
                new AwsSsoException("no profile loaded in ECS Server " + client.server()));
        if (output.json()) {
            EcsProfiles.jsonObject(terminal.out(), profile);
        } else {
            EcsProfiles.table(terminal.out(), List.of(profile));
        }
        return ExitCode.OK.code();
    }
}
