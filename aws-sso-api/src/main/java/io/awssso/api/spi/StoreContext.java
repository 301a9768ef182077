package io.awssso.api.spi;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link SecureStoreProvider} may use to create its store.
 *
 * @param configDirectory the aws-sso config directory ({@code <cfg>}); lock and store files live here
 * @param options backend options from config ({@code JsonStore}, {@code SecretServiceCollection}, ...)
 * @param environment the process environment to consult (for example {@code AWS_SSO_FILE_PASSWORD})
 * @param passwordPrompt asks the user for a password, or {@code null} when there is no terminal
 * @param locks the cross-process lock every store takes around its reads and writes
 */
public record StoreContext(
        Path configDirectory,
        Map<String, String> options,
        Map<String, String> environment,
        PasswordPrompt passwordPrompt,
        FileLocks locks) {

    /** Checks the directory and the locks, and copies the maps. */
    public StoreContext {
        Objects.requireNonNull(configDirectory, "configDirectory");
        Objects.requireNonNull(locks, "locks");
        options = options == null ? Map.of() : Map.copyOf(options);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }

    /**
     * A context with the {@linkplain FileLocks#installed() installed} locks, for stores built
     * outside the engine (tests, tools).
     *
     * @throws IllegalStateException when no {@link FileLocks} implementation is on the path
     */
    public StoreContext(Path configDirectory, Map<String, String> options, Map<String, String> environment,
            PasswordPrompt passwordPrompt) {
        this(configDirectory, options, environment, passwordPrompt, FileLocks.installed());
    }

    /** A config option, when set and not blank. */
    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key)).filter(v -> !v.isBlank());
    }

    /** Asks the user for a password. */
    @FunctionalInterface
    public interface PasswordPrompt {
        /**
         * Shows {@code prompt} and reads a password without echo.
         *
         * @return the password, or {@code null} when the user gave none
         */
        char[] ask(String prompt);
    }

    @Override
    public String toString() {
        return "StoreContext[configDirectory=" + configDirectory + ", options=" + options.keySet() + "]";
    }
}
