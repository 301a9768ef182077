package io.awssso.stores.internal;

import io.awssso.api.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.freedesktop.dbus.DBusAsyncReply;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.MethodCall;
import org.freedesktop.dbus.types.Variant;

/**
 * D-Bus plumbing shared by the D-Bus backends: finding the session bus address, connecting with a
 * bounded wait, and method calls that give up after a timeout instead of waiting for a service
 * that never answers (a D-Bus call has no deadline of its own).
 */
public final class DBusCalls {

    private DBusCalls() {
    }

    /**
     * The session bus address from {@code env}: {@code DBUS_SESSION_BUS_ADDRESS}, else the systemd
     * user bus {@code $XDG_RUNTIME_DIR/bus} when that socket exists. Only {@code unix:path=}
     * addresses are usable (the JDK's unix sockets have no abstract namespace).
     */
    public static Optional<String> sessionBusAddress(Map<String, String> env) {
        String address = env.get("DBUS_SESSION_BUS_ADDRESS");
        if (address != null && !address.isBlank()) {
            // A bus may list several addresses to try in turn, separated by ';'.
            return Arrays.stream(address.split(";")).map(String::strip)
                    .filter(a -> a.startsWith("unix:path=")).findFirst();
        }
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            java.nio.file.Path bus = java.nio.file.Path.of(runtime, "bus");
            if (java.nio.file.Files.exists(bus)) {
                return Optional.of("unix:path=" + bus);
            }
        }
        return Optional.empty();
    }

    /**
     * A private (not shared) connection to the bus at {@code address}, made within {@code timeout}.
     * Connecting includes authentication and a first call to the bus; a socket that accepts and then
     * says nothing would otherwise hold the caller for dbus-java's own 20-second reply timeout, or
     * longer while authenticating, so the connection is made on a daemon thread and abandoned (closed
     * when it completes) after the timeout.
     */
    public static DBusConnection connect(String address, Duration timeout) throws DBusException {
        CompletableFuture<DBusConnection> connecting = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                connecting.complete(DBusConnectionBuilder.forAddress(address)
                        .withShared(false)
                        .transportConfig().withTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis())).back()
                        .build());
            } catch (Throwable e) {
                connecting.completeExceptionally(e);
            }
        }, "aws-sso D-Bus connect");
        t.setDaemon(true);
        t.start();
        try {
            return connecting.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            connecting.thenAccept(DBusCalls::closeQuietly);
            throw new DBusException("no answer from the bus within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            connecting.thenAccept(DBusCalls::closeQuietly);
            Thread.currentThread().interrupt();
            throw new DBusException("interrupted while connecting");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DBusException d) {
                throw d;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new DBusException(String.valueOf(cause.getMessage()));
        }
    }

    /**
     * Calls {@code method} on {@code target} and waits at most {@code timeout} for the answer.
     *
     * @throws StoreUnavailableException naming {@code what} when the call fails or times out
     */
    @SuppressWarnings("unchecked")
    public static <T> T call(DBusConnection connection, DBusInterface target, String method, Duration timeout,
            String what, Object... args) {
        try {
            DBusAsyncReply<?> reply = connection.callMethodAsync(target, method, args);
            MethodCall call = reply.getCall();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!call.hasReply()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new StoreUnavailableException(what + ": no answer to " + method + " within "
                            + timeout.toSeconds() + " s; is the service hung?");
                }
                call.getReply(left);
            }
            if (!(call.getReply() instanceof org.freedesktop.dbus.messages.Error)
                    && reply.getMethod().getReturnType() == void.class) {
                return null; // a void method's empty answer; getReply() would call it "no reply"
            }
            return (T) reply.getReply();
        } catch (DBusException | DBusExecutionException e) {
            throw new StoreUnavailableException(what + ": " + method + " failed: " + describe(e), e);
        }
    }

    /** The kind and text of a D-Bus failure (D-Bus error texts hold no secrets). */
    public static String describe(Exception e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Object paths from a D-Bus value that is one path or an array or list of them. */
    public static List<String> paths(Object value) {
        List<String> out = new ArrayList<>();
        Object v = value instanceof Variant<?> variant ? variant.getValue() : value;
        if (v instanceof Collection<?> c) {
            c.forEach(e -> out.addAll(paths(e)));
        } else if (v instanceof Object[] a) {
            Arrays.stream(a).forEach(e -> out.addAll(paths(e)));
        } else if (v instanceof DBusPath p) {
            out.add(p.getPath());
        } else if (v != null) {
            out.add(v.toString());
        }
        return out;
    }

    /** Closes {@code connection}, ignoring failures (it is going away either way). */
    public static void closeQuietly(DBusConnection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (Exception e) {
                // nothing more to release
            }
        }
    }
}
