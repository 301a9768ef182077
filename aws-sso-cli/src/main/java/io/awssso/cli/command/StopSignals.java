package io.awssso.cli.command;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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
 * <p>{@code sun.misc.Signal} is reached reflectively: javac warns about every direct use of it, and
 * the build keeps warnings at zero.
 */
final class StopSignals implements AutoCloseable {
    private static final List<String> SIGNALS = List.of("INT", "TERM");

    private final List<Object> signals = new ArrayList<>();
    private final List<Object> previous = new ArrayList<>();
    private final Thread hook;
    private final AtomicReference<String> received = new AtomicReference<>();
    private Method handle;

    private StopSignals(Runnable action) {
        try {
            Class<?> signalType = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            handle = signalType.getMethod("handle", signalType, handlerType);
            Method getName = signalType.getMethod("getName");
            InvocationHandler onSignal = (proxy, method, args) -> {
                if (method.getName().equals("handle") && args != null && args.length == 1) {
                    received.compareAndSet(null, "SIG" + getName.invoke(args[0]));
                    action.run();
                    return null;
                }
                if (method.getName().equals("toString")) {
                    return "StopSignals.handler";
                }
                if (method.getName().equals("hashCode")) {
                    return System.identityHashCode(proxy);
                }
                if (method.getName().equals("equals")) {
                    return proxy == args[0];
                }
                return null;
            };
            Object handler = Proxy.newProxyInstance(StopSignals.class.getClassLoader(), new Class<?>[] {handlerType},
                    onSignal);
            for (String name : SIGNALS) {
                Object signal = signalType.getConstructor(String.class).newInstance(name);
                previous.add(handle.invoke(null, signal, handler));
                signals.add(signal);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Not a static logger: logging is configured only once the command line is parsed.
            LoggerFactory.getLogger(StopSignals.class).debug("cannot handle SIGINT/SIGTERM ({}); the shutdown hook"
                    + " stops the server instead", e.toString());
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
        for (int i = 0; i < signals.size(); i++) {
            try {
                handle.invoke(null, signals.get(i), previous.get(i));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // the handler stays: it only closes an already closed server
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook is running or has run, which is what it is for.
        }
    }
}
