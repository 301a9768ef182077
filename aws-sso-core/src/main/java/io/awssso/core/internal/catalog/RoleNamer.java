package io.awssso.core.internal.catalog;

import io.awssso.api.CatalogRole;
import io.awssso.api.ConfigurationException;
import io.awssso.api.SsoInstance;
import io.awssso.api.spi.ProfileNamer;
import io.awssso.core.internal.naming.GoTemplateProfileNamer;
import io.awssso.core.internal.naming.ProfileVariables;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * Names a cached role that has no explicit {@code Profile}: the built-in Go template (which also
 * sees the role's position, {@code .Id}), or a {@link ProfileNamer} plugged in through the SPI.
 */
interface RoleNamer {
    /**
     * The profile name of a role whose {@code profile} is still empty.
     *
     * @param id the role's position in the cache ({@code .Id})
     * @param role the role
     * @param tags the role's tags in cache order
     * @param now decides {@code .Expires}
     * @throws ConfigurationException when the namer fails for this role
     */
    String name(int id, CatalogRole role, Map<String, String> tags, Instant now);

    /** The Go template; its failures become {@code located} configuration errors. */
    static RoleNamer goTemplate(GoTemplateProfileNamer template, SsoInstance instance,
            Function<GoTemplateProfileNamer.ProfileFormatException, ConfigurationException> located) {
        return (id, role, tags, now) -> {
            try {
                return template.name(ProfileVariables.of(id, role.arn(), role.accountName(), role.accountAlias(),
                        role.emailAddress(), role.credentialsExpire(), now, "", role.defaultRegion(),
                        role.ssoName(), instance.ssoRegion(), instance.startUrl(), tags, role.via()));
            } catch (GoTemplateProfileNamer.ProfileFormatException e) {
                throw located.apply(e);
            }
        };
    }

    /**
     * A namer from the SPI. An empty answer, or one with a character a profile name cannot hold,
     * is a configuration error naming the namer and the role; so is any exception it throws.
     */
    static RoleNamer plugged(ProfileNamer namer) {
        return (id, role, tags, now) -> {
            String name;
            try {
                name = namer.profileName(role);
            } catch (ConfigurationException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ConfigurationException("the profile namer " + namer.getClass().getName()
                        + " failed for role " + role.arn() + ": " + e);
            }
            if (name == null || name.isBlank() || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new ConfigurationException("the profile namer " + namer.getClass().getName()
                        + " gave role " + role.arn() + " no usable profile name (empty, or with control characters)");
            }
            return name;
        };
    }
}
