package io.awssso.stores.kwallet;

import io.awssso.api.StoreUnavailableException;
import io.awssso.stores.internal.KeyringItem;
import io.awssso.stores.internal.KeyringSecureStore;
import io.awssso.stores.internal.StorageLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The {@code kwallet} store: the entry {@code aws-sso-cli-records} in the folder {@code aws-sso-cli}
 * of the network wallet, a password entry holding the keyring item JSON, as aws-sso-cli keeps it.
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
        Optional<String> value = client.read(KeyringItem.KEY);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return KeyringItem.unwrap(value.get().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StoreUnavailableException("the " + location() + " is not an aws-sso record ("
                    + e.getMessage() + "); nothing was changed");
        }
    }

    @Override
    protected void saveData(byte[] storageDataJson, boolean creating) {
        // The item JSON is ASCII (the data is base64), so it is a lossless string.
        client.write(KeyringItem.KEY, new String(KeyringItem.wrap(storageDataJson), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        client.close();
    }
}
