package io.awssso.api.spi;

import io.awssso.api.CatalogRole;

/**
 * Turns a role into its profile name (the {@code ProfileFormat} setting). Compiled once,
 * called per role; implementations are thread-safe.
 */
@FunctionalInterface
public interface ProfileNamer {
    /**
     * The profile name for a role (whose own {@code profile} field may still be empty).
     *
     * @throws io.awssso.api.ConfigurationException when the template fails for this role
     */
    String profileName(CatalogRole role);
}
