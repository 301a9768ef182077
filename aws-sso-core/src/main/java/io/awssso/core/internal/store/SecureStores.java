package io.awssso.core.internal.store;

import io.awssso.api.ConfigurationException;
import io.awssso.api.StoreUnavailableException;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.SecureStoreProvider;
import io.awssso.api.spi.StoreContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Finds SecureStore backends with {@link ServiceLoader} and opens the one config names, or the
 * first that works here when config names none.
 */
public final class SecureStores {

    /**
     * Backends tried, in order, when {@code SecureStore} is not set: the OS keychains first, then
     * the desktop keyrings, then pass, then the encrypted file (which works everywhere).
     */
    static final List<String> DETECTION_ORDER =
            List.of("keychain", "wincred", "secret-service", "kwallet", "pass", "file");

    private final List<SecureStoreProvider> providers;

    /** Backends found by the given providers (tests pass their own). */
    public SecureStores(List<SecureStoreProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    /** Backends found on the module path or class path. */
    public static SecureStores installed() {
        List<SecureStoreProvider> found = new ArrayList<>();
        ServiceLoader.load(SecureStoreProvider.class, SecureStores.class.getClassLoader()).forEach(found::add);
        return new SecureStores(found);
    }

    /** The names of the installed backends. */
    public List<String> names() {
        return providers.stream().map(SecureStoreProvider::name).sorted().collect(Collectors.toList());
    }

    /**
     * Opens the named backend, or detects one when {@code name} is empty.
     *
     * @throws ConfigurationException when the name is unknown (listing the known ones)
     * @throws StoreUnavailableException when the backend cannot work here
     */
    public SecureStore open(Optional<String> name, StoreContext context) {
        if (name.isPresent()) {
            SecureStoreProvider p = providers.stream().filter(x -> x.name().equals(name.get()))
                    .findFirst()
                    .orElseThrow(() -> new ConfigurationException("unknown SecureStore '" + name.get()
                            + "'; known stores: " + String.join(", ", new TreeSet<>(names()))));
            if (!p.isSupported(context)) {
                throw new StoreUnavailableException("the SecureStore '" + p.name()
                        + "' cannot be used on this machine; choose another SecureStore in config ("
                        + String.join(", ", supportedNames(context)) + " work here)");
            }
            return p.create(context);
        }
        for (String candidate : DETECTION_ORDER) {
            for (SecureStoreProvider p : providers) {
                if (p.name().equals(candidate) && p.isSupported(context)) {
                    return p.create(context);
                }
            }
        }
        throw new StoreUnavailableException("no SecureStore works on this machine; set SecureStore"
                + " in config to one of: " + String.join(", ", names()));
    }

    private List<String> supportedNames(StoreContext context) {
        return providers.stream().filter(p -> p.isSupported(context)).map(SecureStoreProvider::name)
                .sorted().collect(Collectors.toList());
    }
}
