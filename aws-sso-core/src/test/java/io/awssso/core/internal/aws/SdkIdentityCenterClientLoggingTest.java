package io.awssso.core.internal.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.awssso.api.AccountId;
import io.awssso.api.ClientRegistration;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.api.SsoInstance;
import io.awssso.api.SsoToken;
import io.awssso.api.spi.AssumeRoleRequest;
import io.awssso.api.spi.ClientRegistrationRequest;
import io.awssso.api.spi.DeviceAuthorization;
import io.awssso.api.spi.IdentityCenterClient;
import io.awssso.api.spi.TokenGrant;
import io.awssso.testkit.Approval;
import io.awssso.testkit.IdentityCenterEmulator;
import io.awssso.testkit.MutableClock;
import io.awssso.testkit.Operation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs every flow with the SDK and our own loggers at TRACE and proves that no secret the emulator
 * handed out (tokens, client secrets, device and authorization codes, PKCE verifiers, secret keys,
 * session tokens) shows up in the log output or in any exception message.
 *
 * <p>slf4j-simple fixes its levels when the first logger is made, so this test runs in its own
 * surefire execution ({@code trace-logging} in the module's pom) with
 * {@code org.slf4j.simpleLogger.defaultLogLevel=trace}; elsewhere it is skipped.
 */
class SdkIdentityCenterClientLoggingTest {
    private static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final String SCOPE = "sso:account:access";
    private static final String SIMPLE_LOGGER_PREFIX = "org.slf4j.simpleLogger.log.";
    private static final String SIGNER_LOGGER = "software.amazon.awssdk.http.auth.aws.internal.signer";

    @Test
    void everyFlow_atTraceLevel_logsNoSecret() throws Exception {
        assumeTrue("trace".equalsIgnoreCase(System.getProperty(LEVEL_PROPERTY)),
                "runs only in the trace-logging surefire execution");
        // The SDK's SigV4 signer prints the canonical request, session token included, at DEBUG:
        // whoever configures logging must keep that one logger at INFO (the client warns if not).
        System.setProperty(SIMPLE_LOGGER_PREFIX + SIGNER_LOGGER, "info");
        MutableClock clock = MutableClock.startingAt(Instant.parse("2026-11-26T12:00:00Z"));
        List<Throwable> failures = new ArrayList<>();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        Set<String> secrets;
        try (IdentityCenterEmulator emulator = IdentityCenterEmulator.builder()
                .clock(clock)
                .addAccount("012345678901", "Zero Lead", "zero@example.com", "Deploy")
                .addAccount("123456789012", "Target", "target@example.com", "Deploy")
                .approval(Approval.manual())
                .build()
                .start();
                IdentityCenterClient client = new SdkIdentityCenterClientFactory(SdkClientOptions.defaults()
                        .withEndpoint(emulator.endpoint()).withRetries(2, Duration.ofMillis(1)), clock)
                        .create(new SsoInstance("emulated", emulator.startUrl().toString(), emulator.region(),
                                null))) {
            // Device flow: pending, too fast, approved.
            ClientRegistration device = client.registerClient(new ClientRegistrationRequest("trace-test",
                    List.of(ClientRegistration.DEVICE_CODE, ClientRegistration.REFRESH_TOKEN), List.of(SCOPE),
                    List.of(), null));
            DeviceAuthorization auth = client.startDeviceAuthorization(device, emulator.startUrl().toString());
            TokenGrant deviceGrant = new TokenGrant.DeviceCode(auth.deviceCode());
            collect(failures, () -> client.createToken(device, deviceGrant));
            collect(failures, () -> client.createToken(device, deviceGrant));
            clock.advance(Duration.ofSeconds(1));
            emulator.approve(auth.userCode());
            SsoToken token = client.createToken(device, deviceGrant);

            // PKCE: the authorization code and the verifier travel in CreateToken.
            String redirectUri = "http://127.0.0.1:9/callback";
            ClientRegistration pkce = client.registerClient(new ClientRegistrationRequest("trace-test",
                    List.of(ClientRegistration.AUTHORIZATION_CODE, ClientRegistration.REFRESH_TOKEN),
                    List.of(SCOPE), List.of(redirectUri), null));
            emulator.approval(Approval.automatic());
            String verifier = "trace-verifier-" + "v".repeat(43);
            String code = authorizationCode(pkce, redirectUri, verifier);
            client.createToken(pkce, new TokenGrant.AuthorizationCode(code, redirectUri, verifier));
            collect(failures, () -> client.createToken(pkce,
                    new TokenGrant.AuthorizationCode(code, redirectUri, verifier)));

            // Refresh, portal calls, STS with source credentials, and the error paths.
            SsoToken renewed = client.createToken(device, new TokenGrant.RefreshToken(token.refreshToken()));
            client.listAccounts(renewed, null, 1);
            emulator.rateLimit(Operation.LIST_ACCOUNT_ROLES, 0.001, 1);
            client.listAccountRoles(renewed, AccountId.parse("012345678901"), null, 10);
            RoleCredentials source = client.getRoleCredentials(renewed, AccountId.parse("012345678901"), "Deploy");
            RoleArn target = RoleArn.parse("arn:aws:iam::123456789012:role/Deploy");
            client.assumeRole(source, new AssumeRoleRequest(target, "Deploy@012345678901", "ext-1", "alice"));
            emulator.denyAssumeRole(target.toString());
            collect(failures, () -> client.assumeRole(source,
                    new AssumeRoleRequest(target, "Deploy@012345678901", null, null)));
            collect(failures, () -> client.getRoleCredentials(renewed, AccountId.parse("123456789012"), "Nope"));
            collect(failures, () -> client.listAccountRoles(renewed, AccountId.parse("012345678901"), null, 10));
            client.logout(renewed);
            collect(failures, () -> client.listAccounts(renewed, null, 10));
            emulator.endSessions();
            collect(failures, () -> client.createToken(device, new TokenGrant.RefreshToken(renewed.refreshToken())));
            secrets = emulator.issuedSecrets();
        } finally {
            System.setErr(originalErr);
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        assertThat(log).as("the SDK logged at TRACE").contains("TRACE software.amazon.awssdk");
        assertThat(log).as("our client logged at DEBUG").contains("DEBUG " + SdkIdentityCenterClient.class.getName());
        assertThat(failures).hasSize(8);
        assertThat(secrets).hasSizeGreaterThan(10);
        for (String secret : secrets) {
            assertThat(log).as("log output").doesNotContain(secret);
            for (Throwable f : failures) {
                for (Throwable t = f; t != null; t = t.getCause()) {
                    assertThat(String.valueOf(t.getMessage())).as("message of %s", t.getClass().getName())
                            .doesNotContain(secret);
                }
            }
        }
    }

    private static void collect(List<Throwable> failures, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            failures.add(e);
            return;
        }
        throw new AssertionError("expected the call to fail");
    }

    /** Follows the authorize URL without a browser and takes the code from the redirect. */
    private static String authorizationCode(ClientRegistration client, String redirectUri, String verifier)
            throws Exception {
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        URI authorize = URI.create(client.authorizationEndpoint() + "?response_type=code&client_id="
                + enc(client.clientId()) + "&redirect_uri=" + enc(redirectUri) + "&state=s"
                + "&code_challenge=" + challenge + "&code_challenge_method=S256&scopes=" + enc(SCOPE));
        HttpURLConnection browser = (HttpURLConnection) authorize.toURL().openConnection();
        browser.setInstanceFollowRedirects(false);
        int status = browser.getResponseCode();
        String location = browser.getHeaderField("Location");
        browser.disconnect();
        if (location == null) {
            throw new AssertionError("the authorize page did not redirect: HTTP " + status);
        }
        for (String part : URI.create(location).getRawQuery().split("&")) {
            if (part.startsWith("code=")) {
                return URLDecoder.decode(part.substring(5), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no code in the redirect");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
