package io.awssso.core.internal.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.awssso.api.AccountId;
import io.awssso.api.AwsSsoException;
import io.awssso.api.ClientRegistration;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.api.SsoInstance;
import io.awssso.api.SsoToken;
import io.awssso.api.spi.AssumeRoleRequest;
import io.awssso.api.spi.ClientRegistrationRequest;
import io.awssso.api.spi.IdentityCenterClient;
import io.awssso.api.spi.TokenGrant;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * What the client hands to the SDK, observed without any server: a test interceptor records each
 * request the SDK is about to send and stops it there, so the SDK's own endpoint resolution
 * (regional hosts, FIPS, dual-stack, {@code aws.endpointUrl*}) can be checked with no network.
 */
class SdkIdentityCenterClientOfflineTest {
    private static final SsoInstance INSTANCE =
            new SsoInstance("test", "https://d-1234567890.awsapps.com/start", "eu-west-1", null);
    private static final ClientRegistration CLIENT = new ClientRegistration("client-id", "client-secret-value",
            Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z"), null, null, List.of());
    private static final SsoToken TOKEN = new SsoToken("access-token-value", "Bearer", Duration.ofHours(1),
            Instant.parse("2030-01-01T00:00:00Z"), "refresh-token-value", null);
    private static final RoleCredentials SOURCE = new RoleCredentials(RoleArn.of(AccountId.parse("012345678901"), "Source"), "ASIASOURCEKEY", "source-secret-value", "source-session-value",
            Instant.parse("2030-01-01T00:00:00Z"), false);
    private static final List<String> PROPERTIES = List.of("aws.useFipsEndpoint",
            "aws.useDualstackEndpoint", "aws.endpointUrlSso", "aws.endpointUrlSsoOidc",
            "aws.endpointUrlSts", "aws.endpointUrl");

    private final Map<String, String> savedProperties = new HashMap<>();
    private final List<SdkHttpRequest> sent = new CopyOnWriteArrayList<>();
    private IdentityCenterClient client;

    /** Records the request the SDK is about to send, then stops it before any connection. */
    private final class StopBeforeSending implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            sent.add(context.httpRequest());
            // A client-side SDK failure, as a refused connection would be, but before any socket.
            throw SdkClientException.create("stopped before sending");
        }
    }

    @AfterEach
    void restore() {
        if (client != null) {
            client.close();
        }
        savedProperties.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    private void setProperty(String key, String value) {
        savedProperties.putIfAbsent(key, System.getProperty(key));
        System.setProperty(key, value);
    }

    private IdentityCenterClient stoppingClient(SdkClientOptions options) {
        client = new SdkIdentityCenterClientFactory(options.withRetries(1, null), Clock.systemUTC(),
                List.of(new StopBeforeSending())).create(INSTANCE);
        return client;
    }

    private static void assumeNoEndpointSettingsInEnvironment() {
        for (String name : System.getenv().keySet()) {
            assumeTrue(!name.startsWith("AWS_ENDPOINT_URL") && !name.startsWith("AWS_USE_"),
                    "the environment routes AWS endpoints itself: " + name);
        }
        for (String p : PROPERTIES) {
            assumeTrue(System.getProperty(p) == null, "system property already set: " + p);
        }
    }

    private URI uriOfOnlyRequest() {
        assertThat(sent).hasSize(1);
        return sent.get(0).getUri();
    }

    @Test
    void create_withoutCalls_buildsNoSdkClient() {
        SdkIdentityCenterClient c = (SdkIdentityCenterClient) SdkIdentityCenterClientFactory.create()
                .create(INSTANCE);
        client = c;

        assertThat(c.createdClients()).isEmpty();
    }

    @Test
    void listAccounts_firstPortalCall_buildsOnlyThePortalClient() {
        SdkIdentityCenterClient c = (SdkIdentityCenterClient) stoppingClient(SdkClientOptions.defaults());

        catchThrowable(() -> c.listAccounts(TOKEN, null, 10));

        assertThat(c.createdClients()).containsExactly("http", "sso");
    }

    @Test
    void close_afterUse_releasesEverythingAndRefusesFurtherCalls() {
        SdkIdentityCenterClient c = (SdkIdentityCenterClient) stoppingClient(SdkClientOptions.defaults());
        catchThrowable(() -> c.listAccounts(TOKEN, null, 10));
        catchThrowable(() -> c.registerClient(request()));

        c.close();
        c.close();

        assertThat(c.createdClients()).isEmpty();
        assertThatThrownBy(() -> c.listAccounts(TOKEN, null, 10))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'test'");
    }

    @Test
    void calls_withoutEndpointSettings_goToTheRegionalDefaultHosts() {
        assumeNoEndpointSettingsInEnvironment();
        IdentityCenterClient c = stoppingClient(SdkClientOptions.defaults());

        catchThrowable(() -> c.listAccounts(TOKEN, null, 10));
        catchThrowable(() -> c.registerClient(request()));
        catchThrowable(() -> c.assumeRole(SOURCE, assumeRequest()));

        assertThat(sent).extracting(r -> r.getUri().getHost()).containsExactly(
                "portal.sso.eu-west-1.amazonaws.com", "oidc.eu-west-1.amazonaws.com",
                "sts.eu-west-1.amazonaws.com");
    }

    @Test
    void calls_withFipsProperty_goToTheFipsHostsTheSdkResolves() {
        assumeNoEndpointSettingsInEnvironment();
        setProperty("aws.useFipsEndpoint", "true");
        IdentityCenterClient c = stoppingClient(SdkClientOptions.defaults());

        catchThrowable(() -> c.listAccounts(TOKEN, null, 10));
        catchThrowable(() -> c.createToken(CLIENT, new TokenGrant.DeviceCode("device-code-value")));
        catchThrowable(() -> c.assumeRole(SOURCE, assumeRequest()));

        assertThat(sent).extracting(r -> r.getUri().getHost()).containsExactly(
                "portal.sso-fips.eu-west-1.amazonaws.com", "oidc-fips.eu-west-1.amazonaws.com",
                "sts-fips.eu-west-1.amazonaws.com");
    }

    @Test
    void calls_withDualStackProperty_goToTheDualStackHosts() {
        assumeNoEndpointSettingsInEnvironment();
        setProperty("aws.useDualstackEndpoint", "true");
        IdentityCenterClient c = stoppingClient(SdkClientOptions.defaults());

        catchThrowable(() -> c.listAccounts(TOKEN, null, 10));
        catchThrowable(() -> c.registerClient(request()));

        assertThat(sent).extracting(r -> r.getUri().getHost()).containsExactly(
                "portal.sso.eu-west-1.api.aws", "oidc.eu-west-1.api.aws");
    }

    @Test
    void calls_withEndpointUrlProperties_goWhereEachServiceIsRouted() {
        assumeNoEndpointSettingsInEnvironment();
        setProperty("aws.endpointUrlSso", "http://127.0.0.1:1001/portal");
        setProperty("aws.endpointUrlSsoOidc", "http://127.0.0.1:1002/oidc");
        setProperty("aws.endpointUrlSts", "http://127.0.0.1:1003");
        IdentityCenterClient c = stoppingClient(SdkClientOptions.defaults());

        catchThrowable(() -> c.listAccounts(TOKEN, null, 10));
        catchThrowable(() -> c.registerClient(request()));
        catchThrowable(() -> c.assumeRole(SOURCE, assumeRequest()));

        assertThat(sent).extracting(r -> r.getUri().toString()).satisfiesExactly(
                u -> assertThat(u).startsWith("http://127.0.0.1:1001/portal/assignment/accounts"),
                u -> assertThat(u).isEqualTo("http://127.0.0.1:1002/oidc/client/register"),
                u -> assertThat(u).startsWith("http://127.0.0.1:1003"));
    }

    @Test
    void calls_withExplicitOverride_winOverTheEndpointUrlProperties() {
        setProperty("aws.endpointUrlSso", "http://127.0.0.1:1001");
        IdentityCenterClient c = stoppingClient(
                SdkClientOptions.defaults().withEndpoint(URI.create("http://127.0.0.1:1004")));

        catchThrowable(() -> c.listAccounts(TOKEN, null, 10));

        assertThat(uriOfOnlyRequest().getPort()).isEqualTo(1004);
    }

    @Test
    void calls_withFipsAndAnExplicitEndpoint_failWithTheSdkConfigurationError() {
        setProperty("aws.useFipsEndpoint", "true");
        IdentityCenterClient c = stoppingClient(
                SdkClientOptions.defaults().withEndpoint(URI.create("http://127.0.0.1:1004")));

        Throwable t = catchThrowable(() -> c.listAccounts(TOKEN, null, 10));

        assertThat(sent).isEmpty();
        assertThat(t).isExactlyInstanceOf(AwsSsoException.class)
                .hasMessageContaining("FIPS")
                .hasMessageContaining("region eu-west-1");
    }

    @Test
    void portalCalls_carryTheBearerTokenHeaderAndAreNotSigned() {
        IdentityCenterClient c = stoppingClient(SdkClientOptions.defaults());

        catchThrowable(() -> c.getRoleCredentials(TOKEN, AccountId.parse("012345678901"), "Admin"));

        SdkHttpRequest request = sent.get(0);
        assertThat(request.firstMatchingHeader("x-amz-sso_bearer_token")).contains("access-token-value");
        assertThat(request.firstMatchingHeader("Authorization")).isEmpty();
        assertThat(request.rawQueryParameters()).containsEntry("account_id", List.of("012345678901"))
                .containsEntry("role_name", List.of("Admin"));
    }

    @Test
    void assumeRole_signsWithTheSourceCredentials() {
        IdentityCenterClient c = stoppingClient(SdkClientOptions.defaults());

        catchThrowable(() -> c.assumeRole(SOURCE, assumeRequest()));

        SdkHttpRequest request = sent.get(0);
        assertThat(request.firstMatchingHeader("Authorization")).hasValueSatisfying(
                v -> assertThat(v).contains("Credential=ASIASOURCEKEY/").contains("/eu-west-1/sts/"));
        assertThat(request.firstMatchingHeader("X-Amz-Security-Token")).contains("source-session-value");
    }

    @Test
    void calls_stoppedBeforeSending_surfaceAsAwsSsoExceptionWithoutSecrets() {
        IdentityCenterClient c = stoppingClient(SdkClientOptions.defaults());

        Throwable t = catchThrowable(() -> c.createToken(CLIENT,
                new TokenGrant.AuthorizationCode("auth-code-value", "http://127.0.0.1:1/cb", "verifier-value")));

        assertThat(t).isInstanceOf(AwsSsoException.class)
                .hasMessageContaining("CreateToken")
                .hasMessageContaining("eu-west-1");
        assertThat(t.getMessage()).doesNotContain("auth-code-value", "verifier-value", "client-secret-value");
    }

    @Test
    void calls_toAClosedLoopbackPort_failWithAMessageNamingTheEndpoint() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        client = new SdkIdentityCenterClientFactory(SdkClientOptions.defaults()
                .withEndpoint(URI.create("http://127.0.0.1:" + port))
                .withRetries(1, null), Clock.systemUTC()).create(INSTANCE);

        Throwable t = catchThrowable(() -> client.listAccounts(TOKEN, null, 10));

        assertThat(t).isExactlyInstanceOf(AwsSsoException.class)
                .hasMessageContaining("ListAccounts")
                .hasMessageContaining("http://127.0.0.1:" + port)
                .hasMessageContaining("AWS_ENDPOINT_URL_SSO")
                .hasMessageContaining("ConnectException");
        assertThat(t.getMessage()).doesNotContain("access-token-value");
    }

    @Test
    void retries_whenConfigured_boundTheAttemptsPerCall() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        List<SdkHttpRequest> attempts = new CopyOnWriteArrayList<>();
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                attempts.add(context.httpRequest());
            }
        };
        client = new SdkIdentityCenterClientFactory(SdkClientOptions.defaults()
                .withEndpoint(URI.create("http://127.0.0.1:" + port))
                .withRetries(4, Duration.ofMillis(1)), Clock.systemUTC(), List.of(counter)).create(INSTANCE);

        catchThrowable(() -> client.logout(TOKEN));

        assertThat(attempts).hasSize(4);
    }

    @Test
    void retryStrategy_tuned_isTheSdkStandardStrategyWithTheLimit() {
        RetryStrategy strategy = SdkIdentityCenterClient.retryStrategy(
                SdkClientOptions.defaults().withRetries(10, Duration.ofSeconds(5)));

        assertThat(strategy).isInstanceOf(StandardRetryStrategy.class);
        assertThat(strategy.maxAttempts()).isEqualTo(10);
    }

    @Test
    void listAccounts_pageSizeOutOfRange_isRejectedBeforeAnyCall() {
        SdkIdentityCenterClient c = (SdkIdentityCenterClient) stoppingClient(SdkClientOptions.defaults());

        assertThatThrownBy(() -> c.listAccounts(TOKEN, null, 101))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 100");
        assertThat(c.createdClients()).isEmpty();
    }

    @Test
    void options_invalidSettings_areRejectedWithTheirName() {
        assertThatThrownBy(() -> SdkClientOptions.defaults().withRetries(-1, null))
                .hasMessageContaining("max attempts");
        assertThatThrownBy(() -> SdkClientOptions.defaults().withRetries(3, Duration.ZERO))
                .hasMessageContaining("max backoff");
        assertThatThrownBy(() -> SdkClientOptions.defaults().withEndpoint(URI.create("relative/path")))
                .hasMessageContaining("endpoint");
    }

    private static ClientRegistrationRequest request() {
        return new ClientRegistrationRequest("aws-sso-test", List.of(ClientRegistration.DEVICE_CODE),
                List.of("sso:account:access"), List.of(), null);
    }

    private static AssumeRoleRequest assumeRequest() {
        return new AssumeRoleRequest(RoleArn.parse("arn:aws:iam::123456789012:role/Target"),
                "Source@012345678901", null, null);
    }
}
