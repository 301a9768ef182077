package io.awssso.cli.internal;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Lets picocli obtain sub-commands from Dagger, so commands are constructor-injected. Classes
 * Dagger does not know (picocli's own {@code HelpCommand}, converters) come from picocli's default
 * factory.
 */
public final class CommandFactory implements IFactory {
    private final Map<Class<?>, Provider<Object>> commands;

    /** Creates a factory over the commands bound in {@link CliModule}. */
    @Inject
    public CommandFactory(Map<Class<?>, Provider<Object>> commands) {
        this.commands = commands;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Provider<Object> command = commands.get(type);
        if (command != null) {
            return type.cast(command.get());
        }
        return CommandLine.defaultFactory().create(type);
    }
}
