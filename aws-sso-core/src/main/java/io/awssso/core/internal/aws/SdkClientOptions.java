package io.awssso.core.internal.aws;

import java.net.URI;
import java.time.Duration;

/**
 * How {@link SdkIdentityCenterClientFactory} builds its SDK clients. Every setting is optional:
 * {@link #defaults()} leaves endpoints, retries and timeouts entirely to the SDK and its standard
 * settings ({@code AWS_ENDPOINT_URL_*}, {@code AWS_MAX_ATTEMPTS}, {@code AWS_RETRY_MODE}, FIPS,
 * dual-stack, profile keys).
 *
 * @param ssoEndpoint the SSO portal endpoint to use instead of the SDK's resolution, or {@code null}
 * @param oidcEndpoint the SSO OIDC endpoint to use instead of the SDK's resolution, or {@code null}
 * @param stsEndpoint the STS endpoint to use instead of the SDK's resolution, or {@code null}
 * @param maxAttempts attempts per call including the first ({@code MaxRetry}), or 0 for the SDK's
 *     default
 * @param maxBackoff the longest pause between attempts ({@code MaxBackoff}), or {@code null} for
 *     the SDK's default
 * @param connectTimeout the TCP connect timeout, or {@code null} for the HTTP client's default
 * @param socketTimeout the read timeout, or {@code null} for the HTTP client's default
 */
public record SdkClientOptions(
        URI ssoEndpoint,
        URI oidcEndpoint,
        URI stsEndpoint,
        int maxAttempts,
        Duration maxBackoff,
        Duration connectTimeout,
        Duration socketTimeout) {

    private static final SdkClientOptions DEFAULTS =
            new SdkClientOptions(null, null, null, 0, null, null, null);

    /** Checks each setting at once, naming the one that is wrong. */
    public SdkClientOptions {
        requireAbsolute(ssoEndpoint, "SSO portal endpoint");
        requireAbsolute(oidcEndpoint, "SSO OIDC endpoint");
        requireAbsolute(stsEndpoint, "STS endpoint");
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("max attempts must not be negative, got " + maxAttempts);
        }
        requirePositive(maxBackoff, "max backoff");
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(socketTimeout, "socket timeout");
    }

    /** Everything left to the SDK. */
    public static SdkClientOptions defaults() {
        return DEFAULTS;
    }

    /** A copy that sends all three services to one endpoint (an emulator serves them together). */
    public SdkClientOptions withEndpoint(URI endpoint) {
        return new SdkClientOptions(endpoint, endpoint, endpoint, maxAttempts, maxBackoff,
                connectTimeout, socketTimeout);
    }

    /** A copy with separate endpoints per service; {@code null} leaves that service to the SDK. */
    public SdkClientOptions withEndpoints(URI sso, URI oidc, URI sts) {
        return new SdkClientOptions(sso, oidc, sts, maxAttempts, maxBackoff, connectTimeout,
                socketTimeout);
    }

    /**
     * A copy with the SDK's retries tuned: {@code maxAttempts} 0 and {@code maxBackoff}
     * {@code null} keep the SDK's defaults.
     */
    public SdkClientOptions withRetries(int maxAttempts, Duration maxBackoff) {
        return new SdkClientOptions(ssoEndpoint, oidcEndpoint, stsEndpoint, maxAttempts, maxBackoff,
                connectTimeout, socketTimeout);
    }

    /** A copy with HTTP timeouts; {@code null} keeps the HTTP client's default. */
    public SdkClientOptions withTimeouts(Duration connectTimeout, Duration socketTimeout) {
        return new SdkClientOptions(ssoEndpoint, oidcEndpoint, stsEndpoint, maxAttempts, maxBackoff,
                connectTimeout, socketTimeout);
    }

    /** True when the SDK's retry strategy is to be tuned at all. */
    boolean tunesRetries() {
        return maxAttempts > 0 || maxBackoff != null;
    }

    private static void requireAbsolute(URI endpoint, String what) {
        if (endpoint != null && (!endpoint.isAbsolute() || endpoint.getHost() == null)) {
            throw new IllegalArgumentException(what + " must be an absolute URL with a host, got '"
                    + endpoint + "'");
        }
    }

    private static void requirePositive(Duration d, String what) {
        if (d != null && (d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
    }
}
