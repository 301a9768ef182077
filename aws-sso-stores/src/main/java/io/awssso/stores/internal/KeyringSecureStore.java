package io.awssso.stores.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.awssso.api.StoreUnavailableException;
import io.awssso.api.spi.FileLocks;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.StoredSecrets;
import java.io.IOException;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The shared half of every keyring-type backend: the whole {@code StorageData} blob is read and
 * rewritten as one value, reads under the shared and read-modify-writes under the exclusive
 * {@code storage.lock}, and members this code does not model are kept. Subclasses only load and
 * save the blob's bytes.
 */
public abstract class KeyringSecureStore implements SecureStore {

    private final StorageLock lock;

    /** A store whose accesses run under {@code lock}. */
    protected KeyringSecureStore(StorageLock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /**
     * The stored {@code StorageData} JSON, or {@code null} when nothing is stored yet. Called
     * under the lock.
     *
     * @throws StoreUnavailableException when it cannot be read
     */
    protected abstract byte[] loadData();

    /**
     * Replaces the stored {@code StorageData} JSON. Called under the exclusive lock.
     *
     * @param creating true when {@link #loadData()} found nothing (a backend may then ask for a new
     *     password)
     * @throws StoreUnavailableException when it cannot be written
     */
    protected abstract void saveData(byte[] storageDataJson, boolean creating);

    /** Where the data lives, for messages (a path, a collection name); never secret. */
    protected abstract String location();

    @SuppressWarnings("try") // the lock is held for the whole block, not referenced in it
    @Override
    public final StoredSecrets read() {
        try (FileLocks.Held held = lock.shared()) {
            return decode(parse(loadData()));
        }
    }

    @SuppressWarnings("try") // the lock is held for the whole block, not referenced in it
    @Override
    public final StoredSecrets update(UnaryOperator<StoredSecrets> change) {
        Objects.requireNonNull(change, "change must not be null");
        try (FileLocks.Held held = lock.exclusive()) {
            byte[] raw = loadData();
            JsonNode previous = parse(raw);
            StoredSecrets current = decode(previous);
            StoredSecrets next = Objects.requireNonNull(change.apply(current),
                    "the change function returned null");
            if (raw != null && next.equals(current)) {
                return current;
            }
            if (raw == null && next.equals(StoredSecrets.EMPTY)) {
                return next;
            }
            saveData(GoJson.compact(SecretsCodec.STORAGE_DATA.encode(next, previous)), raw == null);
            return next;
        }
    }

    private JsonNode parse(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return null;
        }
        try {
            return GoJson.parse(raw);
        } catch (IOException e) {
            throw unreadable(e.getMessage());
        }
    }

    private StoredSecrets decode(JsonNode root) {
        if (root == null || root.isNull()) {
            return StoredSecrets.EMPTY;
        }
        try {
            return SecretsCodec.STORAGE_DATA.decode(root);
        } catch (IllegalArgumentException e) {
            throw unreadable(e.getMessage());
        }
    }

    private StoreUnavailableException unreadable(String detail) {
        return new StoreUnavailableException("the " + name() + " store " + location()
                + " holds data aws-sso cannot read (" + detail + "); nothing was changed");
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + location() + "]";
    }
}
