/**
 * SecureStore backends, each a {@link io.awssso.api.spi.SecureStoreProvider} found by
 * {@link java.util.ServiceLoader}. Exports nothing: callers choose a backend by name through the
 * API.
 */
module io.awssso.stores {
    requires io.awssso.api;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    provides io.awssso.api.spi.SecureStoreProvider with
            io.awssso.stores.json.JsonSecureStoreProvider,
            io.awssso.stores.file.EncryptedFileSecureStoreProvider,
            io.awssso.stores.pass.PassSecureStoreProvider;
}
