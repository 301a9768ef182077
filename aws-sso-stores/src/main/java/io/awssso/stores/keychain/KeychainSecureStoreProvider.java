package io.awssso.stores.keychain;

import io.awssso.api.StoreUnavailableException;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.SecureStoreProvider;
import io.awssso.api.spi.StoreContext;
import io.awssso.stores.internal.StorageLock;
import java.util.Locale;

/**
 * Provides the {@code keychain} store (the macOS login keychain, through JNA and
 * Security.framework). Supported on macOS only.
 */
public final class KeychainSecureStoreProvider implements SecureStoreProvider {

    /** The backend name. */
    public static final String NAME = "keychain";

    /** For {@link java.util.ServiceLoader}. */
    public KeychainSecureStoreProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isSupported(StoreContext context) {
        return isMac();
    }

    static boolean isMac() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.startsWith("mac") || os.startsWith("darwin");
    }

    @Override
    public SecureStore create(StoreContext context) {
        if (!isMac()) {
            throw new StoreUnavailableException("the keychain store works on macOS only; choose another"
                    + " SecureStore in config");
        }
        return create(new MacKeychain(), context);
    }

    /** The store over {@code keychain}, locked by {@code <cfg>/storage.lock}. */
    static SecureStore create(Keychain keychain, StoreContext context) {
        return new KeychainSecureStore(keychain, StorageLock.of(context));
    }
}
