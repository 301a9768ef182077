package io.awssso.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An OIDC client registration (RegisterClient's answer plus the grant types we asked for, which
 * the service does not echo). {@code toString()} never shows the client secret.
 *
 * @param clientId the client id
 * @param clientSecret the client secret
 * @param issuedAt when the client id was issued
 * @param secretExpiresAt when the client secret expires
 * @param authorizationEndpoint the service's authorize endpoint, or {@code null}
 * @param tokenEndpoint the service's token endpoint, or {@code null}
 * @param grantTypes the grant types registered
 */
public record ClientRegistration(
        String clientId,
        String clientSecret,
        Instant issuedAt,
        Instant secretExpiresAt,
        String authorizationEndpoint,
        String tokenEndpoint,
        List<String> grantTypes) {

    /** Grant type of the authorization-code (PKCE) flow. */
    public static final String AUTHORIZATION_CODE = "authorization_code";
    /** Grant type of the device-code flow. */
    public static final String DEVICE_CODE = "urn:ietf:params:oauth:grant-type:device_code";
    /** Grant type of token refresh. */
    public static final String REFRESH_TOKEN = "refresh_token";

    /** Checks the mandatory parts; an empty grant-type list means the device flow (as aws-sso-cli reads it). */
    public ClientRegistration {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(secretExpiresAt, "secretExpiresAt");
        grantTypes = grantTypes == null || grantTypes.isEmpty()
                ? List.of(DEVICE_CODE) : List.copyOf(grantTypes);
    }

    /** True when the registration expires within {@code margin} of the clock's now. */
    public boolean expiresWithin(Duration margin, Clock clock) {
        return !clock.instant().plus(margin).isBefore(secretExpiresAt);
    }

    @Override
    public String toString() {
        return "ClientRegistration[clientId=" + clientId + ", clientSecret="
                + Secrets.mask(clientSecret) + ", issuedAt=" + issuedAt + ", secretExpiresAt="
                + secretExpiresAt + ", authorizationEndpoint=" + authorizationEndpoint
                + ", tokenEndpoint=" + tokenEndpoint + ", grantTypes=" + grantTypes + "]";
    }
}
