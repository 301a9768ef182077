/**
 * The public contract of aws-sso for Java: value records, the exception tree, and the service
 * provider interfaces that the engine ({@code io.awssso.core}) and the secret stores
 * ({@code io.awssso.stores}) implement. It depends on nothing but the JDK.
 */
// "module": the qualified export names modules built after this one, which javac cannot see here.
@SuppressWarnings("module")
module io.awssso.api {
    exports io.awssso.api;
    exports io.awssso.api.spi;
    // The cross-process file lock that both the engine and the stores take; not part of the contract.
    exports io.awssso.api.internal.lock to io.awssso.core, io.awssso.stores;
    // Size-bounded whole-file reads, for the files the engine and the stores parse.
    exports io.awssso.api.internal.io to io.awssso.core, io.awssso.stores;
    // JSON string literals and printable escaping, one rule for the engine and the command line.
    exports io.awssso.api.internal.text to io.awssso.core, io.awssso.cli;

    uses io.awssso.api.spi.SecureStoreProvider;
}
