package io.awssso.stores.secretservice;

import io.awssso.api.StoreUnavailableException;
import io.awssso.stores.internal.KeyringItem;
import io.awssso.stores.internal.KeyringSecureStore;
import io.awssso.stores.internal.StorageLock;
import java.io.IOException;
import java.util.Optional;
import org.freedesktop.dbus.DBusPath;

/**
 * The {@code secret-service} store: one item {@code aws-sso-cli-records} in a Secret Service
 * collection (gnome-keyring, KeePassXC, ...) whose secret is the keyring item JSON, content type
 * {@code application/json}, as aws-sso-cli keeps it.
 */
final class SecretServiceSecureStore extends KeyringSecureStore {

    private final SecretServiceClient client;
    private final String collectionName;
    private DBusPath collection;
    /** The item the last read found, read directly next time. */
    private volatile DBusPath lastItem;

    SecretServiceSecureStore(SecretServiceClient client, String collectionName, StorageLock lock) {
        super(lock);
        this.client = client;
        this.collectionName = collectionName;
    }

    @Override
    public String name() {
        return SecretServiceSecureStoreProvider.NAME;
    }

    @Override
    protected String location() {
        return "collection '" + collectionName + "' item " + KeyringItem.KEY;
    }

    private synchronized DBusPath collection() {
        if (collection == null) {
            collection = client.openCollection(collectionName);
        } else {
            client.ensureUnlocked(collection, collectionName);
        }
        return collection;
    }

    @Override
    protected byte[] loadData() {
        byte[] json = null;
        DBusPath known = lastItem;
        if (known != null) {
            // A store kept open (the agent's) reads the item it found before with one call: its
            // secret is always the current one. Gone or locked since, the whole lookup runs again
            // (unlocking, maybe with a prompt, as on the first read).
            try {
                json = client.readItemAt(known);
            } catch (StoreUnavailableException e) {
                lastItem = null;
            }
        }
        if (json == null) {
            DBusPath collection = collection();
            Optional<DBusPath> tagged = client.findTaggedItem(collection);
            Optional<DBusPath> item = tagged.isPresent() ? tagged : client.findLabelledItem(collection);
            if (item.isEmpty()) {
                return null;
            }
            json = client.readItemAt(item.get());
            // only the tagged item: a write adds it beside a labelled one, which would then be stale
            lastItem = tagged.orElse(null);
        }
        try {
            return KeyringItem.unwrap(json);
        } catch (IOException e) {
            throw new StoreUnavailableException("the Secret Service item " + KeyringItem.KEY + " in collection '"
                    + collectionName + "' is not an aws-sso record (" + e.getMessage() + "); nothing was changed");
        }
    }

    @Override
    protected void saveData(byte[] storageDataJson, boolean creating) {
        lastItem = null; // the write may add the tagged item
        client.writeItem(collection(), KeyringItem.wrap(storageDataJson));
    }

    /** The algorithm secrets travel with (for tests). */
    String transferAlgorithm() {
        return client.sessionAlgorithm();
    }

    @Override
    public void close() {
        client.close();
    }
}
