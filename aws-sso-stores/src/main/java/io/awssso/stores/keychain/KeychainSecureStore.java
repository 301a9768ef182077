package io.awssso.stores.keychain;

import io.awssso.stores.internal.KeyringItem;
import io.awssso.stores.internal.KeyringSecureStore;
import io.awssso.stores.internal.StorageLock;

/**
 * The {@code keychain} store: the generic password with service {@code aws-sso-cli} and account
 * {@code aws-sso-cli-records} (labelled {@code aws-sso-cli}) whose data is the {@code StorageData}
 * JSON, as aws-sso-cli's keyring library keeps it on macOS.
 */
final class KeychainSecureStore extends KeyringSecureStore {

    /** The keychain service name. */
    static final String SERVICE = KeyringItem.LABEL;

    private final Keychain keychain;

    KeychainSecureStore(Keychain keychain, StorageLock lock) {
        super(lock);
        this.keychain = keychain;
    }

    @Override
    public String name() {
        return KeychainSecureStoreProvider.NAME;
    }

    @Override
    protected String location() {
        return "keychain item " + SERVICE + "/" + KeyringItem.KEY;
    }

    @Override
    protected byte[] loadData() {
        return keychain.find(SERVICE, KeyringItem.KEY).orElse(null);
    }

    @Override
    protected void saveData(byte[] storageDataJson, boolean creating) {
        keychain.save(SERVICE, KeyringItem.KEY, storageDataJson);
    }
}
