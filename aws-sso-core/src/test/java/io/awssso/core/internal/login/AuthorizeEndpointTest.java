package io.awssso.core.internal.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizeEndpointTest {

    @Test
    void fromRegistration_appendsAuthorizeOnlyWhenMissing() {
        assertThat(AuthorizeEndpoint.fromRegistration("https://oidc.eu-west-1.amazonaws.com"))
                .isEqualTo("https://oidc.eu-west-1.amazonaws.com/authorize");
        assertThat(AuthorizeEndpoint.fromRegistration("https://oidc.eu-west-1.amazonaws.com/authorize"))
                .isEqualTo("https://oidc.eu-west-1.amazonaws.com/authorize");
    }

    @Test
    void resolve_noOverrides_usesTheSdksRegionalEndpoint() {
        assertThat(AuthorizeEndpoint.resolve("eu-central-1", Map.of(), p -> null))
                .isEqualTo("https://oidc.eu-central-1.amazonaws.com/authorize");
        assertThat(AuthorizeEndpoint.resolve("cn-north-1", Map.of(), p -> null))
                .isEqualTo("https://oidc.cn-north-1.amazonaws.com.cn/authorize");
    }

    @Test
    void resolve_fipsEnvironment_usesTheFipsEndpoint() {
        assertThat(AuthorizeEndpoint.resolve("us-east-1", Map.of("AWS_USE_FIPS_ENDPOINT", "true"), p -> null))
                .isEqualTo("https://oidc-fips.us-east-1.amazonaws.com/authorize");
    }

    @Test
    void resolve_endpointUrlVariable_movesTheAuthorizeUrl() {
        assertThat(AuthorizeEndpoint.resolve("us-east-1",
                Map.of("AWS_ENDPOINT_URL_SSO_OIDC", "http://127.0.0.1:9999"), p -> null))
                .isEqualTo("http://127.0.0.1:9999/authorize");
    }

    @Test
    void resolve_systemPropertyWinsOverEnvironment_andIgnoreFlagDisablesBoth() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL_SSO_OIDC", "http://127.0.0.1:1");
        assertThat(AuthorizeEndpoint.resolve("us-east-1", env,
                p -> p.equals("aws.endpointUrlSsoOidc") ? "http://127.0.0.1:2" : null))
                .isEqualTo("http://127.0.0.1:2/authorize");
        assertThat(AuthorizeEndpoint.resolve("us-east-1",
                Map.of("AWS_ENDPOINT_URL_SSO_OIDC", "http://127.0.0.1:1",
                        "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"), p -> null))
                .isEqualTo("https://oidc.us-east-1.amazonaws.com/authorize");
    }
}
