/**
 * SecureStore backends, each a {@link io.awssso.api.spi.SecureStoreProvider} found by
 * {@link java.util.ServiceLoader}. Exports nothing: callers choose a backend by name through the
 * API.
 */
module io.awssso.stores {
    requires io.awssso.api;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires org.freedesktop.dbus;
    // Only found by ServiceLoader inside dbus-java; required so that it is on the module path.
    requires org.freedesktop.dbus.transport.jre;
    requires com.sun.jna;

    // dbus-java builds Secret Service structs and proxies of our D-Bus interfaces by reflection.
    opens io.awssso.stores.secretservice to org.freedesktop.dbus;
    opens io.awssso.stores.kwallet to org.freedesktop.dbus;
    // JNA reads and writes native structures' fields by reflection.
    opens io.awssso.stores.wincred to com.sun.jna;
    opens io.awssso.stores.keychain to com.sun.jna;

    provides io.awssso.api.spi.SecureStoreProvider with
            io.awssso.stores.json.JsonSecureStoreProvider,
            io.awssso.stores.file.EncryptedFileSecureStoreProvider,
            io.awssso.stores.pass.PassSecureStoreProvider,
            io.awssso.stores.secretservice.SecretServiceSecureStoreProvider,
            io.awssso.stores.wincred.WinCredSecureStoreProvider,
            io.awssso.stores.keychain.KeychainSecureStoreProvider,
            io.awssso.stores.kwallet.KWalletSecureStoreProvider,
            io.awssso.stores.onepassword.OnePasswordSecureStoreProvider;
}
