package io.awssso.core.internal.login;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssooidc.endpoints.SsoOidcEndpointParams;
import software.amazon.awssdk.services.ssooidc.endpoints.SsoOidcEndpointProvider;

/**
 * Works out the {@code /authorize} URL of the PKCE flow when RegisterClient returned no
 * {@code authorizationEndpoint}: the SSO OIDC endpoint as the SDK would resolve it (so that
 * {@code AWS_ENDPOINT_URL_SSO_OIDC}, {@code aws.endpointUrlSsoOidc}, FIPS and dual-stack settings
 * move it, as they do for the AWS CLI), plus {@code /authorize}.
 */
final class AuthorizeEndpoint {
    private AuthorizeEndpoint() {
    }

    /** The registration's endpoint, with {@code /authorize} appended when missing. */
    static String fromRegistration(String authorizationEndpoint) {
        String base = authorizationEndpoint.endsWith("/")
                ? authorizationEndpoint.substring(0, authorizationEndpoint.length() - 1)
                : authorizationEndpoint;
        return base.endsWith("/authorize") ? base : base + "/authorize";
    }

    /**
     * The authorize URL for a region.
     *
     * @param env environment variables
     * @param sysProps system properties (as a lookup)
     */
    static String resolve(String region, Map<String, String> env, Function<String, String> sysProps) {
        Optional<String> configured = configuredEndpoint(env, sysProps);
        URI base = configured.map(URI::create).orElseGet(() -> SsoOidcEndpointProvider.defaultProvider()
                .resolveEndpoint(SsoOidcEndpointParams.builder()
                        .region(Region.of(region))
                        .useFips(flag(env, sysProps, "AWS_USE_FIPS_ENDPOINT", "aws.useFipsEndpoint"))
                        .useDualStack(flag(env, sysProps, "AWS_USE_DUALSTACK_ENDPOINT",
                                "aws.useDualstackEndpoint"))
                        .build())
                .join()
                .endpointUrl()
                .toUri());
        return fromRegistration(base.toString());
    }

    private static Optional<String> configuredEndpoint(Map<String, String> env,
            Function<String, String> sysProps) {
        if (flag(env, sysProps, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "aws.ignoreConfiguredEndpointUrls")) {
            return Optional.empty();
        }
        for (String v : new String[] {sysProps.apply("aws.endpointUrlSsoOidc"),
                sysProps.apply("aws.endpointUrl"), env.get("AWS_ENDPOINT_URL_SSO_OIDC"),
                env.get("AWS_ENDPOINT_URL")}) {
            if (v != null && !v.isBlank()) {
                return Optional.of(v.strip());
            }
        }
        return Optional.empty();
    }

    private static boolean flag(Map<String, String> env, Function<String, String> sysProps,
            String envName, String propName) {
        String v = sysProps.apply(propName);
        if (v == null) {
            v = env.get(envName);
        }
        return v != null && v.strip().equalsIgnoreCase("true");
    }
}
