package io.awssso.stores.secretservice;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.Tuple;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.Variant;

/**
 * The parts of the freedesktop.org Secret Service API (version 0.2) this backend calls, declared
 * for dbus-java. Method names are the D-Bus member names, hence the capitals.
 */
@SuppressWarnings({"checkstyle:MethodName", "unused"})
final class SecretServiceApi {

    static final String BUS_NAME = "org.freedesktop.secrets";
    static final String SERVICE_PATH = "/org/freedesktop/secrets";
    static final String COLLECTION_PATH_PREFIX = "/org/freedesktop/secrets/collection/";
    static final String NO_PROMPT = "/";

    static final String SERVICE_INTERFACE = "org.freedesktop.Secret.Service";
    static final String COLLECTION_INTERFACE = "org.freedesktop.Secret.Collection";
    static final String ITEM_INTERFACE = "org.freedesktop.Secret.Item";

    static final String COLLECTION_LABEL = "org.freedesktop.Secret.Collection.Label";
    static final String ITEM_LABEL = "org.freedesktop.Secret.Item.Label";
    static final String ITEM_ATTRIBUTES = "org.freedesktop.Secret.Item.Attributes";

    private SecretServiceApi() {
    }

    /** {@code org.freedesktop.Secret.Service} at {@code /org/freedesktop/secrets}. */
    @DBusInterfaceName(SERVICE_INTERFACE)
    public interface Service extends DBusInterface {
        Pair<Variant<?>, DBusPath> OpenSession(String algorithm, Variant<?> input);

        Pair<DBusPath, DBusPath> CreateCollection(Map<String, Variant<?>> properties, String alias);

        Pair<List<DBusPath>, List<DBusPath>> SearchItems(Map<String, String> attributes);

        Pair<List<DBusPath>, DBusPath> Unlock(List<DBusPath> objects);

        DBusPath ReadAlias(String name);
    }

    /** {@code org.freedesktop.Secret.Collection}. */
    @DBusInterfaceName(COLLECTION_INTERFACE)
    public interface Collection extends DBusInterface {
        List<DBusPath> SearchItems(Map<String, String> attributes);

        // Boolean, not boolean: dbus-java's asynchronous calls look the method up by argument classes.
        Pair<DBusPath, DBusPath> CreateItem(Map<String, Variant<?>> properties, Secret secret, Boolean replace);
    }

    /** {@code org.freedesktop.Secret.Item}. */
    @DBusInterfaceName(ITEM_INTERFACE)
    public interface Item extends DBusInterface {
        Secret GetSecret(DBusPath session);

        void SetSecret(Secret secret);

        DBusPath Delete();
    }

    /** {@code org.freedesktop.Secret.Session}. */
    @DBusInterfaceName("org.freedesktop.Secret.Session")
    public interface Session extends DBusInterface {
        void Close();
    }

    /** {@code org.freedesktop.Secret.Prompt}: shows a dialog on the desktop, answers with a signal. */
    @DBusInterfaceName("org.freedesktop.Secret.Prompt")
    public interface Prompt extends DBusInterface {
        void Prompt(String windowId);

        void Dismiss();

        /** Sent when the user answered (or dismissed) the prompt. */
        class Completed extends DBusSignal {
            private final boolean dismissed;
            private final Variant<?> result;

            public Completed(String path, boolean dismissed, Variant<?> result) throws DBusException {
                super(path, dismissed, result);
                this.dismissed = dismissed;
                this.result = result;
            }

            boolean dismissed() {
                return dismissed;
            }

            Object result() {
                return result == null ? null : result.getValue();
            }
        }
    }

    /**
     * The {@code (oayays)} secret structure; with the "plain" algorithm the parameters are empty.
     * Never log one: dbus-java's (final) {@code toString()} would show the value.
     */
    public static final class Secret extends Struct {
        @Position(0)
        private final DBusPath session;
        @Position(1)
        private final byte[] parameters;
        @Position(2)
        private final byte[] value;
        @Position(3)
        private final String contentType;

        public Secret(DBusPath session, byte[] parameters, byte[] value, String contentType) {
            this.session = session;
            this.parameters = parameters;
            this.value = value;
            this.contentType = contentType;
        }

        public DBusPath getSession() {
            return session;
        }

        public byte[] getAlgorithmParameters() {
            return parameters;
        }

        public byte[] getValue() {
            return value;
        }

        public String getContentType() {
            return contentType;
        }
    }

    /** Two out-arguments. */
    public static final class Pair<A, B> extends Tuple {
        @Position(0)
        private final A first;
        @Position(1)
        private final B second;

        public Pair(A first, B second) {
            this.first = first;
            this.second = second;
        }

        public A getFirst() {
            return first;
        }

        public B getSecond() {
            return second;
        }
    }
}
