package io.awssso.stores.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.awssso.api.StoreUnavailableException;
import io.awssso.api.spi.FileLocks;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.StoredSecrets;
import io.awssso.stores.internal.AtomicFiles;
import io.awssso.api.internal.io.BoundedFiles;
import io.awssso.stores.internal.GoJson;
import io.awssso.stores.internal.SecretsCodec;
import io.awssso.stores.internal.StorageLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * aws-sso-cli's plain {@code store.json}: pretty-printed, mode 0600, in the layout of reference
 * 5.2 so that a user can switch between the two tools. Every access runs under
 * {@code <cfg>/storage.lock}; every write replaces the file atomically and keeps members this code
 * does not model ({@code StartDeviceAuth}, {@code StaticCredentials}).
 */
final class JsonSecureStore implements SecureStore {

    private static final Logger LOG = LoggerFactory.getLogger(JsonSecureStore.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private final Path file;
    private final StorageLock lock;

    JsonSecureStore(Path file, StorageLock lock) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        this.lock = Objects.requireNonNull(lock, "lock");
        if (WARNED.compareAndSet(false, true)) {
            LOG.warn("Using insecure json file store {}; see SecureStore in config", this.file);
        }
    }

    /** The store file. */
    Path file() {
        return file;
    }

    @Override
    public String name() {
        return JsonSecureStoreProvider.NAME;
    }

    @SuppressWarnings("try") // the lock is held for the whole block, not referenced in it
    @Override
    public StoredSecrets read() {
        try (FileLocks.Held held = lock.shared()) {
            return decode(load());
        }
    }

    @SuppressWarnings("try") // the lock is held for the whole block, not referenced in it
    @Override
    public StoredSecrets update(UnaryOperator<StoredSecrets> change) {
        Objects.requireNonNull(change, "change must not be null");
        try (FileLocks.Held held = lock.exclusive()) {
            JsonNode previous = load();
            StoredSecrets current = decode(previous);
            StoredSecrets next = Objects.requireNonNull(change.apply(current),
                    "the change function returned null");
            if (next.equals(current) && previous != null) {
                return current;
            }
            byte[] bytes = GoJson.indented(SecretsCodec.JSON_STORE.encode(next, previous));
            try {
                AtomicFiles.deleteStaleTemps(file);
                AtomicFiles.write(file, bytes);
            } catch (IOException e) {
                throw new StoreUnavailableException("cannot write the json store " + file + ": " + e, e);
            }
            return next;
        }
    }

    /** The file's JSON tree, or {@code null} when there is no file yet. */
    private JsonNode load() {
        byte[] bytes;
        try {
            bytes = BoundedFiles.read(file, BoundedFiles.MAX_STATE_BYTES);
        } catch (NoSuchFileException e) {
            return null;
        } catch (BoundedFiles.NotRegularFileException | BoundedFiles.FileTooLargeException e) {
            throw new StoreUnavailableException("cannot read the json store: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot read the json store " + file + ": " + e, e);
        }
        try {
            JsonNode root = GoJson.parse(bytes);
            if (!root.isObject()) {
                throw new IOException("the document is not a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw malformed(e.getMessage());
        }
    }

    private StoredSecrets decode(JsonNode root) {
        if (root == null) {
            return StoredSecrets.EMPTY;
        }
        try {
            return SecretsCodec.JSON_STORE.decode(root);
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
    }

    private StoreUnavailableException malformed(String detail) {
        return new StoreUnavailableException("the json store " + file + " is not readable (" + detail
                + "); fix the file or move it away to start with an empty store");
    }

    @Override
    public String toString() {
        return "JsonSecureStore[" + file + "]";
    }
}
