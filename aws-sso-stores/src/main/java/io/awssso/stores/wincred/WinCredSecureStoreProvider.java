package io.awssso.stores.wincred;

import io.awssso.api.StoreUnavailableException;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.SecureStoreProvider;
import io.awssso.api.spi.StoreContext;
import io.awssso.stores.internal.StorageLock;
import java.util.Locale;

/**
 * Provides the {@code wincred} store (the Windows Credential Manager, through JNA). Supported on
 * Windows only.
 */
public final class WinCredSecureStoreProvider implements SecureStoreProvider {

    /** The backend name. */
    public static final String NAME = "wincred";

    /** For {@link java.util.ServiceLoader}. */
    public WinCredSecureStoreProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isSupported(StoreContext context) {
        return isWindows();
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    @Override
    public SecureStore create(StoreContext context) {
        if (!isWindows()) {
            throw new StoreUnavailableException("the wincred store (Windows Credential Manager) works on Windows"
                    + " only; choose another SecureStore in config");
        }
        return create(new WindowsCredentialTable(), context);
    }

    /** The store over {@code table}, locked by {@code <cfg>/storage.lock}. */
    static SecureStore create(CredentialTable table, StoreContext context) {
        return new WinCredSecureStore(table, StorageLock.of(context));
    }
}
