package io.awssso.api.spi;

import java.util.function.UnaryOperator;

/**
 * Where aws-sso keeps its secrets. A store holds one {@link StoredSecrets} value; every change is
 * a read-modify-write that the store performs atomically (and, for stores shared between
 * processes, under a cross-process lock), so that concurrent aws-sso processes never lose each
 * other's writes.
 *
 * <p>Implementations never log or print secret values, and their {@code toString()} names the
 * backend only.
 */
public interface SecureStore extends AutoCloseable {

    /** The backend's name, as written in config ({@code json}, {@code file}, ...). */
    String name();

    /**
     * The current contents.
     *
     * @throws io.awssso.api.StoreUnavailableException when the store cannot be read
     */
    StoredSecrets read();

    /**
     * Applies {@code change} to the current contents and saves the result atomically. If
     * {@code change} throws, nothing is written.
     *
     * @return the saved contents
     * @throws io.awssso.api.StoreUnavailableException when the store cannot be read or written
     */
    StoredSecrets update(UnaryOperator<StoredSecrets> change);

    /** Releases resources (D-Bus connections, ...). Never throws. */
    @Override
    default void close() {
    }
}
