package io.awssso.core.internal.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Remembers where the SDK last sent a request, so that a network failure can name the endpoint the
 * SDK resolved (from an override, {@code AWS_ENDPOINT_URL_*}, FIPS or dual-stack settings) instead
 * of the one we might guess. Only scheme, host and port are kept: the query string of a portal call
 * is harmless but the rest of a request (headers, body) carries tokens.
 */
final class EndpointRecorder implements ExecutionInterceptor {
    private volatile String lastEndpoint;

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        SdkHttpRequest request = context.httpRequest();
        String scheme = request.protocol();
        int port = request.port();
        boolean defaultPort = port == 443 && "https".equals(scheme) || port == 80 && "http".equals(scheme);
        lastEndpoint = scheme + "://" + request.host() + (defaultPort ? "" : ":" + port);
    }

    /** The scheme, host and port of the last request sent, or {@code null} before the first. */
    String lastEndpoint() {
        return lastEndpoint;
    }
}
