package io.awssso.cli.agent;

import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.cli.command.ProcessFastPath;
import io.awssso.core.AwsSso;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The agent's engines, kept across requests: each has read its config once and keeps its secure
 * store open, so that a hit with the {@code secret-service} store makes no new D-Bus connection
 * and session, and one with {@code pass} runs no gpg while the entry is unchanged (the store
 * itself notices a change another process made; see {@code PassSecureStore}). The engine only
 * keeps the store open, never an answer: every request reads the store through it and judges the
 * credentials' reuse margin against the clock, as a JVM of its own would.
 *
 * <p>An engine is kept for exactly one request environment (all of it, not only the variables
 * that select config and store), {@code --config} and {@code -S/--sso}: whatever differs gets an
 * engine of its own, so that no store or config opened for one environment answers another. At
 * most {@link #MAX_KEPT} are kept; the least recently used one that no request is using makes
 * room, and is closed. An engine that failed is dropped (a store whose daemon went away is opened
 * anew by the next request).
 */
final class WarmEngines implements AutoCloseable {
    /** More than an agent sees in practice (one config; a few selections of instance or flags). */
    static final int MAX_KEPT = 8;

    private final PrintStream userMessages;
    /** Guarded by {@code this}; in access order, least recently used first. */
    private final Map<Key, Kept> kept = new LinkedHashMap<>(16, 0.75f, true);
    private boolean closed;
    private long built;

    /**
     * @param userMessages the kept engines' message stream: the agent's routed stderr, which goes
     *     to the stderr of the request whose thread writes
     */
    WarmEngines(PrintStream userMessages) {
        this.userMessages = Objects.requireNonNull(userMessages, "userMessages");
    }

    /** What selects an engine. Its toString names no variable (they may hold a password). */
    private record Key(Map<String, String> environment, String config, String sso) {
        @Override
        public String toString() {
            return "Key[" + environment.size() + " variables, config=" + config + ", sso=" + sso + "]";
        }
    }

    private static final class Kept {
        final AwsSso engine;
        int users;
        boolean retired;

        Kept(AwsSso engine) {
            this.engine = engine;
        }
    }

    /** The fast path's engine step for requests with {@code environment}. */
    ProcessFastPath.Engines forEnvironment(Map<String, String> environment) {
        Map<String, String> copy = Map.copyOf(environment);
        return (builder, config, sso, role) -> stored(copy, builder, config, sso, role);
    }

    private Optional<RoleCredentials> stored(Map<String, String> environment, AwsSso.Builder builder, String config,
            String sso, RoleArn role) {
        return use(new Key(environment, config, sso), builder, engine -> engine.credentials().stored(role));
    }

    /**
     * Runs {@code work} on the engine kept for {@code environment}, {@code config} and {@code sso},
     * built by {@code builder} (with this agent's message stream) when there is none.
     */
    <T> T use(Map<String, String> environment, String config, String sso, AwsSso.Builder builder,
            Function<AwsSso, T> work) {
        return use(new Key(Map.copyOf(environment), config, sso), builder, work);
    }

    private <T> T use(Key key, AwsSso.Builder builder, Function<AwsSso, T> work) {
        Kept k = lease(key, builder);
        boolean failed = true;
        try {
            T result = work.apply(k.engine);
            failed = false;
            return result;
        } finally {
            release(key, k, failed);
        }
    }

    private Kept lease(Key key, AwsSso.Builder builder) {
        List<Kept> evicted = new ArrayList<>();
        Kept k;
        synchronized (this) {
            k = kept.get(key);
            if (k == null) {
                // building reads nothing: the config and the store are opened on first use
                k = new Kept(builder.userMessages(userMessages).build());
                built++;
                if (closed) {
                    k.retired = true; // the agent is stopping: this request's engine is closed after it
                } else {
                    kept.put(key, k);
                    evict(evicted);
                }
            }
            k.users++;
        }
        evicted.forEach(e -> e.engine.close());
        return k;
    }

    /** Makes room among the idle engines; those to close go to {@code out} (closed outside the lock). */
    private void evict(List<Kept> out) {
        Iterator<Kept> it = kept.values().iterator();
        while (kept.size() > MAX_KEPT && it.hasNext()) {
            Kept candidate = it.next();
            if (candidate.users == 0) {
                it.remove();
                candidate.retired = true;
                out.add(candidate);
            }
        }
    }

    private void release(Key key, Kept k, boolean failed) {
        boolean close;
        synchronized (this) {
            k.users--;
            if (failed && kept.get(key) == k) {
                kept.remove(key);
                k.retired = true;
            }
            close = k.retired && k.users == 0;
        }
        if (close) {
            k.engine.close();
        }
    }

    /** How many engines were built so far (for tests: one per kept selection, not one per request). */
    synchronized long built() {
        return built;
    }

    /** How many engines are kept now. */
    synchronized int size() {
        return kept.size();
    }

    /** Closes the idle engines; those in use are closed when their request ends. */
    @Override
    public void close() {
        List<Kept> idle = new ArrayList<>();
        synchronized (this) {
            closed = true;
            for (Kept k : kept.values()) {
                k.retired = true;
                if (k.users == 0) {
                    idle.add(k);
                }
            }
            kept.clear();
        }
        idle.forEach(k -> k.engine.close());
    }
}
