package io.awssso.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SDK's standard endpoint settings route each service to the emulator without any
 * endpointOverride in code: the system properties {@code aws.endpointUrlSso},
 * {@code aws.endpointUrlSsoOidc} and {@code aws.endpointUrlSts}.
 */
class StandardEndpointSettingsTest {
    private static final Map<String, String> PROPERTIES = Map.of(
            "aws.endpointUrlSso", "", "aws.endpointUrlSsoOidc", "", "aws.endpointUrlSts", "");
    private IdentityCenterEmulator emulator;

    @BeforeEach
    void start() {
        emulator = IdentityCenterEmulator.builder()
                .addAccount("012345678901", "prod", "prod@example.com", "Admin").build().start();
        PROPERTIES.keySet().forEach(k -> System.setProperty(k, emulator.endpoint().toString()));
    }

    @AfterEach
    void stop() {
        PROPERTIES.keySet().forEach(System::clearProperty);
        emulator.close();
    }

    @Test
    void sdkClients_endpointSystemPropertiesOnly_wholeFlowReachesEmulator() {
        RoleCredentials creds;
        try (SsoOidcClient oidc = SsoOidcClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build();
             SsoClient portal = SsoClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            RegisterClientResponse reg = Sdk.register(oidc);
            StartDeviceAuthorizationResponse dev = oidc.startDeviceAuthorization(r -> r.clientId(reg.clientId())
                    .clientSecret(reg.clientSecret()).startUrl(emulator.startUrl().toString()));
            CreateTokenResponse token = oidc.createToken(r -> r.clientId(reg.clientId()).clientSecret(reg.clientSecret())
                    .grantType(Sdk.DEVICE_CODE).deviceCode(dev.deviceCode()));
            assertThat(portal.listAccounts(r -> r.accessToken(token.accessToken())).accountList())
                    .extracting(a -> a.accountId()).containsExactly("012345678901");
            creds = portal.getRoleCredentials(r -> r.accessToken(token.accessToken()).accountId("012345678901")
                    .roleName("Admin")).roleCredentials();
        }
        try (StsClient sts = StsClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        creds.accessKeyId(), creds.secretAccessKey(), creds.sessionToken())))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            assertThat(sts.getCallerIdentity().arn()).endsWith(":assumed-role/Admin/" + emulator.userName());
        }

        assertThat(emulator.counts()).containsEntry(Operation.REGISTER_CLIENT, 1)
                .containsEntry(Operation.START_DEVICE_AUTHORIZATION, 1).containsEntry(Operation.CREATE_TOKEN, 1)
                .containsEntry(Operation.LIST_ACCOUNTS, 1).containsEntry(Operation.GET_ROLE_CREDENTIALS, 1)
                .containsEntry(Operation.GET_CALLER_IDENTITY, 1);
    }
}
