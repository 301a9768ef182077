package io.awssso.stores.kwallet;

import io.awssso.api.StoreUnavailableException;
import io.awssso.stores.internal.DBusCalls;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.DBusInterface;

/**
 * One connection to a KWallet daemon on a session bus. The wallet is opened for the application
 * id {@code aws-sso-cli} (what KWallet shows the user when it asks), with a bounded wait because
 * opening may ask for the wallet password.
 */
final class KWalletClient implements AutoCloseable {

    static final String APP_ID = "aws-sso-cli";
    static final String FOLDER = "aws-sso-cli";
    static final String DEFAULT_WALLET = "kdewallet";

    /** The daemons that serve {@code org.kde.KWallet}, newest first: bus name and object path. */
    static final List<String[]> DAEMONS = List.of(
            new String[] {"org.kde.kwalletd6", "/modules/kwalletd6"},
            new String[] {"org.kde.kwalletd5", "/modules/kwalletd5"});

    private final DBusConnection connection;
    private final String busAddress;
    private final Duration callTimeout;
    private final Duration openTimeout;
    private String[] daemon;
    private Integer handle;
    private String wallet;

    private KWalletClient(DBusConnection connection, String busAddress, Duration callTimeout, Duration openTimeout) {
        this.connection = connection;
        this.busAddress = busAddress;
        this.callTimeout = callTimeout;
        this.openTimeout = openTimeout;
    }

    static KWalletClient connect(String busAddress, Duration callTimeout, Duration openTimeout) {
        try {
            return new KWalletClient(DBusCalls.connect(busAddress, callTimeout), busAddress, callTimeout, openTimeout);
        } catch (DBusException | RuntimeException e) {
            throw new StoreUnavailableException("cannot connect to the D-Bus session bus " + busAddress
                    + " for the kwallet store: " + DBusCalls.describe(e), e);
        }
    }

    /** The KWallet daemon running on (or startable by) the bus, if any. */
    Optional<String[]> findDaemon() {
        DBus bus = remote("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
        for (String[] d : DAEMONS) {
            if (Boolean.TRUE.equals(DBusCalls.call(connection, bus, "NameHasOwner", callTimeout, what(), d[0]))) {
                return Optional.of(d);
            }
        }
        List<String> activatable = DBusCalls.paths(DBusCalls.call(connection, bus, "ListActivatableNames",
                callTimeout, what()));
        return DAEMONS.stream().filter(d -> activatable.contains(d[0])).findFirst();
    }

    private synchronized KWalletApi kwallet() {
        if (daemon == null) {
            daemon = findDaemon().orElseThrow(() -> new StoreUnavailableException("no KWallet daemon"
                    + " (org.kde.kwalletd6 or org.kde.kwalletd5) on the D-Bus session bus " + busAddress
                    + "; start KDE's wallet or choose another SecureStore in config"));
        }
        return remote(daemon[0], daemon[1], KWalletApi.class);
    }

    private synchronized int handle() {
        if (handle == null) {
            KWalletApi k = kwallet();
            String network = DBusCalls.call(connection, k, "networkWallet", callTimeout, what());
            wallet = network == null || network.isBlank() ? DEFAULT_WALLET : network;
            Integer h = DBusCalls.call(connection, k, "open", openTimeout, what(), wallet, 0L, APP_ID);
            if (h == null || h < 0) {
                throw new StoreUnavailableException("KWallet did not open the wallet '" + wallet + "' for "
                        + APP_ID + " (refused, or its password was not given); open it in KWallet Manager and"
                        + " try again");
            }
            handle = h;
        }
        return handle;
    }

    static final int PASSWORD_ENTRY = 1;

    /**
     * The entry's value, if it exists: a stream entry's bytes (what aws-sso-cli's keyring library
     * writes) or a password entry's text as UTF-8.
     */
    Optional<byte[]> read(String key) {
        KWalletApi k = kwallet();
        int h = handle();
        if (!Boolean.TRUE.equals(DBusCalls.call(connection, k, "hasFolder", callTimeout, what(), h, FOLDER, APP_ID))
                || !Boolean.TRUE.equals(DBusCalls.call(connection, k, "hasEntry", callTimeout, what(), h, FOLDER,
                        key, APP_ID))) {
            return Optional.empty();
        }
        Integer type = DBusCalls.call(connection, k, "entryType", callTimeout, what(), h, FOLDER, key, APP_ID);
        if (type != null && type == PASSWORD_ENTRY) {
            String text = DBusCalls.call(connection, k, "readPassword", callTimeout, what(), h, FOLDER, key, APP_ID);
            return Optional.of(text == null ? new byte[0] : text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        byte[] bytes = DBusCalls.call(connection, k, "readEntry", callTimeout, what(), h, FOLDER, key, APP_ID);
        return Optional.of(bytes == null ? new byte[0] : bytes);
    }

    /** Creates or replaces the entry (and its folder) as a stream entry holding {@code value}. */
    void write(String key, byte[] value) {
        KWalletApi k = kwallet();
        int h = handle();
        if (!Boolean.TRUE.equals(DBusCalls.call(connection, k, "hasFolder", callTimeout, what(), h, FOLDER, APP_ID))
                && !Boolean.TRUE.equals(DBusCalls.call(connection, k, "createFolder", callTimeout, what(), h,
                        FOLDER, APP_ID))) {
            throw new StoreUnavailableException("KWallet did not create the folder '" + FOLDER + "' in the wallet '"
                    + wallet + "'");
        }
        Integer r = DBusCalls.call(connection, k, "writeEntry", callTimeout, what(), h, FOLDER, key, value, APP_ID);
        if (r == null || r != 0) {
            throw new StoreUnavailableException("KWallet did not save the entry " + FOLDER + "/" + key
                    + " in the wallet '" + wallet + "' (code " + r + ")");
        }
    }

    /** The wallet, folder and entry, for messages. */
    String describe(String key) {
        return "KWallet " + (wallet == null ? "" : "wallet '" + wallet + "' ") + "entry " + FOLDER + "/" + key;
    }

    private <T extends DBusInterface> T remote(String bus, String path, Class<T> type) {
        try {
            return connection.getRemoteObject(bus, path, type);
        } catch (DBusException e) {
            throw new StoreUnavailableException(what() + ": " + DBusCalls.describe(e), e);
        }
    }

    private String what() {
        return "KWallet (on " + busAddress + ")";
    }

    @Override
    public void close() {
        Integer open;
        String[] d;
        synchronized (this) {
            open = handle;
            d = daemon;
            handle = null;
        }
        if (open != null && d != null) {
            try {
                DBusCalls.call(connection, remote(d[0], d[1], KWalletApi.class), "close", callTimeout, what(),
                        open, false, APP_ID);
            } catch (RuntimeException e) {
                // the daemon drops the handle with the connection anyway
            }
        }
        DBusCalls.closeQuietly(connection);
    }
}
