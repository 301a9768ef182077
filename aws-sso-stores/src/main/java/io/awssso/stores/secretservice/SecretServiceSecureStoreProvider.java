package io.awssso.stores.secretservice;

import io.awssso.api.StoreUnavailableException;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.SecureStoreProvider;
import io.awssso.api.spi.StoreContext;
import io.awssso.stores.internal.DBusCalls;
import io.awssso.stores.internal.StorageLock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides the {@code secret-service} store (the freedesktop.org Secret Service over D-Bus:
 * gnome-keyring, KeePassXC, KWallet's Secret Service mode). The session bus is the one named by
 * {@code DBUS_SESSION_BUS_ADDRESS} in the {@link StoreContext} environment (else
 * {@code $XDG_RUNTIME_DIR/bus}); the collection is the option {@code SecretServiceCollection},
 * default {@code awsssocli}, looked up by object path, label or alias and created when missing.
 *
 * <p>Supported when {@code org.freedesktop.secrets} is running on (or can be started by) that bus,
 * checked with short timeouts and without ever prompting.
 */
public final class SecretServiceSecureStoreProvider implements SecureStoreProvider {

    /** The backend name. */
    public static final String NAME = "secret-service";
    /** The config option naming the collection. */
    public static final String COLLECTION_OPTION = "SecretServiceCollection";
    /** The collection used when the option is unset. */
    public static final String DEFAULT_COLLECTION = "awsssocli";

    private static final Logger LOG = LoggerFactory.getLogger(SecretServiceSecureStoreProvider.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(25);
    private static final Duration PROMPT_TIMEOUT = Duration.ofMinutes(2);

    /** For {@link java.util.ServiceLoader}. */
    public SecretServiceSecureStoreProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isSupported(StoreContext context) {
        Optional<String> address = DBusCalls.sessionBusAddress(context.environment());
        if (address.isEmpty()) {
            return false;
        }
        try (SecretServiceClient client = SecretServiceClient.connect(address.get(), PROBE_TIMEOUT, PROBE_TIMEOUT)) {
            return client.serviceAvailable();
        } catch (RuntimeException e) {
            LOG.debug("no Secret Service on {}: {}", address.get(), e.getMessage());
            return false;
        }
    }

    @Override
    public SecureStore create(StoreContext context) {
        String address = DBusCalls.sessionBusAddress(context.environment()).orElseThrow(() ->
                new StoreUnavailableException("the secret-service store needs a D-Bus session bus, and"
                        + " DBUS_SESSION_BUS_ADDRESS names no unix:path= address; start a desktop session or"
                        + " choose another SecureStore in config"));
        String collection = context.option(COLLECTION_OPTION).orElse(DEFAULT_COLLECTION);
        SecretServiceClient client = SecretServiceClient.connect(address, CALL_TIMEOUT, PROMPT_TIMEOUT);
        try {
            if (!client.serviceAvailable()) {
                throw new StoreUnavailableException("no Secret Service (org.freedesktop.secrets) on the D-Bus"
                        + " session bus " + address + "; start gnome-keyring (or KeePassXC with its Secret"
                        + " Service integration) or choose another SecureStore in config");
            }
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        return new SecretServiceSecureStore(client, collection, StorageLock.of(context));
    }
}
