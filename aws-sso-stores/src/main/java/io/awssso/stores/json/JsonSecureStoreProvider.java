package io.awssso.stores.json;

import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.SecureStoreProvider;
import io.awssso.api.spi.StoreContext;
import io.awssso.stores.internal.StorageLock;
import java.nio.file.Path;

/**
 * Provides the {@code json} store: option {@code JsonStore} names the file, else
 * {@code <cfg>/store.json}. Always supported; never chosen by auto-detection in preference to a
 * real keyring because it keeps secrets in plain text.
 */
public final class JsonSecureStoreProvider implements SecureStoreProvider {

    /** The backend name. */
    public static final String NAME = "json";
    /** The config option naming the file. */
    public static final String OPTION_FILE = "JsonStore";

    /** For {@link java.util.ServiceLoader}. */
    public JsonSecureStoreProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isSupported(StoreContext context) {
        return true;
    }

    @Override
    public SecureStore create(StoreContext context) {
        Path file = context.option(OPTION_FILE)
                .map(Path::of)
                .orElseGet(() -> context.configDirectory().resolve("store.json"));
        return new JsonSecureStore(file, StorageLock.of(context));
    }
}
