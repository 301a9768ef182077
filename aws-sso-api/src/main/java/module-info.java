/**
 * The public contract of aws-sso for Java: value records, the exception tree, and the service
 * provider interfaces that the engine ({@code io.awssso.core}) and the secret stores
 * ({@code io.awssso.stores}) implement. It depends on nothing but the JDK.
 */
// The qualified exports name modules built after this one: javac cannot see them yet.
@SuppressWarnings("module")
module io.awssso.api {
    exports io.awssso.api;
    exports io.awssso.api.spi;
    // Size-bounded whole-file reads, for the files the engine and the stores parse.
    exports io.awssso.api.internal.io to io.awssso.core, io.awssso.stores;
    // JSON string literals and printable escaping, one rule for the engine and the command line.
    exports io.awssso.api.internal.text to io.awssso.core, io.awssso.cli;

    uses io.awssso.api.spi.SecureStoreProvider;
    // FileLocks.installed(): the engine's cross-process lock, for stores built outside the engine
    uses io.awssso.api.spi.FileLocks;
}
