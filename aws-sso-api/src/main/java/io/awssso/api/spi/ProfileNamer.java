package io.awssso.api.spi;

import io.awssso.api.CatalogRole;

/**
 * Turns a role into its profile name (what {@code ProfileFormat} decides by default). Compiled
 * once by a {@link ProfileNamerFactory}, called per role each time the catalog is read;
 * implementations are thread-safe and quick.
 *
 * <p>Roles with an explicit {@code Profile} in the config keep it and are not passed here. Two
 * roles with the same name are a configuration error when the catalog is refreshed.
 */
@FunctionalInterface
public interface ProfileNamer {
    /**
     * The profile name for a role.
     *
     * @param role the role, whose {@code profile} field is still empty
     * @return a non-empty name without control characters
     * @throws io.awssso.api.ConfigurationException when the role cannot be named (any other
     *     exception is reported as one, naming the namer and the role)
     */
    String profileName(CatalogRole role);
}
