package io.awssso.stores.secretservice;

import io.awssso.api.StoreUnavailableException;
import io.awssso.stores.internal.DBusCalls;
import io.awssso.stores.internal.KeyringItem;
import io.awssso.stores.secretservice.SecretServiceApi.Pair;
import io.awssso.stores.secretservice.SecretServiceApi.Secret;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to the Secret Service on a session bus, with one session whose secrets travel
 * encrypted ({@code dh-ietf1024-sha256-aes128-cbc-pkcs7}, as libsecret does) or, when the service
 * offers only that, {@code plain}; see {@link TransferSession}.
 *
 * <p>The record is the item labelled {@code aws-sso-cli-records} with the attribute
 * {@code profile=aws-sso-cli-records} in the chosen collection: label and attribute as
 * aws-sso-cli's keyring library writes them, so either program finds the other's item.
 */
final class SecretServiceClient implements AutoCloseable {

    static final String ATTRIBUTE = "profile";
    static final String CONTENT_TYPE = "application/json";
    private static final Logger LOG = LoggerFactory.getLogger(SecretServiceClient.class);

    private final DBusConnection connection;
    private final String busAddress;
    private final Duration callTimeout;
    private final Duration promptTimeout;
    private DBusPath session;
    private TransferSession transfer;

    private SecretServiceClient(DBusConnection connection, String busAddress, Duration callTimeout,
            Duration promptTimeout) {
        this.connection = connection;
        this.busAddress = busAddress;
        this.callTimeout = callTimeout;
        this.promptTimeout = promptTimeout;
    }

    /** Connects to the bus at {@code busAddress}. */
    static SecretServiceClient connect(String busAddress, Duration callTimeout, Duration promptTimeout) {
        try {
            return new SecretServiceClient(DBusCalls.connect(busAddress, callTimeout), busAddress,
                    callTimeout, promptTimeout);
        } catch (DBusException | RuntimeException e) {
            throw new StoreUnavailableException("cannot connect to the D-Bus session bus " + busAddress
                    + " for the secret-service store: " + DBusCalls.describe(e), e);
        }
    }

