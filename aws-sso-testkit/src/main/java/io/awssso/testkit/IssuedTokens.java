package io.awssso.testkit;

import java.time.Instant;

/**
 * Tokens that {@link IdentityCenterEmulator#signIn()} issued directly, without an OIDC flow, for
 * tests that only need a valid portal access token. {@link #toString()} hides the secrets.
 *
 * @param accessToken          the bearer token for the portal
 * @param refreshToken         a refresh token (CreateToken with {@code refresh_token}) for
 *                             {@link #clientId()}
 * @param clientId             the client registration the refresh token belongs to
 * @param clientSecret         that registration's secret
 * @param accessTokenExpiresAt when the access token stops working
 * @param sessionEndsAt        when the Identity Center session ends (no refresh after that)
 */
public record IssuedTokens(String accessToken, String refreshToken, String clientId, String clientSecret,
                           Instant accessTokenExpiresAt, Instant sessionEndsAt) {

    @Override
    public String toString() {
        return "IssuedTokens[accessToken=***, refreshToken=***, clientId=" + clientId
                + ", clientSecret=***, accessTokenExpiresAt=" + accessTokenExpiresAt
                + ", sessionEndsAt=" + sessionEndsAt + "]";
    }
}
