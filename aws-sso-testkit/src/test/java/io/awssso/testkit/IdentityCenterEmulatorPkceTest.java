package io.awssso.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;

/**
 * The authorization-code flow with PKCE, as the AWS CLI runs it: a loopback listener, the browser
 * (here java.net.http following redirects) visiting /authorize, then CreateToken with the verifier.
 */
class IdentityCenterEmulatorPkceTest {
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-testkit-verifier";
    private IdentityCenterEmulator emulator;
    private SsoOidcClient oidc;
    private HttpServer listener;
    private final Map<String, String> captured = new ConcurrentHashMap<>();
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @BeforeEach
    void start() throws Exception {
        emulator = IdentityCenterEmulator.builder().build().start();
        oidc = Sdk.oidc(emulator.endpoint());
        listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        listener.createContext("/oauth/callback", ex -> {
            String q = ex.getRequestURI().getRawQuery();
            for (String pair : q.split("&")) {
                String[] kv = pair.split("=", 2);
                captured.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            byte[] body = "You can close this window".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        listener.start();
    }

    @AfterEach
    void stop() {
        listener.stop(0);
        oidc.close();
        emulator.close();
    }

    private String redirectUri() {
        return "http://127.0.0.1:" + listener.getAddress().getPort() + "/oauth/callback";
    }

    private RegisterClientResponse register() {
        return oidc.registerClient(r -> r.clientName("pkce-test").clientType("public").scopes("sso:account:access")
                .grantTypes("authorization_code", "refresh_token").redirectUris("http://127.0.0.1/oauth/callback")
                .issuerUrl(emulator.startUrl().toString()));
    }

    private URI authorizeUrl(RegisterClientResponse reg, String challenge) {
        return URI.create(reg.authorizationEndpoint() + "?response_type=code&client_id=" + reg.clientId()
                + "&redirect_uri=" + IdentityCenterEmulatorOidcTest.enc(redirectUri()) + "&state=st-42"
                + "&code_challenge=" + challenge + "&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess");
    }

    private CreateTokenResponse redeem(RegisterClientResponse reg, String verifier) {
        return oidc.createToken(r -> r.clientId(reg.clientId()).clientSecret(reg.clientSecret())
                .grantType("authorization_code").code(captured.get("code")).redirectUri(redirectUri())
                .codeVerifier(verifier));
    }

    static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void authorize_automaticApproval_redirectsToLoopbackWithCodeAndState() throws Exception {
        RegisterClientResponse reg = register();

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(authorizeUrl(reg, challenge(VERIFIER))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("You can close this window");
        assertThat(captured).containsEntry("state", "st-42").containsKey("code");
        CreateTokenResponse token = redeem(reg, VERIFIER);
        assertThat(token.accessToken()).isNotBlank();
        assertThat(token.refreshToken()).isNotBlank();
        assertThat(emulator.issuedSecrets()).contains(VERIFIER, captured.get("code"));
        assertThat(emulator.calls(Operation.CREATE_TOKEN)).singleElement()
                .satisfies(c -> assertThat(c.grantType()).isEqualTo("authorization_code"));
    }

    @Test
    void createToken_wrongVerifier_invalidGrant() throws Exception {
        RegisterClientResponse reg = register();
        browser.send(HttpRequest.newBuilder(authorizeUrl(reg, challenge(VERIFIER))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThatThrownBy(() -> redeem(reg, VERIFIER + "-wrong"))
                .isInstanceOfSatisfying(InvalidGrantException.class, e -> assertThat(e.error()).isEqualTo("invalid_grant"));
    }

    @Test
    void createToken_codeRedeemedTwice_invalidGrant() throws Exception {
        RegisterClientResponse reg = register();
        browser.send(HttpRequest.newBuilder(authorizeUrl(reg, challenge(VERIFIER))).build(),
                HttpResponse.BodyHandlers.ofString());
        redeem(reg, VERIFIER);

        assertThatThrownBy(() -> redeem(reg, VERIFIER)).isInstanceOf(InvalidGrantException.class);
    }

    @Test
    void authorize_manualApprovalAllowButton_redirectsWithCode() throws Exception {
        emulator.approval(Approval.manual());
        RegisterClientResponse reg = register();

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(authorizeUrl(reg, challenge(VERIFIER))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("Allow").contains("Deny");
        assertThat(captured).isEmpty();
        String requestId = IdentityCenterEmulatorOidcTest.find(page.body(), "name=\"request_id\" value=\"([^\"]+)\"");
        HttpResponse<String> after = browser.send(IdentityCenterEmulatorOidcTest.form(emulator.endpoint() + "/authorize",
                "request_id=" + requestId + "&decision=allow"), HttpResponse.BodyHandlers.ofString());

        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(captured).containsEntry("state", "st-42").containsKey("code");
        assertThat(redeem(reg, VERIFIER).accessToken()).isNotBlank();
    }

    @Test
    void authorize_manualApprovalDenyButton_redirectsWithAccessDenied() throws Exception {
        emulator.approval(Approval.manual());
        RegisterClientResponse reg = register();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(authorizeUrl(reg, challenge(VERIFIER))).build(),
                HttpResponse.BodyHandlers.ofString());
        String requestId = IdentityCenterEmulatorOidcTest.find(page.body(), "name=\"request_id\" value=\"([^\"]+)\"");

        browser.send(IdentityCenterEmulatorOidcTest.form(emulator.endpoint() + "/authorize",
                "request_id=" + requestId + "&decision=deny"), HttpResponse.BodyHandlers.ofString());

        assertThat(captured).containsEntry("error", "access_denied").containsEntry("state", "st-42")
                .doesNotContainKey("code");
    }

    @Test
    void authorize_redirectUriNotLoopback_400WithoutRedirect() throws Exception {
        RegisterClientResponse reg = register();
        URI url = URI.create(reg.authorizationEndpoint() + "?response_type=code&client_id=" + reg.clientId()
                + "&redirect_uri=" + IdentityCenterEmulatorOidcTest.enc("http://evil.example.com/oauth/callback")
                + "&state=s&code_challenge=" + challenge(VERIFIER) + "&code_challenge_method=S256");

        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void authorize_otherPathThanRegistered_400() throws Exception {
        RegisterClientResponse reg = register();
        URI url = URI.create(reg.authorizationEndpoint() + "?response_type=code&client_id=" + reg.clientId()
                + "&redirect_uri=" + IdentityCenterEmulatorOidcTest.enc("http://127.0.0.1:1234/elsewhere")
                + "&state=s&code_challenge=" + challenge(VERIFIER) + "&code_challenge_method=S256");

        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(400);
    }
}
