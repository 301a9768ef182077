package io.awssso.core.internal.naming;

import io.awssso.api.ConfigurationException;
import io.awssso.api.spi.ProfileNamerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Picks the {@link ProfileNamerFactory} the engine uses: one given to the builder wins; else one
 * installed on the module or class path (found by {@link ServiceLoader}); else none, which means
 * the built-in Go template ({@link GoTemplateProfileNamer}).
 */
public final class ProfileNamerFactories {
    private ProfileNamerFactories() {
    }

    /**
     * The factory to use, or null for the built-in Go template.
     *
     * @param given the builder's factory, or null
     * @param installed the factories found on the path
     * @throws ConfigurationException when several are installed and none is given: which one
     *     names the profiles must not depend on the order of the path
     */
    public static ProfileNamerFactory choose(ProfileNamerFactory given, List<ProfileNamerFactory> installed) {
        if (given != null) {
            return given;
        }
        if (installed.size() > 1) {
            throw new ConfigurationException("several profile namers are installed ("
                    + installed.stream().map(f -> f.getClass().getName()).sorted().collect(Collectors.joining(", "))
                    + "): keep one on the path, or give one to AwsSso.Builder.profileNamerFactory");
        }
        return installed.isEmpty() ? null : installed.get(0);
    }

    /** The factories installed on the module path or class path. */
    public static List<ProfileNamerFactory> installed() {
        List<ProfileNamerFactory> found = new ArrayList<>();
        ServiceLoader.load(ProfileNamerFactory.class, ProfileNamerFactories.class.getClassLoader())
                .forEach(found::add);
        return found;
    }
}
