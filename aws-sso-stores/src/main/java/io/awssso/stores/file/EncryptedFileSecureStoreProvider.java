package io.awssso.stores.file;

import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.SecureStoreProvider;
import io.awssso.api.spi.StoreContext;
import io.awssso.stores.internal.KeyringItem;
import io.awssso.stores.internal.StorageLock;
import java.time.Clock;

/**
 * Provides the {@code file} store, {@code <cfg>/secure/aws-sso-cli-records}, encrypted with a
 * password from {@code AWS_SSO_FILE_PASSWORD} or the prompt. Works everywhere, so it is the last
 * resort of auto-detection.
 */
public final class EncryptedFileSecureStoreProvider implements SecureStoreProvider {

    /** The backend name. */
    public static final String NAME = "file";

    /** For {@link java.util.ServiceLoader}. */
    public EncryptedFileSecureStoreProvider() {
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
        return new EncryptedFileSecureStore(
                context.configDirectory().resolve("secure").resolve(KeyringItem.KEY),
                StorageLock.of(context),
                context.environment(), context.passwordPrompt(), Clock.systemUTC());
    }
}
