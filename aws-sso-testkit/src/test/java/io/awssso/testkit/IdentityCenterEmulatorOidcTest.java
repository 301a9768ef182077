package io.awssso.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.InvalidClientException;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;
import software.amazon.awssdk.services.ssooidc.model.UnsupportedGrantTypeException;

/** SSO OIDC through the real SDK client: registration, device code flow, refresh. */
class IdentityCenterEmulatorOidcTest {
    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-03-01T10:00:00Z"));
    private IdentityCenterEmulator emulator;
    private SsoOidcClient oidc;

    private void start(Approval approval) {
        emulator = IdentityCenterEmulator.builder().clock(clock).approval(approval)
                .addAccount("012345678901", "dev", "dev@example.com", "ReadOnly").build().start();
        oidc = Sdk.oidc(emulator.endpoint());
    }

    @AfterEach
    void stop() {
        if (oidc != null) {
            oidc.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private StartDeviceAuthorizationResponse startDevice(RegisterClientResponse reg) {
        return oidc.startDeviceAuthorization(r -> r.clientId(reg.clientId()).clientSecret(reg.clientSecret())
                .startUrl(emulator.startUrl().toString()));
    }

    private CreateTokenResponse poll(RegisterClientResponse reg, StartDeviceAuthorizationResponse dev) {
        return oidc.createToken(r -> r.clientId(reg.clientId()).clientSecret(reg.clientSecret())
                .grantType(Sdk.DEVICE_CODE).deviceCode(dev.deviceCode()));
    }

    @Test
    void registerClient_anyClient_returnsEpochSecondsAndEndpoints() {
        start(Approval.automatic());

        RegisterClientResponse reg = Sdk.register(oidc);

        assertThat(reg.clientId()).isNotBlank();
        assertThat(reg.clientSecret()).isNotBlank();
        assertThat(reg.clientIdIssuedAt()).isEqualTo(clock.instant().getEpochSecond());
        assertThat(reg.clientSecretExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(90)).getEpochSecond());
        assertThat(reg.authorizationEndpoint()).isEqualTo(emulator.endpoint() + "/authorize");
        assertThat(reg.tokenEndpoint()).isEqualTo(emulator.endpoint() + "/token");
        assertThat(emulator.issuedSecrets()).contains(reg.clientSecret());
    }

    @Test
    void startDeviceAuthorization_validClient_returnsVerificationUrisAndInterval() {
        start(Approval.automatic());
        RegisterClientResponse reg = Sdk.register(oidc);

        StartDeviceAuthorizationResponse dev = startDevice(reg);

        assertThat(dev.userCode()).matches("[A-Z]{4}-[A-Z]{4}");
        assertThat(dev.verificationUri()).isEqualTo(emulator.endpoint() + "/device");
        assertThat(dev.verificationUriComplete()).isEqualTo(emulator.endpoint() + "/device?user_code=" + dev.userCode());
        assertThat(dev.expiresIn()).isEqualTo(600);
        assertThat(dev.interval()).isEqualTo(1);
    }

    @Test
    void startDeviceAuthorization_wrongSecret_invalidClient401() {
        start(Approval.automatic());
        RegisterClientResponse reg = Sdk.register(oidc);

        assertThatThrownBy(() -> oidc.startDeviceAuthorization(r -> r.clientId(reg.clientId())
                .clientSecret("not-the-secret").startUrl(emulator.startUrl().toString())))
                // Only type and status: HttpURLConnection drops the body of a 401 answer to a streamed
                // POST (HttpRetryException inside), so the SDK's url-connection client never sees it.
                .isInstanceOfSatisfying(InvalidClientException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
    }

    @Test
    void createToken_devicePendingThenTooFastThenApproved_pendingSlowDownToken() {
        start(Approval.afterPolls(1));
        RegisterClientResponse reg = Sdk.register(oidc);
        StartDeviceAuthorizationResponse dev = startDevice(reg);

        assertThatThrownBy(() -> poll(reg, dev)).isInstanceOfSatisfying(AuthorizationPendingException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.error()).isEqualTo("authorization_pending");
            assertThat(e.errorDescription()).isNotBlank();
        });
        assertThatThrownBy(() -> poll(reg, dev)).isInstanceOfSatisfying(SlowDownException.class,
                e -> assertThat(e.error()).isEqualTo("slow_down"));
        clock.advance(Duration.ofSeconds(1));
        CreateTokenResponse token = poll(reg, dev);

        assertThat(token.accessToken()).isNotBlank();
        assertThat(token.refreshToken()).isNotBlank();
        assertThat(token.tokenType()).isEqualTo("Bearer");
        assertThat(token.expiresIn()).isEqualTo(3600);
        assertThat(emulator.calls(Operation.CREATE_TOKEN)).extracting(Call::errorCode)
                .containsExactly("AuthorizationPendingException", "SlowDownException", null);
        assertThat(emulator.calls(Operation.CREATE_TOKEN, Call::throttled)).hasSize(1);
        assertThat(emulator.calls(Operation.CREATE_TOKEN)).allSatisfy(c -> assertThat(c.grantType()).isEqualTo(Sdk.DEVICE_CODE));
        assertThat(emulator.issuedSecrets()).contains(dev.deviceCode(), token.accessToken(), token.refreshToken());
    }

