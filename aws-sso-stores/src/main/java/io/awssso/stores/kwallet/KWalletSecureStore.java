package io.awssso.stores.kwallet;

import io.awssso.api.StoreUnavailableException;
import io.awssso.stores.internal.KeyringItem;
import io.awssso.stores.internal.KeyringSecureStore;
import io.awssso.stores.internal.StorageLock;
import java.io.IOException;
import java.util.Optional;

/**
 * The {@code kwallet} store: the entry {@code aws-sso-cli-records} in the folder {@code aws-sso-cli}
 * of the network wallet holding the keyring item JSON. It is written as a stream (binary) entry, as
 * aws-sso-cli's keyring library writes it; a password entry of the same name (written by hand, or by
 * other tools) is read too.
 */
final class KWalletSecureStore extends KeyringSecureStore {

    private final KWalletClient client;

    KWalletSecureStore(KWalletClient client, StorageLock lock) {
        super(lock);
        this.client = client;
    }

    @Override
    public String name() {
        return KWalletSecureStoreProvider.NAME;
    }

    @Override
    protected String location() {
        return client.describe(KeyringItem.KEY);
    }

    @Override
    protected byte[] loadData() {
        Optional<byte[]> value = client.read(KeyringItem.KEY);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return KeyringItem.unwrap(value.get());
        } catch (IOException e) {
            throw new StoreUnavailableException("the " + location() + " is not an aws-sso record ("
                    + e.getMessage() + "); nothing was changed");
        }
    }

    @Override
    protected void saveData(byte[] storageDataJson, boolean creating) {
        client.write(KeyringItem.KEY, KeyringItem.wrap(storageDataJson));
    }

    @Override
    public void close() {
        client.close();
    }
}
