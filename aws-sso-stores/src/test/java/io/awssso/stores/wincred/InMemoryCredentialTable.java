package io.awssso.stores.wincred;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An in-memory credential table standing in for the Windows Credential Manager API (tests only;
 * this machine has no Windows). Like Windows it refuses blobs over 2560 bytes
 * ({@code CRED_MAX_CREDENTIAL_BLOB_SIZE}), copies blobs in and out, and is shared by every store
 * opened over it, as the user's credential set is.
 */
final class InMemoryCredentialTable implements CredentialTable {

    static final int CRED_MAX_CREDENTIAL_BLOB_SIZE = 5 * 512;

    private final Map<String, byte[]> blobs = new TreeMap<>();
    private final Map<String, String> userNames = new TreeMap<>();
    private int writes;

    @Override
    public synchronized Optional<byte[]> read(String target) {
        return Optional.ofNullable(blobs.get(target)).map(byte[]::clone);
    }

    @Override
    public synchronized void write(String target, String userName, byte[] blob) {
        if (blob.length > CRED_MAX_CREDENTIAL_BLOB_SIZE) {
            throw new IllegalArgumentException("ERROR_INVALID_PARAMETER: blob of " + blob.length + " bytes");
        }
        blobs.put(target, blob.clone());
        userNames.put(target, userName);
        writes++;
    }

    @Override
    public synchronized boolean delete(String target) {
        userNames.remove(target);
        return blobs.remove(target) != null;
    }

    synchronized Map<String, byte[]> snapshot() {
        Map<String, byte[]> copy = new TreeMap<>();
        blobs.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    synchronized String userName(String target) {
        return userNames.get(target);
    }

    synchronized void put(String target, byte[] blob) {
        blobs.put(target, blob.clone());
    }

    synchronized int writes() {
        return writes;
    }
}
