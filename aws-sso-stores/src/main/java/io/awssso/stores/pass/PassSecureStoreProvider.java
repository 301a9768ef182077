package io.awssso.stores.pass;

import io.awssso.api.StoreUnavailableException;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.SecureStoreProvider;
import io.awssso.api.spi.StoreContext;
import io.awssso.stores.internal.StorageLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Provides the {@code pass} store. Supported when the {@code pass} program is on {@code PATH} and
 * the password store ({@code $PASSWORD_STORE_DIR}, else {@code ~/.password-store}) has been
 * initialised ({@code .gpg-id} exists). The environment of {@link StoreContext} is handed to
 * {@code pass} (over this process's own), so {@code GNUPGHOME} and friends apply.
 */
public final class PassSecureStoreProvider implements SecureStoreProvider {

    /** The backend name. */
    public static final String NAME = "pass";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

    /** For {@link java.util.ServiceLoader}. */
    public PassSecureStoreProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isSupported(StoreContext context) {
        return PassCommand.find(context.environment()).isPresent()
                && Files.isRegularFile(storeDirectory(context.environment()).resolve(".gpg-id"));
    }

    @Override
    public SecureStore create(StoreContext context) {
        Map<String, String> env = context.environment();
        Path executable = PassCommand.find(env).orElseThrow(() -> new StoreUnavailableException(
                "the pass store needs the 'pass' program on PATH; install pass (and gnupg) or choose"
                        + " another SecureStore in config"));
        Path dir = storeDirectory(env);
        if (!Files.isRegularFile(dir.resolve(".gpg-id"))) {
            throw new StoreUnavailableException("the password store " + dir + " is not initialised;"
                    + " run 'pass init <gpg-id>' first or choose another SecureStore in config");
        }
        return new PassSecureStore(new PassCommand(executable, env, COMMAND_TIMEOUT), dir,
                StorageLock.of(context), Clock.systemUTC());
    }

    static Path storeDirectory(Map<String, String> env) {
        String dir = env.get("PASSWORD_STORE_DIR");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".password-store");
    }
}
