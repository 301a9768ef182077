package io.awssso.api;

import java.net.URI;
import java.util.Optional;

/**
 * The connection settings of one IAM Identity Center instance (an {@code SSOConfig} entry).
 *
 * @param name the instance name used in config, store keys and {@code -S}
 * @param startUrl the user portal start URL
 * @param ssoRegion the region Identity Center runs in
 * @param defaultRegion the instance's default region for credentials, or {@code null}
 */
public record SsoInstance(String name, String startUrl, String ssoRegion, String defaultRegion) {

    /** Checks that name, start URL and region are present and the URL is absolute. */
    public SsoInstance {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("SSO instance name must not be empty");
        }
        if (startUrl == null || startUrl.isBlank()) {
            throw new IllegalArgumentException("StartUrl of SSO instance '" + name + "' is missing");
        }
        try {
            if (!URI.create(startUrl).isAbsolute()) {
                throw new IllegalArgumentException("not absolute");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("StartUrl of SSO instance '" + name
                    + "' is not an absolute URL: " + startUrl, e);
        }
        if (ssoRegion == null || ssoRegion.isBlank()) {
            throw new IllegalArgumentException("SSORegion of SSO instance '" + name + "' is missing");
        }
    }

    /** The instance's default region, when it sets one. */
    public Optional<String> defaultRegionIfAny() {
        return Optional.ofNullable(defaultRegion).filter(r -> !r.isBlank());
    }
}
