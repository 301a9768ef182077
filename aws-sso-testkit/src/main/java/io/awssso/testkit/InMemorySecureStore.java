package io.awssso.testkit;

import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.StoredSecrets;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A {@link SecureStore} that keeps its contents in memory only, named {@code memory}. For tests
 * and for embedders that manage secrets themselves (for example a server that must never write
 * tokens to disk). Thread-safe: {@link #update} runs one change at a time, so concurrent writers
 * never lose each other's changes.
 *
 * <pre>{@code
 * SecureStore store = InMemorySecureStore.create();
 * store.update(s -> s.withToken("Default", token));
 * }</pre>
 */
public final class InMemorySecureStore implements SecureStore {

    /** The backend name, {@value}. */
    public static final String NAME = "memory";

    private final Object lock = new Object();
    private volatile StoredSecrets contents;

    private InMemorySecureStore(StoredSecrets initial) {
        this.contents = Objects.requireNonNull(initial, "initial contents must not be null");
    }

    /** An empty store. */
    public static InMemorySecureStore create() {
        return new InMemorySecureStore(StoredSecrets.EMPTY);
    }

    /** A store that starts with {@code initial}. */
    public static InMemorySecureStore of(StoredSecrets initial) {
        return new InMemorySecureStore(initial);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StoredSecrets read() {
        return contents;
    }

    @Override
    public StoredSecrets update(UnaryOperator<StoredSecrets> change) {
        Objects.requireNonNull(change, "change must not be null");
        synchronized (lock) {
            // The change runs inside the lock: a read-modify-write that let another writer in
            // between the read and the write would lose that writer's change.
            StoredSecrets next = Objects.requireNonNull(change.apply(contents),
                    "the change function returned null");
            contents = next;
            return next;
        }
    }

    /** Names the backend only, never the contents. */
    @Override
    public String toString() {
        return "InMemorySecureStore[memory]";
    }
}
