package io.awssso.api.spi;

/**
 * A cheap factory for one {@link SecureStore} backend, found by {@link java.util.ServiceLoader}.
 * Implementations are registered both with {@code provides} in {@code module-info.java} and in
 * {@code META-INF/services}, so that the module path and the class path both find them.
 */
public interface SecureStoreProvider {

    /** The name used in config ({@code SecureStore: <name>}). */
    String name();

    /**
     * Whether this backend can work here (right OS, service reachable, tool installed). Used by
     * auto-detection; must be fast and must not prompt.
     */
    boolean isSupported(StoreContext context);

    /**
     * Opens the store.
     *
     * @throws io.awssso.api.StoreUnavailableException when it cannot be opened
     */
    SecureStore create(StoreContext context);
}
