package io.awssso.stores.secretservice;

import io.awssso.stores.secretservice.SecretServiceApi.Pair;
import io.awssso.stores.secretservice.SecretServiceApi.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.Variant;

/**
 * Test-only use of gnome-keyring's own (unsupported, gnome-keyring-specific) interface that
 * creates a collection with a given password and no prompt: what a person does in Seahorse on a
 * desktop, done headless so that the default collection {@code awsssocli} exists for the tests.
 */
final class GnomeKeyringTestSupport {

    private GnomeKeyringTestSupport() {
    }

    /** gnome-keyring's prompt-free collection creation. */
    @DBusInterfaceName("org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface")
    public interface Internal extends DBusInterface {
        DBusPath CreateWithMasterPassword(Map<String, Variant<?>> properties, Secret master);

        void UnlockWithMasterPassword(DBusPath collection, Secret master);
    }

    /** The Secret Service's Lock, which the store never calls. */
    @DBusInterfaceName("org.freedesktop.Secret.Service")
    public interface Locking extends DBusInterface {
        Pair<java.util.List<DBusPath>, DBusPath> Lock(java.util.List<DBusPath> objects);
    }

    /** Locks the collection at {@code path} (as a screen lock or a timeout would). */
    static void lock(String busAddress, String path) throws Exception {
        try (DBusConnection c = DBusConnectionBuilder.forAddress(busAddress).withShared(false).build()) {
            c.getRemoteObject(SecretServiceApi.BUS_NAME, SecretServiceApi.SERVICE_PATH, Locking.class)
                    .Lock(java.util.List.of(new DBusPath(path)));
        }
    }

    /** Unlocks the collection at {@code path} with its password, without a prompt. */
    static void unlock(String busAddress, String path, String password) throws Exception {
        try (DBusConnection c = DBusConnectionBuilder.forAddress(busAddress).withShared(false).build()) {
            SecretServiceApi.Service service = c.getRemoteObject(SecretServiceApi.BUS_NAME,
                    SecretServiceApi.SERVICE_PATH, SecretServiceApi.Service.class);
            Pair<Variant<?>, DBusPath> session = service.OpenSession("plain", new Variant<>(""));
            c.getRemoteObject(SecretServiceApi.BUS_NAME, SecretServiceApi.SERVICE_PATH, Internal.class)
                    .UnlockWithMasterPassword(new DBusPath(path), new Secret(session.getSecond(), new byte[0],
                            password.getBytes(StandardCharsets.UTF_8), "text/plain"));
        }
    }

    /** Creates the collection labelled {@code label}, unlocked, protected by {@code password}. */
    static String createCollection(String busAddress, String label, String password) throws Exception {
        try (DBusConnection c = DBusConnectionBuilder.forAddress(busAddress).withShared(false).build()) {
            SecretServiceApi.Service service = c.getRemoteObject(SecretServiceApi.BUS_NAME,
                    SecretServiceApi.SERVICE_PATH, SecretServiceApi.Service.class);
            Pair<Variant<?>, DBusPath> session = service.OpenSession("plain", new Variant<>(""));
            Internal internal = c.getRemoteObject(SecretServiceApi.BUS_NAME, SecretServiceApi.SERVICE_PATH,
                    Internal.class);
            DBusPath created = internal.CreateWithMasterPassword(
                    Map.of(SecretServiceApi.COLLECTION_LABEL, new Variant<>(label)),
                    new Secret(session.getSecond(), new byte[0], password.getBytes(StandardCharsets.UTF_8),
                            "text/plain"));
            return created.getPath();
        }
    }

    /** The items with {@code profile=aws-sso-cli-records} in the collection at {@code collectionPath}. */
    static java.util.List<DBusPath> awsSsoItems(String busAddress, String collectionPath) throws Exception {
        try (DBusConnection c = DBusConnectionBuilder.forAddress(busAddress).withShared(false).build()) {
            SecretServiceApi.Collection collection = c.getRemoteObject(SecretServiceApi.BUS_NAME, collectionPath,
                    SecretServiceApi.Collection.class);
            return collection.SearchItems(Map.of("profile", "aws-sso-cli-records"));
        }
    }
}
