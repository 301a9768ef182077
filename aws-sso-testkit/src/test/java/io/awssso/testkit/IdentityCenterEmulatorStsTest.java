package io.awssso.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.ExpiredTokenException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** STS and console federation through the real SDK client, with credentials from GetRoleCredentials. */
class IdentityCenterEmulatorStsTest {
    private static final String TARGET = "arn:aws:iam::000000000777:role/Deploy";
    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-03-01T10:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private IdentityCenterEmulator emulator;
    private RoleCredentials sso;

    @BeforeEach
    void start() {
        emulator = IdentityCenterEmulator.builder().clock(clock)
                .addAccount("000000000042", "dev", "dev@example.com", "Admin").build().start();
        String token = emulator.signIn().accessToken();
        try (SsoClient portal = Sdk.portal(emulator.endpoint())) {
            sso = portal.getRoleCredentials(r -> r.accessToken(token).accountId("000000000042").roleName("Admin"))
                    .roleCredentials();
        }
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void getCallerIdentity_portalCredentials_showsSsoRoleAndUser() {
        try (StsClient sts = Sdk.sts(emulator.endpoint(), sso)) {
            GetCallerIdentityResponse id = sts.getCallerIdentity();

            assertThat(id.account()).isEqualTo("000000000042");
            assertThat(id.arn()).isEqualTo("arn:aws:sts::000000000042:assumed-role/Admin/" + emulator.userName());
            assertThat(id.userId()).startsWith("AROA").endsWith(":" + emulator.userName());
        }
    }

    @Test
    void assumeRole_withExternalIdAndSourceIdentity_chainedCredentialsIdentifyAsTarget() {
        emulator.requireExternalId(TARGET, "ext-123");
        try (StsClient sts = Sdk.sts(emulator.endpoint(), sso)) {
            AssumeRoleResponse r = sts.assumeRole(b -> b.roleArn(TARGET).roleSessionName("deploy-session")
                    .externalId("ext-123").sourceIdentity("alice").durationSeconds(1800));

            Credentials c = r.credentials();
            assertThat(c.accessKeyId()).startsWith("ASIA");
            assertThat(c.expiration()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
            assertThat(r.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::000000000777:assumed-role/Deploy/deploy-session");
            assertThat(r.sourceIdentity()).isEqualTo("alice");
            assertThat(emulator.issuedSecrets()).contains(c.secretAccessKey(), c.sessionToken());
            try (StsClient chained = Sdk.sts(emulator.endpoint(), c.accessKeyId(), c.secretAccessKey(), c.sessionToken())) {
                assertThat(chained.getCallerIdentity().arn())
                        .isEqualTo("arn:aws:sts::000000000777:assumed-role/Deploy/deploy-session");
            }
        }
        assertThat(emulator.calls(Operation.ASSUME_ROLE)).singleElement().satisfies(call -> {
            assertThat(call.parameter(Call.ROLE_ARN)).isEqualTo(TARGET);
            assertThat(call.accountId()).isEqualTo("000000000777");
            assertThat(call.roleName()).isEqualTo("Deploy");
        });
    }

    @Test
    void assumeRole_missingExternalId_accessDenied403() {
        emulator.requireExternalId(TARGET, "ext-123");
        try (StsClient sts = Sdk.sts(emulator.endpoint(), sso)) {
            assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn(TARGET).roleSessionName("s1")))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    });
        }
    }

    @Test
    void assumeRole_callerNotTrusted_accessDenied() {
        emulator.trustOnly(TARGET, "arn:aws:iam::000000000042:role/SomeoneElse");
        try (StsClient sts = Sdk.sts(emulator.endpoint(), sso)) {
            assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn(TARGET).roleSessionName("s1")))
                    .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
        emulator.trustOnly(TARGET, "arn:aws:iam::000000000042:role/Admin");
        try (StsClient sts = Sdk.sts(emulator.endpoint(), sso)) {
            assertThat(sts.assumeRole(b -> b.roleArn(TARGET).roleSessionName("s1")).credentials()).isNotNull();
        }
    }

    @Test
    void assumeRole_credentialsNotIssuedByEmulator_invalidClientTokenId() {
        try (StsClient sts = Sdk.sts(emulator.endpoint(), "ASIAFOREIGNKEY000000", "secret", "token")) {
            assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn(TARGET).roleSessionName("s1")))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                    });
        }
    }

    @Test
    void assumeRole_callerCredentialsExpired_expiredTokenException400() {
        clock.advance(Duration.ofHours(1));
        try (StsClient sts = Sdk.sts(emulator.endpoint(), sso)) {
            assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn(TARGET).roleSessionName("s1")))
                    .isInstanceOfSatisfying(ExpiredTokenException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        }
    }

    @Test
    void assumeRole_durationOverChainingLimit_validationError() {
        try (StsClient sts = Sdk.sts(emulator.endpoint(), sso)) {
            assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn(TARGET).roleSessionName("s1").durationSeconds(7200)))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    });
        }
    }

    @Test
    void getSigninToken_portalCredentialsWithDuration_tokenThenLoginRedirects() throws Exception {
        String session = json.writeValueAsString(json.createObjectNode().put("sessionId", sso.accessKeyId())
                .put("sessionKey", sso.secretAccessKey()).put("sessionToken", sso.sessionToken()));

        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(emulator.endpoint()
                + "/federation?Action=getSigninToken&SessionDuration=3600&Session="
                + IdentityCenterEmulatorOidcTest.enc(session))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        String signin = json.readTree(r.body()).get("SigninToken").asText();
        assertThat(emulator.issuedSecrets()).contains(signin);
        String destination = "https://console.aws.amazon.com/console/home?region=us-east-1";
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(emulator.endpoint()
                + "/federation?Action=login&Issuer=" + IdentityCenterEmulatorOidcTest.enc(emulator.startUrl().toString())
                + "&Destination=" + IdentityCenterEmulatorOidcTest.enc(destination)
                + "&SigninToken=" + IdentityCenterEmulatorOidcTest.enc(signin))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValue(destination);
        assertThat(emulator.count(Operation.GET_SIGNIN_TOKEN)).isEqualTo(1);
        assertThat(emulator.count(Operation.CONSOLE_LOGIN)).isEqualTo(1);
    }

    @Test
    void getSigninToken_chainedCredentialsWithDuration_rejected400ButWorksWithout() throws Exception {
        Credentials c;
        try (StsClient sts = Sdk.sts(emulator.endpoint(), sso)) {
            c = sts.assumeRole(b -> b.roleArn(TARGET).roleSessionName("s1")).credentials();
        }
        String session = IdentityCenterEmulatorOidcTest.enc(json.writeValueAsString(json.createObjectNode()
                .put("sessionId", c.accessKeyId()).put("sessionKey", c.secretAccessKey())
                .put("sessionToken", c.sessionToken())));
        String base = emulator.endpoint() + "/federation?Action=getSigninToken&Session=" + session;

        HttpResponse<String> withDuration = http.send(HttpRequest.newBuilder(URI.create(base + "&SessionDuration=3600"))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> without = http.send(HttpRequest.newBuilder(URI.create(base)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(withDuration.statusCode()).isEqualTo(400);
        assertThat(without.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(without.body());
        assertThat(body.get("SigninToken").asText()).isNotBlank();
    }

    @Test
    void getSigninToken_unknownSessionKey_rejected() throws Exception {
        String session = IdentityCenterEmulatorOidcTest.enc(json.writeValueAsString(json.createObjectNode()
                .put("sessionId", sso.accessKeyId()).put("sessionKey", "wrong").put("sessionToken", sso.sessionToken())));

        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(emulator.endpoint()
                + "/federation?Action=getSigninToken&Session=" + session)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(401);
    }
}
