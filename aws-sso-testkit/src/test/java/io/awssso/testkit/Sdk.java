package io.awssso.testkit;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Real AWS SDK v2 clients pointed at an emulator the standard way (endpoint override), with retries
 * off so that each SDK call is exactly one HTTP call and the call log can be asserted exactly.
 */
final class Sdk {
    static final String DEVICE_CODE = "urn:ietf:params:oauth:grant-type:device_code";

    private Sdk() {
    }

    static SsoOidcClient oidc(URI endpoint) {
        return SsoOidcClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static SsoClient portal(URI endpoint) {
        return SsoClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static StsClient sts(URI endpoint, RoleCredentials credentials) {
        return sts(endpoint, credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
    }

    static StsClient sts(URI endpoint, String accessKeyId, String secretAccessKey, String sessionToken) {
        return StsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** A scoped registration, as current clients make it (refresh tokens are issued). */
    static RegisterClientResponse register(SsoOidcClient oidc) {
        return oidc.registerClient(r -> r.clientName("testkit-test").clientType("public")
                .scopes("sso:account:access"));
    }
}