    @Test
    void createToken_tokenUsedOnPortal_listsAccounts() {
        start(Approval.automatic());
        RegisterClientResponse reg = Sdk.register(oidc);
        CreateTokenResponse token = poll(reg, startDevice(reg));

        try (SsoClient portal = Sdk.portal(emulator.endpoint())) {
            assertThat(portal.listAccounts(r -> r.accessToken(token.accessToken())).accountList())
                    .extracting(a -> a.accountId()).containsExactly("012345678901");
        }
    }

    @Test
    void createToken_deviceCodeRedeemedTwice_invalidGrant() {
        start(Approval.automatic());
        RegisterClientResponse reg = Sdk.register(oidc);
        StartDeviceAuthorizationResponse dev = startDevice(reg);
        poll(reg, dev);
        clock.advance(Duration.ofSeconds(1));

        assertThatThrownBy(() -> poll(reg, dev)).isInstanceOf(InvalidGrantException.class);
    }

    @Test
    void createToken_manualApprovalViaVerificationPage_tokenAfterAllow() throws Exception {
        start(Approval.manual());
        RegisterClientResponse reg = Sdk.register(oidc);
        StartDeviceAuthorizationResponse dev = startDevice(reg);
        assertThatThrownBy(() -> poll(reg, dev)).isInstanceOf(AuthorizationPendingException.class);

        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(dev.verificationUriComplete())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Allow").contains("Deny").contains(dev.userCode());
        HttpResponse<String> allowed = http.send(form(emulator.endpoint() + "/device",
                "user_code=" + dev.userCode() + "&decision=allow"), HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.body()).contains("approved");
        clock.advance(Duration.ofSeconds(1));

        assertThat(poll(reg, dev).accessToken()).isNotBlank();
        assertThat(emulator.count(Operation.VERIFY_DEVICE)).isEqualTo(2);
    }

