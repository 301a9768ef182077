package io.awssso.api.spi;

import java.util.Objects;

/** The grant to exchange for a token with CreateToken. {@code toString()} never shows secrets. */
public sealed interface TokenGrant {

    /**
     * The device-code grant, polled until the user approves.
     *
     * @param deviceCode StartDeviceAuthorization's device code
     */
    record DeviceCode(String deviceCode) implements TokenGrant {
        /** Checks the code. */
        public DeviceCode {
            Objects.requireNonNull(deviceCode, "deviceCode");
        }

        @Override
        public String toString() {
            return "DeviceCode[****]";
        }
    }

    /**
     * The authorization-code grant of the PKCE flow.
     *
     * @param code the code the browser brought back
     * @param redirectUri the redirect URI used in the authorize request
     * @param codeVerifier the PKCE verifier whose S256 hash was sent as the challenge
     */
    record AuthorizationCode(String code, String redirectUri, String codeVerifier) implements TokenGrant {
        /** Checks every part. */
        public AuthorizationCode {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(redirectUri, "redirectUri");
            Objects.requireNonNull(codeVerifier, "codeVerifier");
        }

        @Override
        public String toString() {
            return "AuthorizationCode[code=****, redirectUri=" + redirectUri + ", codeVerifier=****]";
        }
    }

    /**
     * The refresh-token grant.
     *
     * @param refreshToken the refresh token
     */
    record RefreshToken(String refreshToken) implements TokenGrant {
        /** Checks the token. */
        public RefreshToken {
            Objects.requireNonNull(refreshToken, "refreshToken");
        }

        @Override
        public String toString() {
            return "RefreshToken[****]";
        }
    }
}
