/** SecureStore backends, each a {@link io.awssso.api.spi.SecureStoreProvider}. Exports nothing. */
module io.awssso.stores {
    requires io.awssso.api;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
}