    @Test
    void verificationPage_automaticApprovalVisited_approvesBeforePendingPollsRunOut() throws Exception {
        start(Approval.afterPolls(100));
        RegisterClientResponse reg = Sdk.register(oidc);
        StartDeviceAuthorizationResponse dev = startDevice(reg);
        assertThatThrownBy(() -> poll(reg, dev)).isInstanceOf(AuthorizationPendingException.class);

        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(dev.verificationUriComplete())).build(), HttpResponse.BodyHandlers.ofString());
        clock.advance(Duration.ofSeconds(1));

        assertThat(page.body()).contains("approved");
        assertThat(poll(reg, dev).accessToken()).isNotBlank();
    }

    @Test
    void createToken_userDeniesOnPage_accessDenied() throws Exception {
        start(Approval.manual());
        RegisterClientResponse reg = Sdk.register(oidc);
        StartDeviceAuthorizationResponse dev = startDevice(reg);

        HttpClient.newHttpClient().send(form(emulator.endpoint() + "/device",
                "user_code=" + dev.userCode() + "&decision=deny"), HttpResponse.BodyHandlers.ofString());

        assertThatThrownBy(() -> poll(reg, dev)).isInstanceOfSatisfying(AccessDeniedException.class,
                e -> assertThat(e.error()).isEqualTo("access_denied"));
    }

    @Test
    void createToken_approvalDeny_accessDenied() {
        start(Approval.deny());
        RegisterClientResponse reg = Sdk.register(oidc);
        StartDeviceAuthorizationResponse dev = startDevice(reg);

        assertThatThrownBy(() -> poll(reg, dev)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void createToken_approvedByTestApi_token() {
        start(Approval.manual());
        RegisterClientResponse reg = Sdk.register(oidc);
        StartDeviceAuthorizationResponse dev = startDevice(reg);

        assertThat(emulator.approve(dev.userCode())).isTrue();

        assertThat(poll(reg, dev).accessToken()).isNotBlank();
    }

    @Test
    void createToken_deviceCodeExpired_expiredToken() {
        start(Approval.manual());
        RegisterClientResponse reg = Sdk.register(oidc);
        StartDeviceAuthorizationResponse dev = startDevice(reg);
        clock.advance(Duration.ofMinutes(10));

        assertThatThrownBy(() -> poll(reg, dev)).isInstanceOfSatisfying(ExpiredTokenException.class,
                e -> assertThat(e.error()).isEqualTo("expired_token"));
    }

    @Test
    void createToken_unknownGrantType_unsupportedGrantType() {
        start(Approval.automatic());
        RegisterClientResponse reg = Sdk.register(oidc);

        assertThatThrownBy(() -> oidc.createToken(r -> r.clientId(reg.clientId()).clientSecret(reg.clientSecret())
                .grantType("urn:ietf:params:oauth:grant-type:device-code").deviceCode("x")))
                .isInstanceOf(UnsupportedGrantTypeException.class);
    }

    @Test
    void createToken_refreshWhileSessionLives_newAccessToken() {
        start(Approval.automatic());
        RegisterClientResponse reg = Sdk.register(oidc);
        CreateTokenResponse first = poll(reg, startDevice(reg));
        clock.advance(Duration.ofHours(2));

        CreateTokenResponse refreshed = oidc.createToken(r -> r.clientId(reg.clientId()).clientSecret(reg.clientSecret())
                .grantType("refresh_token").refreshToken(first.refreshToken()));

        assertThat(refreshed.accessToken()).isNotBlank().isNotEqualTo(first.accessToken());
        assertThat(refreshed.expiresIn()).isEqualTo(3600);
        try (SsoClient portal = Sdk.portal(emulator.endpoint())) {
            assertThatThrownBy(() -> portal.listAccounts(r -> r.accessToken(first.accessToken())))
                    .isInstanceOf(UnauthorizedException.class);
            assertThat(portal.listAccounts(r -> r.accessToken(refreshed.accessToken())).accountList()).hasSize(1);
        }
    }

    @Test
    void createToken_refreshAfterEndSessions_invalidGrantAndPortal401() {
        start(Approval.automatic());
        RegisterClientResponse reg = Sdk.register(oidc);
        CreateTokenResponse first = poll(reg, startDevice(reg));

        emulator.endSessions();

        assertThatThrownBy(() -> oidc.createToken(r -> r.clientId(reg.clientId()).clientSecret(reg.clientSecret())
                .grantType("refresh_token").refreshToken(first.refreshToken())))
                .isInstanceOfSatisfying(InvalidGrantException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.error()).isEqualTo("invalid_grant");
                });
        try (SsoClient portal = Sdk.portal(emulator.endpoint())) {
            assertThatThrownBy(() -> portal.listAccounts(r -> r.accessToken(first.accessToken())))
                    .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
        }
    }

    @Test
    void createToken_refreshAfterSessionLifetime_invalidGrant() {
        start(Approval.automatic());
        RegisterClientResponse reg = Sdk.register(oidc);
        CreateTokenResponse first = poll(reg, startDevice(reg));
        clock.advance(Duration.ofHours(8));

        assertThatThrownBy(() -> oidc.createToken(r -> r.clientId(reg.clientId()).clientSecret(reg.clientSecret())
                .grantType("refresh_token").refreshToken(first.refreshToken())))
                .isInstanceOf(InvalidGrantException.class);
    }

    @Test
    void createToken_legacyRegistrationWithoutScopes_longTokenNoRefreshToken() {
        start(Approval.automatic());
        RegisterClientResponse reg = oidc.registerClient(r -> r.clientName("legacy").clientType("public"));

        CreateTokenResponse token = poll(reg, startDevice(reg));

        assertThat(token.refreshToken()).isNull();
        assertThat(token.expiresIn()).isEqualTo(8 * 3600);
    }

    @Test
    void createToken_rateLimited_slowDownException() {
        start(Approval.manual());
        RegisterClientResponse reg = Sdk.register(oidc);
        StartDeviceAuthorizationResponse dev = startDevice(reg);
        emulator.rateLimit(Operation.CREATE_TOKEN, 1, 1);
        assertThatThrownBy(() -> poll(reg, dev)).isInstanceOf(AuthorizationPendingException.class);
        clock.advance(Duration.ofMillis(500));

        assertThatThrownBy(() -> poll(reg, dev)).isInstanceOfSatisfying(SlowDownException.class,
                e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThat(emulator.calls(Operation.CREATE_TOKEN, Call::throttled)).hasSize(1);
    }

    @Test
    void errors_onTheWire_typeHeaderWithServiceSuffixAndOAuthBody() throws Exception {
        start(Approval.automatic());

        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(emulator.endpoint() + "/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"x\",\"clientSecret\":\"y\",\"grantType\":\"refresh_token\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("x-amzn-ErrorType"))
                .hasValue("InvalidClientException:http://internal.amazon.com/coral/com.amazonaws.swbup.service/");
        assertThat(r.body()).contains("\"error\":\"invalid_client\"").contains("\"error_description\"")
                .doesNotContain("\"message\"");
    }

    static HttpRequest form(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String find(String text, String regex) throws IOException {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IOException("no match for " + regex + " in " + text);
        }
        return m.group(1);
    }
}
