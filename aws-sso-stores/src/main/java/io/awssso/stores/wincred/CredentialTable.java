package io.awssso.stores.wincred;

import java.util.Optional;

/**
 * The three calls of the Windows Credential Manager this backend makes, on generic credentials.
 * {@link WindowsCredentialTable} makes them through JNA; tests use a table in memory standing in
 * for the Windows API.
 */
interface CredentialTable {

    /**
     * The blob of the credential {@code target}, or empty when there is none.
     *
     * @throws io.awssso.api.StoreUnavailableException when it cannot be read
     */
    Optional<byte[]> read(String target);

    /**
     * Creates or replaces the credential {@code target}.
     *
     * @throws io.awssso.api.StoreUnavailableException when it cannot be written
     */
    void write(String target, String userName, byte[] blob);

    /**
     * Deletes the credential {@code target}.
     *
     * @return false when there was none
     * @throws io.awssso.api.StoreUnavailableException when it cannot be deleted
     */
    boolean delete(String target);
}
