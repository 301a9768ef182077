package io.awssso.core.internal.aws;

import io.awssso.api.SsoInstance;
import io.awssso.api.spi.IdentityCenterClient;
import io.awssso.api.spi.IdentityCenterClientFactory;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Creates {@link IdentityCenterClient}s on the AWS SDK for Java v2. Creating a client is cheap: it
 * builds no SDK client and opens no connection until its first call.
 *
 * <p>Defaults: every endpoint resolved by the SDK (so {@code AWS_ENDPOINT_URL_SSO},
 * {@code AWS_ENDPOINT_URL_SSO_OIDC}, {@code AWS_ENDPOINT_URL_STS}, the {@code aws.endpointUrl*}
 * system properties, profile {@code endpoint_url} keys, FIPS and dual-stack settings all apply), the
 * SDK's standard retries, and the system clock for token expiry.
 */
public final class SdkIdentityCenterClientFactory implements IdentityCenterClientFactory {
    private final SdkClientOptions options;
    private final Clock clock;
    private final List<ExecutionInterceptor> interceptors;

    /**
     * A factory with the given options.
     *
     * @param options endpoint overrides, retry and timeout settings
     * @param clock the clock that turns CreateToken's {@code expiresIn} into an expiry instant
     */
    public SdkIdentityCenterClientFactory(SdkClientOptions options, Clock clock) {
        this(options, clock, List.of());
    }

    /** Tests observe the SDK's requests through extra interceptors. */
    SdkIdentityCenterClientFactory(SdkClientOptions options, Clock clock,
            List<ExecutionInterceptor> interceptors) {
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interceptors = List.copyOf(interceptors);
    }

    /** A factory that leaves endpoints and retries to the SDK and uses the system clock. */
    public static SdkIdentityCenterClientFactory create() {
        return new SdkIdentityCenterClientFactory(SdkClientOptions.defaults(), Clock.systemUTC());
    }

    /** The options clients are built with. */
    public SdkClientOptions options() {
        return options;
    }

    @Override
    public IdentityCenterClient create(SsoInstance instance) {
        return new SdkIdentityCenterClient(instance, options, clock, interceptors);
    }
}
