package io.awssso.core.internal.di;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes what the engine opened (store, SDK clients) and nothing it did not: opening a store
 * may prompt for a password, so closing must not open one.
 */
@Singleton
public final class Resources implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Resources.class);
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    /** An empty registry. */
    @Inject
    public Resources() {
    }

    /** Remembers {@code resource} for {@link #close()} and returns it. */
    public synchronized <T extends AutoCloseable> T register(T resource) {
        opened.push(resource);
        return resource;
    }

    /** Closes everything registered, newest first; failures are logged, not thrown. */
    @Override
    public synchronized void close() {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                LOG.debug("closing a resource failed: {}", e.toString());
            }
        }
    }
}
