package io.awssso.cli.internal;

import io.awssso.cli.options.GlobalOptions;
import io.awssso.core.AwsSso;
import io.awssso.core.ConfigSetup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.Console;
import java.nio.file.Path;

/**
 * The library engine for this run, built on first use from the parsed global options: commands
 * that need no config (version, help) never build it, and it is closed once the command ends.
 */
@Singleton
public final class Engine implements AutoCloseable {
    private final GlobalOptions options;
    private final CliEnvironment environment;
    private final Terminal terminal;
    private AwsSso engine;

    /**
     * Creates the holder; nothing is built yet.
     *
     * @param options the parsed global options ({@code --config}, {@code -S}, {@code -b})
     * @param environment the run's environment
     * @param terminal where messages for the person go
     */
    @Inject
    public Engine(GlobalOptions options, CliEnvironment environment, Terminal terminal) {
        this.options = options;
        this.environment = environment;
        this.terminal = terminal;
    }

    /** The engine, built on the first call. */
    public synchronized AwsSso get() {
        if (engine == null) {
            firstRunWizard();
            Console console = System.console();
            engine = AwsSso.builder()
                    .configFile(options.config().map(Path::toString).orElse(null))
                    .ssoInstance(options.sso().orElse(null))
                    .browser(options.browser().orElse(null))
                    .environment(environment.variables(), environment.home())
                    .userMessages(terminal.errStream())
                    .passwordPrompt(console == null ? null : prompt -> console.readPassword("%s: ", prompt))
                    .build();
        }
        return engine;
    }

    /**
     * A missing config on the first command that needs one starts the setup wizard when stdin is
     * a terminal; otherwise loading fails with the config loader's error, which names the file
     * and {@code aws-sso setup wizard}.
     */
    private void firstRunWizard() {
        ConfigSetup setup = ConfigSetup.locate(options.config().map(Path::toString), environment.variables(),
                environment.home());
        if (!setup.exists() && Prompts.stdinIsTerminal()) {
            terminal.err().println("There is no config file at " + setup.file()
                    + "; the setup wizard will create one.");
            new SetupWizard(terminal, setup).run(false);
        }
    }

    /** The run's environment. */
    public CliEnvironment environment() {
        return environment;
    }

    /** Closes the engine if it was built. */
    @Override
    public synchronized void close() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
