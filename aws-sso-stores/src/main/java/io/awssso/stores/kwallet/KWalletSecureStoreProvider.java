package io.awssso.stores.kwallet;

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
 * Provides the {@code kwallet} store (KDE Wallet over D-Bus). The session bus is the one named by
 * {@code DBUS_SESSION_BUS_ADDRESS} in the {@link StoreContext} environment (else
 * {@code $XDG_RUNTIME_DIR/bus}). Supported when {@code org.kde.kwalletd6} or
 * {@code org.kde.kwalletd5} runs on (or can be started by) that bus, checked with short timeouts
 * and without opening the wallet.
 */
public final class KWalletSecureStoreProvider implements SecureStoreProvider {

    /** The backend name. */
    public static final String NAME = "kwallet";

    private static final Logger LOG = LoggerFactory.getLogger(KWalletSecureStoreProvider.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(25);
    private static final Duration OPEN_TIMEOUT = Duration.ofMinutes(2);

    /** For {@link java.util.ServiceLoader}. */
    public KWalletSecureStoreProvider() {
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
        try (KWalletClient client = KWalletClient.connect(address.get(), PROBE_TIMEOUT, PROBE_TIMEOUT)) {
            return client.findDaemon().isPresent();
        } catch (RuntimeException e) {
            LOG.debug("no KWallet on {}: {}", address.get(), e.getMessage());
            return false;
        }
    }

    @Override
    public SecureStore create(StoreContext context) {
        String address = DBusCalls.sessionBusAddress(context.environment()).orElseThrow(() ->
                new StoreUnavailableException("the kwallet store needs a D-Bus session bus, and"
                        + " DBUS_SESSION_BUS_ADDRESS names no unix:path= address; start a KDE session or choose"
                        + " another SecureStore in config"));
        KWalletClient client = KWalletClient.connect(address, CALL_TIMEOUT, OPEN_TIMEOUT);
        try {
            if (client.findDaemon().isEmpty()) {
                throw new StoreUnavailableException("no KWallet daemon (org.kde.kwalletd6 or org.kde.kwalletd5)"
                        + " on the D-Bus session bus " + address + "; start KDE's wallet or choose another"
                        + " SecureStore in config");
            }
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        return new KWalletSecureStore(client, StorageLock.of(context));
    }
}
