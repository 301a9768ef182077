package io.awssso.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An IAM Identity Center access token with its optional refresh token, as CreateToken returns
 * it and the SecureStore keeps it. {@code toString()} never shows a token.
 *
 * @param accessToken the bearer token for the SSO portal
 * @param tokenType the token type, normally {@code Bearer}
 * @param expiresIn the lifetime the service granted
 * @param expiresAt when the access token expires
 * @param refreshToken the refresh token, or {@code null} when the service gave none
 * @param idToken the OpenID id token, or {@code null}
 */
public record SsoToken(
        String accessToken,
        String tokenType,
        Duration expiresIn,
        Instant expiresAt,
        String refreshToken,
        String idToken) {

    /** Checks the mandatory parts. */
    public SsoToken {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        tokenType = tokenType == null ? "Bearer" : tokenType;
        expiresIn = expiresIn == null ? Duration.ZERO : expiresIn;
    }

    /** The refresh token, when there is one. */
    public Optional<String> refreshTokenIfAny() {
        return Optional.ofNullable(refreshToken).filter(t -> !t.isEmpty());
    }

    /** True when the token expires within {@code margin} of the clock's now. */
    public boolean expiresWithin(Duration margin, Clock clock) {
        return !clock.instant().plus(margin).isBefore(expiresAt);
    }

    /** A copy that keeps this token's refresh token when {@code renewed} carries none. */
    public SsoToken renewedWith(SsoToken renewed) {
        if (renewed.refreshTokenIfAny().isPresent()) {
            return renewed;
        }
        return new SsoToken(renewed.accessToken, renewed.tokenType, renewed.expiresIn,
                renewed.expiresAt, refreshToken, renewed.idToken);
    }

    @Override
    public String toString() {
        return "SsoToken[accessToken=" + Secrets.mask(accessToken) + ", tokenType=" + tokenType
                + ", expiresAt=" + expiresAt + ", refreshToken="
                + Secrets.mask(refreshToken) + ", idToken=" + Secrets.mask(idToken) + "]";
    }
}