    /** Whether {@code org.freedesktop.secrets} is running on the bus or can be started by it. */
    boolean serviceAvailable() {
        DBus bus = remote("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
        Boolean owned = DBusCalls.call(connection, bus, "NameHasOwner", callTimeout, what(),
                SecretServiceApi.BUS_NAME);
        if (Boolean.TRUE.equals(owned)) {
            return true;
        }
        Object activatable = DBusCalls.call(connection, bus, "ListActivatableNames", callTimeout, what());
        return DBusCalls.paths(activatable).contains(SecretServiceApi.BUS_NAME);
    }

    /**
     * The collection named {@code name} (by object path, label or alias), created when missing, and
     * unlocked. Creating or unlocking may need a desktop prompt; it is shown and awaited for a
     * bounded time, and a dismissed or impossible prompt is an error that says what to do.
     */
    DBusPath openCollection(String name) {
        DBusPath collection = findCollection(name).orElseGet(() -> createCollection(name));
        ensureUnlocked(collection, name);
        return collection;
    }

    /** Unlocks the collection if it was locked since (a screen lock, a timeout), maybe by a prompt. */
    void ensureUnlocked(DBusPath collection, String name) {
        Object locked = property(collection.getPath(), SecretServiceApi.COLLECTION_INTERFACE, "Locked");
        if (Boolean.TRUE.equals(locked)) {
            Pair<List<DBusPath>, DBusPath> r = DBusCalls.call(connection, service(), "Unlock", callTimeout,
                    what(), List.of(collection));
            if (!isNone(r.getSecond())) {
                prompt(r.getSecond(), "unlocking the Secret Service collection '" + name + "'",
                        "unlock it (log in to the desktop, or run gnome-keyring-daemon --unlock)");
            }
        }
    }

    private Optional<DBusPath> findCollection(String name) {
        List<String> all = DBusCalls.paths(property(SecretServiceApi.SERVICE_PATH,
                SecretServiceApi.SERVICE_INTERFACE, "Collections"));
        String byPath = SecretServiceApi.COLLECTION_PATH_PREFIX + name;
        if (all.contains(byPath)) {
            return Optional.of(new DBusPath(byPath));
        }
        for (String path : all) {
            Object label = property(path, SecretServiceApi.COLLECTION_INTERFACE, "Label");
            if (name.equals(label)) {
                return Optional.of(new DBusPath(path));
            }
        }
        DBusPath alias = DBusCalls.call(connection, service(), "ReadAlias", callTimeout, what(), name);
        return isNone(alias) ? Optional.empty() : Optional.of(alias);
    }

    private DBusPath createCollection(String name) {
        Map<String, Variant<?>> props = Map.of(SecretServiceApi.COLLECTION_LABEL, new Variant<>(name));
        Pair<DBusPath, DBusPath> r = DBusCalls.call(connection, service(), "CreateCollection", callTimeout,
                what(), props, "");
        if (!isNone(r.getFirst())) {
            return r.getFirst();
        }
        Object created = prompt(r.getSecond(), "creating the Secret Service collection '" + name + "'",
                "create it yourself (for example with Seahorse), or set SecretServiceCollection to an"
                        + " existing collection such as 'login'");
        List<String> paths = DBusCalls.paths(created);
        if (paths.isEmpty() || paths.get(0).equals(SecretServiceApi.NO_PROMPT)) {
            return findCollection(name).orElseThrow(() -> new StoreUnavailableException(
                    "the Secret Service did not create the collection '" + name + "'"));
        }
        return new DBusPath(paths.get(0));
    }

    /**
     * The JSON of the item at {@code item} (one GetSecret call).
     *
     * @throws StoreUnavailableException when there is no such item any more, it is locked, or the
     *     call fails
     */
    byte[] readItemAt(DBusPath item) {
        SecretServiceApi.Item remote = remote(SecretServiceApi.BUS_NAME, item.getPath(),
                SecretServiceApi.Item.class);
        DBusPath path = session();
        Secret secret = DBusCalls.call(connection, remote, "GetSecret", callTimeout, what(), path);
        try {
            return transfer().decrypt(secret.getAlgorithmParameters(), secret.getValue());
        } catch (IllegalArgumentException e) {
            throw new StoreUnavailableException(what() + ": " + e.getMessage(), e);
        }
    }

    /** Creates or replaces the item with {@code itemJson}. */
    void writeItem(DBusPath collection, byte[] itemJson) {
        Map<String, Variant<?>> props = Map.of(
                SecretServiceApi.ITEM_LABEL, new Variant<>(KeyringItem.KEY),
                SecretServiceApi.ITEM_ATTRIBUTES, new Variant<>(Map.of(ATTRIBUTE, KeyringItem.KEY), "a{ss}"));
        DBusPath path = session();
        byte[][] sealed = transfer().encrypt(itemJson);
        Secret secret = new Secret(path, sealed[0], sealed[1], CONTENT_TYPE);
        SecretServiceApi.Collection remote = remote(SecretServiceApi.BUS_NAME, collection.getPath(),
                SecretServiceApi.Collection.class);
        Pair<DBusPath, DBusPath> r = DBusCalls.call(connection, remote, "CreateItem", callTimeout, what(),
                props, secret, true);
        if (isNone(r.getFirst()) && !isNone(r.getSecond())) {
            prompt(r.getSecond(), "saving the aws-sso item", "unlock the collection and try again");
        }
    }

    /**
     * The item with the attribute {@code profile=aws-sso-cli-records}: the one every write
     * (CreateItem with replace) replaces in place.
     */
    Optional<DBusPath> findTaggedItem(DBusPath collection) {
        SecretServiceApi.Collection remote = remote(SecretServiceApi.BUS_NAME, collection.getPath(),
                SecretServiceApi.Collection.class);
        List<String> found = DBusCalls.paths(DBusCalls.call(connection, remote, "SearchItems", callTimeout,
                what(), Map.of(ATTRIBUTE, KeyringItem.KEY)));
        return found.isEmpty() ? Optional.empty() : Optional.of(new DBusPath(found.get(0)));
    }

    /** An item written without the attribute (by another client), found by its label. */
    Optional<DBusPath> findLabelledItem(DBusPath collection) {
        for (String path : DBusCalls.paths(property(collection.getPath(),
                SecretServiceApi.COLLECTION_INTERFACE, "Items"))) {
            if (KeyringItem.KEY.equals(property(path, SecretServiceApi.ITEM_INTERFACE, "Label"))) {
                return Optional.of(new DBusPath(path));
            }
        }
        return Optional.empty();
    }

    private synchronized DBusPath session() {
        if (session == null) {
            TransferSession dh = TransferSession.diffieHellman(new SecureRandom());
            try {
                session = open(dh);
                transfer = dh;
            } catch (StoreUnavailableException | IllegalArgumentException e) {
                LOG.debug("{} does not offer {}, using {}: {}", what(), dh.algorithm(),
                        TransferSession.PLAIN_ALGORITHM, e.getMessage());
                TransferSession plain = TransferSession.plain();
                session = open(plain);
                transfer = plain;
            }
        }
        return session;
    }

    private synchronized TransferSession transfer() {
        return transfer;
    }

    /** The algorithm of the open session (for tests). */
    synchronized String sessionAlgorithm() {
        session();
        return transfer.algorithm();
    }

    private DBusPath open(TransferSession t) {
        byte[] input = t.openInput();
        Variant<?> in = input == null ? new Variant<>("") : new Variant<>(input, "ay");
        Pair<Variant<?>, DBusPath> r = DBusCalls.call(connection, service(), "OpenSession", callTimeout, what(),
                t.algorithm(), in);
        if (input != null) {
            t.opened(bytes(r.getFirst().getValue()));
        }
        return r.getSecond();
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        if (value instanceof Byte[] boxed) {
            byte[] b = new byte[boxed.length];
            for (int i = 0; i < b.length; i++) {
                b[i] = boxed[i];
            }
            return b;
        }
        if (value instanceof List<?> list) {
            byte[] b = new byte[list.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = (Byte) list.get(i);
            }
            return b;
        }
        throw new IllegalArgumentException("the Secret Service answered OpenSession with "
                + (value == null ? "nothing" : value.getClass().getSimpleName()) + " instead of bytes");
    }

    /**
     * Shows a prompt and waits (bounded) for its answer.
     *
     * @return the prompt's result value
     */
    @SuppressWarnings("try") // the signal handler is registered for the whole block
    private Object prompt(DBusPath prompt, String action, String advice) {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<SecretServiceApi.Prompt.Completed> answer = new AtomicReference<>();
        SecretServiceApi.Prompt remote = remote(SecretServiceApi.BUS_NAME, prompt.getPath(),
                SecretServiceApi.Prompt.class);
        try (AutoCloseable handler = connection.addSigHandler(SecretServiceApi.Prompt.Completed.class, remote,
                signal -> {
                    answer.set(signal);
                    done.countDown();
                })) {
            try {
                DBusCalls.call(connection, remote, "Prompt", callTimeout, what(), "");
            } catch (StoreUnavailableException e) {
                throw new StoreUnavailableException(action + " needs a desktop prompt, which could not be shown"
                        + " (no desktop session?): " + e.getMessage() + "; " + advice, e);
            }
            if (!done.await(promptTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    DBusCalls.call(connection, remote, "Dismiss", callTimeout, what());
                } catch (StoreUnavailableException ignored) {
                    // the prompt is abandoned either way
                }
                throw new StoreUnavailableException(action + " needs an answer to a desktop prompt, and none"
                        + " came within " + promptTimeout.toSeconds() + " s; " + advice);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while " + action, e);
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreUnavailableException(action + " failed: " + DBusCalls.describe(e), e);
        }
        SecretServiceApi.Prompt.Completed completed = answer.get();
        if (completed.dismissed()) {
            throw new StoreUnavailableException(action + " needs a desktop prompt, which was dismissed or"
                    + " could not be shown (no desktop session?); " + advice);
        }
        return completed.result();
    }

    private Object property(String path, String iface, String name) {
        Properties props = remote(SecretServiceApi.BUS_NAME, path, Properties.class);
        return DBusCalls.call(connection, props, "Get", callTimeout, what(), iface, name);
    }

    private SecretServiceApi.Service service() {
        return remote(SecretServiceApi.BUS_NAME, SecretServiceApi.SERVICE_PATH, SecretServiceApi.Service.class);
    }

    private <T extends DBusInterface> T remote(String bus, String path, Class<T> type) {
        try {
            return connection.getRemoteObject(bus, path, type);
        } catch (DBusException e) {
            throw new StoreUnavailableException(what() + ": " + DBusCalls.describe(e), e);
        }
    }

    private static boolean isNone(DBusPath path) {
        return path == null || SecretServiceApi.NO_PROMPT.equals(path.getPath());
    }

    private String what() {
        return "the Secret Service (" + SecretServiceApi.BUS_NAME + " on " + busAddress + ")";
    }

    @Override
    public void close() {
        DBusPath open;
        synchronized (this) {
            open = session;
            session = null;
            transfer = null;
        }
        if (open != null) {
            try {
                DBusCalls.call(connection, remote(SecretServiceApi.BUS_NAME, open.getPath(),
                        SecretServiceApi.Session.class), "Close", callTimeout, what());
            } catch (RuntimeException e) {
                // the service drops the session with the connection anyway
            }
        }
        DBusCalls.closeQuietly(connection);
    }
}
