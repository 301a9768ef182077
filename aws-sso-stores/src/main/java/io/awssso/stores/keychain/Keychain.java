package io.awssso.stores.keychain;

import java.util.Optional;

/**
 * The generic-password calls of the macOS keychain this backend makes. {@link MacKeychain} makes
 * them through JNA in Security.framework; tests use a keychain in memory standing in for it.
 */
interface Keychain {

    /**
     * The password data of the generic password {@code service}/{@code account}, or empty when there
     * is none.
     *
     * @throws io.awssso.api.StoreUnavailableException when it cannot be read
     */
    Optional<byte[]> find(String service, String account);

    /**
     * Creates the generic password {@code service}/{@code account} (labelled with the service name)
     * or replaces its data.
     *
     * @throws io.awssso.api.StoreUnavailableException when it cannot be written
     */
    void save(String service, String account, byte[] data);

    /**
     * Deletes the generic password {@code service}/{@code account}.
     *
     * @return false when there was none
     */
    boolean delete(String service, String account);
}
