package io.awssso.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.LoggerFactory;

/**
 * Runs an action when the process gets SIGINT or SIGTERM, for foreground servers
 * ({@code ecs server}) that should stop cleanly and exit 0 when asked to.
 *
 * <p>Why signal handlers and not only a shutdown hook: by the time a hook runs, the JVM is already
 * exiting with 128 + the signal number (130, 143) and the command can no longer finish its own
 * way. Handling the signals lets the command return normally. A shutdown hook still runs the
 * action when the JVM exits some other way (SIGHUP, {@code System.exit} elsewhere), or where the
 * handlers cannot be installed (a JVM started with {@code -Xrs}, a runtime without
 * {@code jdk.unsupported}).
 *
 * <p>The handlers are installed through {@link Signals}.
 */
final class StopSignals implements AutoCloseable {
    private static final List<String> SIGNALS = List.of("INT", "TERM");

    private final List<Signals.Previous> previous = new ArrayList<>();
    private final Thread hook;
    private final AtomicReference<String> received = new AtomicReference<>();

    private StopSignals(Runnable action) {
        for (String name : SIGNALS) {
            Signals.handle(name, signal -> {
                received.compareAndSet(null, signal);
                action.run();
            }).ifPresentOrElse(previous::add, () ->
                    // Not a static logger: logging is configured only once the command line is parsed.
                    LoggerFactory.getLogger(StopSignals.class).debug("cannot handle SIG{}; the shutdown"
                            + " hook stops the server instead", name));
        }
        hook = new Thread(action, "aws-sso-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Runs {@code action} (once or more; it must be idempotent) on SIGINT, SIGTERM or JVM exit. */
    static StopSignals install(Runnable action) {
        return new StopSignals(action);
    }

    /** The signal that asked to stop, such as {@code SIGTERM}, if one did. */
    String received() {
        return received.get();
    }

    /** Restores the previous handlers and removes the hook (unless the JVM is already exiting). */
    @Override
    public void close() {
        previous.forEach(Signals::restore);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook is running or has run, which is what it is for.
        }
    }
}
