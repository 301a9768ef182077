package io.awssso.cli.command;

import io.awssso.api.AwsSsoException;
import io.awssso.cli.ExitCode;
import io.awssso.cli.internal.Engine;
import io.awssso.cli.internal.Terminal;
import io.awssso.core.EcsClient;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aws-sso ecs unload}: removes credentials from the ECS server's default or a named slot. */
@Command(name = "unload", description = {
        "Remove credentials from the ECS server: the default slot, or a named slot with -p.",
        "Fails when nothing is loaded there."},
        optionListHeading = "%nOptions:%n")
public final class EcsUnloadCommand implements Callable<Integer> {
    @Mixin
    private EcsServerAddress address;

    @Option(names = {"-p", "--profile"}, paramLabel = "<profile>",
            description = "The named slot to empty (default: the default slot).")
    private String profile;

    private final Engine engine;
    private final Terminal terminal;

    /**
     * Creates the command.
     *
     * @param engine the library engine (token and certificate from the secure store)
     * @param terminal where messages go (stderr)
     */
    @Inject
    public EcsUnloadCommand(Engine engine, Terminal terminal) {
        this.engine = engine;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        EcsClient client = address.client(engine.get());
        Optional<String> slot = Optional.ofNullable(profile).filter(p -> !p.isBlank());
        String where = slot.map(p -> "slot '" + p + "'").orElse("the default slot");
        if (!client.unload(slot)) {
            throw new AwsSsoException("nothing is loaded in " + where + " of the ECS server " + client.server());
        }
        terminal.err().printf("Unloaded %s of the ECS server %s.%n", where, client.server());
        return ExitCode.OK.code();
    }
}
