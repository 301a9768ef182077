package io.awssso.cli.internal;

import dagger.BindsInstance;
import dagger.Component;
import io.awssso.cli.options.GlobalOptions;
import jakarta.inject.Singleton;
import picocli.CommandLine;

/** The object graph of one run of the tool: the command tree and what its commands need. */
@Singleton
@Component(modules = CliModule.class)
public interface CliComponent {
    /** Returns the configured picocli command tree. */
    CommandLine commandLine();

    /** Returns the library engine of this run (built when a command first needs it). */
    Engine engine();

    /** Returns the global options the command tree fills in while parsing. */
    GlobalOptions globalOptions();

    /** Creates the component for one run. */
    @Component.Factory
    interface Factory {
        /**
         * Creates the component.
         *
         * @param terminal the run's stdout and stderr
         * @param environment the environment variables the run sees
         */
        CliComponent create(@BindsInstance Terminal terminal, @BindsInstance CliEnvironment environment);
    }

    /** Creates the component for one run. */
    static CliComponent create(Terminal terminal, CliEnvironment environment) {
        return DaggerCliComponent.factory().create(terminal, environment);
    }
}
