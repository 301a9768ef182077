package io.awssso.cli.command;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Installs JVM signal handlers ({@code sun.misc.Signal}, in {@code jdk.unsupported}).
 *
 * <p>Reached reflectively: javac warns about every direct use of {@code sun.misc}, and the build
 * keeps warnings at zero. Where signals cannot be handled (a JVM started with {@code -Xrs}, a
 * runtime without {@code jdk.unsupported}, a platform without the signal) nothing is installed
 * and callers keep the default behaviour.
 */
final class Signals {
    private Signals() {
    }

    /** A handler that was replaced, to put back with {@link #restore}. */
    record Previous(Object signal, Object handler) {
    }

    /**
     * Handles signal {@code name} ({@code INT}, {@code TERM}) with {@code onSignal}, which gets the
     * signal's name.
     *
     * @return the replaced handler, or empty when signals cannot be handled here
     */
    static Optional<Previous> handle(String name, Consumer<String> onSignal) {
        try {
            Class<?> signalType = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Method handle = signalType.getMethod("handle", signalType, handlerType);
            Method getName = signalType.getMethod("getName");
            InvocationHandler calls = (proxy, method, args) -> switch (method.getName()) {
                case "handle" -> {
                    onSignal.accept("SIG" + getName.invoke(args[0]));
                    yield null;
                }
                case "toString" -> "aws-sso signal handler";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> null;
            };
            Object handler = Proxy.newProxyInstance(Signals.class.getClassLoader(),
                    new Class<?>[] {handlerType}, calls);
            Object signal = signalType.getConstructor(String.class).newInstance(name);
            return Optional.of(new Previous(signal, handle.invoke(null, signal, handler)));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** Puts back a handler replaced by {@link #handle}; failures leave ours in place. */
    static void restore(Previous previous) {
        try {
            Class<?> signalType = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            signalType.getMethod("handle", signalType, handlerType)
                    .invoke(null, previous.signal(), previous.handler());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // ours stays installed: callers only install handlers that are harmless to keep
        }
    }
}
