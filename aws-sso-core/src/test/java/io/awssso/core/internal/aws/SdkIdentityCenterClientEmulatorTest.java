package io.awssso.core.internal.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import io.awssso.api.Account;
import io.awssso.api.AccountId;
import io.awssso.api.AccountRole;
import io.awssso.api.ClientRegistration;
import io.awssso.api.IdentityCenterException;
import io.awssso.api.IdentityCenterException.Reason;
import io.awssso.api.LoginRequiredException;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.api.SsoInstance;
import io.awssso.api.SsoToken;
import io.awssso.api.ThrottledException;
import io.awssso.api.spi.AssumeRoleRequest;
import io.awssso.api.spi.ClientRegistrationRequest;
import io.awssso.api.spi.DeviceAuthorization;
import io.awssso.api.spi.IdentityCenterClient;
import io.awssso.api.spi.Page;
import io.awssso.api.spi.TokenGrant;
import io.awssso.testkit.Approval;
import io.awssso.testkit.Call;
import io.awssso.testkit.IdentityCenterEmulator;
import io.awssso.testkit.IssuedTokens;
import io.awssso.testkit.MutableClock;
import io.awssso.testkit.Operation;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every {@link IdentityCenterClient} call through the real AWS SDK clients against the testkit's
 * emulator, a real HTTP server on 127.0.0.1.
 */
class SdkIdentityCenterClientEmulatorTest {
    private static final Instant START = Instant.parse("2026-11-26T12:00:00Z");
    private static final String SCOPE = "sso:account:access";

    private final MutableClock clock = MutableClock.startingAt(START);
    private IdentityCenterEmulator emulator;
    private IdentityCenterClient client;

    @BeforeEach
    void start() {
        emulator = IdentityCenterEmulator.builder()
                .clock(clock)
                .addAccount("012345678901", "Zero Lead", "zero@example.com", "AdministratorAccess",
                        "ReadOnlyAccess", "Deploy")
                .addAccount("123456789012", "Target", "target@example.com", "Deploy")
                .build()
                .start();
        client = clientFor(SdkClientOptions.defaults().withEndpoint(emulator.endpoint())
                .withRetries(3, Duration.ofMillis(1)));
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        emulator.close();
    }

    private IdentityCenterClient clientFor(SdkClientOptions options) {
        return new SdkIdentityCenterClientFactory(options, clock).create(instance());
    }

    private SsoInstance instance() {
        return new SsoInstance("emulated", emulator.startUrl().toString(), emulator.region(), null);
    }

    private SsoToken signedIn() {
        IssuedTokens t = emulator.signIn();
        return new SsoToken(t.accessToken(), "Bearer", Duration.ofHours(1), t.accessTokenExpiresAt(),
                t.refreshToken(), null);
    }

    private ClientRegistration registerDeviceClient() {
        return client.registerClient(new ClientRegistrationRequest("aws-sso-test",
                List.of(ClientRegistration.DEVICE_CODE, ClientRegistration.REFRESH_TOKEN), List.of(SCOPE),
                List.of(), emulator.startUrl().toString()));
    }

    private static Reason reasonOf(Runnable call) {
        IdentityCenterException e = catchThrowableOfType(IdentityCenterException.class, call::run);
        assertThat(e).as("an IdentityCenterException").isNotNull();
        return e.reason();
    }

    // ---- OIDC --------------------------------------------------------------------------------

    @Test
    void registerClient_scoped_returnsTheRegistrationWithTheRequestedGrantTypes() {
        ClientRegistration r = registerDeviceClient();

        assertThat(r.clientId()).isNotBlank();
        assertThat(emulator.issuedSecrets()).contains(r.clientSecret());
        assertThat(r.issuedAt()).isEqualTo(START);
        assertThat(r.secretExpiresAt()).isEqualTo(START.plus(Duration.ofDays(90)));
        assertThat(r.grantTypes()).containsExactly(ClientRegistration.DEVICE_CODE, ClientRegistration.REFRESH_TOKEN);
        assertThat(r.authorizationEndpoint()).isEqualTo(emulator.endpoint() + "/authorize");
        assertThat(r.tokenEndpoint()).isEqualTo(emulator.endpoint() + "/token");
        assertThat(emulator.calls(Operation.REGISTER_CLIENT)).singleElement()
                .satisfies(c -> assertThat(c.succeeded()).isTrue());
    }

    @Test
    void deviceFlow_pendingThenTooFastThenApproved_mapsEachAnswer() {
        emulator.approval(Approval.manual());
        ClientRegistration registration = registerDeviceClient();
        DeviceAuthorization auth = client.startDeviceAuthorization(registration, emulator.startUrl().toString());
        TokenGrant grant = new TokenGrant.DeviceCode(auth.deviceCode());

        assertThat(auth.interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(auth.expiresIn()).isEqualTo(Duration.ofMinutes(10));
        assertThat(auth.verificationUriComplete()).contains(auth.userCode());
        assertThat(reasonOf(() -> client.createToken(registration, grant))).isEqualTo(Reason.AUTHORIZATION_PENDING);
        assertThat(reasonOf(() -> client.createToken(registration, grant))).isEqualTo(Reason.SLOW_DOWN);

        clock.advance(Duration.ofSeconds(1));
        assertThat(emulator.approve(auth.userCode())).isTrue();
        SsoToken token = client.createToken(registration, grant);

        assertThat(emulator.issuedSecrets()).contains(token.accessToken(), token.refreshToken());
        assertThat(token.expiresIn()).isEqualTo(Duration.ofHours(1));
        assertThat(token.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        assertThat(client.listAccounts(token, null, 10).items()).hasSize(2);
    }

    @Test
    void createToken_pendingMessage_comesFromTheErrorDescription() {
        emulator.approval(Approval.manual());
        ClientRegistration registration = registerDeviceClient();
        DeviceAuthorization auth = client.startDeviceAuthorization(registration, emulator.startUrl().toString());

        IdentityCenterException e = catchThrowableOfType(IdentityCenterException.class,
                () -> client.createToken(registration, new TokenGrant.DeviceCode(auth.deviceCode())));

        assertThat(e.getMessage()).contains("Authorization is still pending")
                .contains("AuthorizationPendingException").doesNotContain("null");
    }

    @Test
    void deviceFlow_denied_isAccessDenied() {
        emulator.approval(Approval.deny());
        ClientRegistration registration = registerDeviceClient();
        DeviceAuthorization auth = client.startDeviceAuthorization(registration, emulator.startUrl().toString());

        assertThat(reasonOf(() -> client.createToken(registration, new TokenGrant.DeviceCode(auth.deviceCode()))))
                .isEqualTo(Reason.ACCESS_DENIED);
    }

    @Test
    void deviceFlow_codeExpired_isExpiredToken() {
        emulator.approval(Approval.manual());
        ClientRegistration registration = registerDeviceClient();
        DeviceAuthorization auth = client.startDeviceAuthorization(registration, emulator.startUrl().toString());

        clock.advance(auth.expiresIn().plusSeconds(1));

        assertThat(reasonOf(() -> client.createToken(registration, new TokenGrant.DeviceCode(auth.deviceCode()))))
                .isEqualTo(Reason.EXPIRED_TOKEN);
    }

    @Test
    void createToken_registrationExpired_isInvalidClient() {
        ClientRegistration registration = registerDeviceClient();
        clock.advance(Duration.ofDays(91));

        assertThat(reasonOf(() -> client.startDeviceAuthorization(registration, emulator.startUrl().toString())))
                .isEqualTo(Reason.INVALID_CLIENT);
    }

    @Test
    void pkceFlow_codeFromTheLoopbackRedirect_isExchangedForAToken() throws Exception {
        HttpServer listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        CompletableFuture<String> query = new CompletableFuture<>();
        listener.createContext("/oauth/callback", exchange -> {
            query.complete(exchange.getRequestURI().getRawQuery());
            byte[] body = "You can close this window.".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        listener.start();
        try {
            String redirectUri = "http://127.0.0.1:" + listener.getAddress().getPort() + "/oauth/callback";
            ClientRegistration registration = client.registerClient(new ClientRegistrationRequest("aws-sso-test",
                    List.of(ClientRegistration.AUTHORIZATION_CODE, ClientRegistration.REFRESH_TOKEN),
                    List.of(SCOPE), List.of(redirectUri), emulator.startUrl().toString()));
            String verifier = "verifier-" + "x".repeat(50);
            String authorize = registration.authorizationEndpoint() + "?response_type=code"
                    + "&client_id=" + enc(registration.clientId())
                    + "&redirect_uri=" + enc(redirectUri)
                    + "&state=state-123"
                    + "&code_challenge=" + enc(s256(verifier))
                    + "&code_challenge_method=S256"
                    + "&scopes=" + enc(SCOPE);

            // What the browser does: GET the authorize page and follow its redirect to the listener.
            HttpURLConnection browser = (HttpURLConnection) URI.create(authorize).toURL().openConnection();
            browser.setInstanceFollowRedirects(true);
            int status = browser.getResponseCode();
            browser.getInputStream().readAllBytes();
            browser.disconnect();
            Map<String, String> params = parseQuery(query.get(10, TimeUnit.SECONDS));
            SsoToken token = client.createToken(registration,
                    new TokenGrant.AuthorizationCode(params.get("code"), redirectUri, verifier));

            assertThat(status).isEqualTo(200);
            assertThat(params).containsEntry("state", "state-123");
            assertThat(token.refreshTokenIfAny()).isPresent();
            assertThat(emulator.calls(Operation.CREATE_TOKEN)).singleElement()
                    .satisfies(c -> assertThat(c.grantType()).isEqualTo(ClientRegistration.AUTHORIZATION_CODE));
            assertThat(reasonOf(() -> client.createToken(registration,
                    new TokenGrant.AuthorizationCode(params.get("code"), redirectUri, "wrong-" + verifier))))
                    .isEqualTo(Reason.INVALID_GRANT);
        } finally {
            listener.stop(0);
        }
    }

    @Test
    void refreshToken_whileTheSessionLives_issuesANewTokenAndAfterItEndsIsInvalidGrant() {
        IssuedTokens issued = emulator.signIn();
        ClientRegistration registration = new ClientRegistration(issued.clientId(), issued.clientSecret(), START,
                START.plus(Duration.ofDays(90)), null, null, List.of());
        clock.advance(Duration.ofMinutes(30));

        SsoToken renewed = client.createToken(registration, new TokenGrant.RefreshToken(issued.refreshToken()));

        assertThat(renewed.accessToken()).isNotEqualTo(issued.accessToken());
        assertThat(renewed.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(30)).plus(renewed.expiresIn()));
        assertThat(emulator.calls(Operation.CREATE_TOKEN)).singleElement()
                .satisfies(c -> assertThat(c.grantType()).isEqualTo(ClientRegistration.REFRESH_TOKEN));

        emulator.endSessions();
        String refresh = renewed.refreshTokenIfAny().orElse(issued.refreshToken());
        assertThat(reasonOf(() -> client.createToken(registration, new TokenGrant.RefreshToken(refresh))))
                .isEqualTo(Reason.INVALID_GRANT);
    }

    // ---- portal ------------------------------------------------------------------------------

    @Test
    void listAccounts_250Accounts_pagesThroughAllWithLeadingZerosIntact() {
        emulator.generateAccounts(248, 1);
        SsoToken token = signedIn();

        List<Account> all = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            Page<Account> page = client.listAccounts(token, next, 100);
            all.addAll(page.items());
            next = page.nextToken();
            pages++;
        } while (next != null);

        assertThat(pages).isEqualTo(3);
        assertThat(all).hasSize(250);
        assertThat(all).extracting(Account::id)
                .containsExactlyInAnyOrderElementsOf(emulator.accounts().stream()
                        .map(IdentityCenterEmulator.EmulatedAccount::id).toList())
                .contains(new AccountId("012345678901"), new AccountId("000000010000"));
        assertThat(all).filteredOn(a -> a.id().value().equals("012345678901")).singleElement()
                .satisfies(a -> {
                    assertThat(a.name()).isEqualTo("Zero Lead");
                    assertThat(a.emailAddress()).isEqualTo("zero@example.com");
                });
        assertThat(emulator.calls(Operation.LIST_ACCOUNTS)).hasSize(3)
                .allSatisfy(c -> assertThat(c.parameter(Call.MAX_RESULTS)).isEqualTo("100"));
    }

    @Test
    void listAccounts_manyThreadsOnAFreshClient_allSucceedOnOneLazilyBuiltClient() throws Exception {
        SsoToken token = signedIn();
        SdkIdentityCenterClient fresh = (SdkIdentityCenterClient) clientFor(
                SdkClientOptions.defaults().withEndpoint(emulator.endpoint()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return fresh.listAccounts(token, null, 10).items().size();
                }));
            }
            go.countDown();
            for (Future<Integer> r : results) {
                assertThat(r.get(30, TimeUnit.SECONDS)).isEqualTo(2);
            }
            assertThat(fresh.createdClients()).containsExactly("http", "sso");
            assertThat(emulator.count(Operation.LIST_ACCOUNTS)).isEqualTo(8);
        } finally {
            pool.shutdownNow();
            fresh.close();
        }
    }

    @Test
    void listAccountRoles_smallPages_returnsEveryRoleOfTheAccount() {
        SsoToken token = signedIn();
        AccountId account = AccountId.parse("012345678901");

        Page<AccountRole> first = client.listAccountRoles(token, account, null, 2);
        Page<AccountRole> second = client.listAccountRoles(token, account, first.nextToken(), 2);

        assertThat(first.items()).hasSize(2);
        assertThat(first.next()).isPresent();
        assertThat(second.next()).isEmpty();
        List<AccountRole> all = new ArrayList<>(first.items());
        all.addAll(second.items());
        assertThat(all).extracting(AccountRole::roleName)
                .containsExactlyInAnyOrder("AdministratorAccess", "ReadOnlyAccess", "Deploy");
        assertThat(all).extracting(AccountRole::accountId).containsOnly(account);
        assertThat(emulator.calls(Operation.LIST_ACCOUNT_ROLES)).extracting(Call::accountId)
                .containsExactly("012345678901", "012345678901");
    }

    @Test
    void listAccountRoles_unknownAccount_isNotFoundNamingTheAccount() {
        SsoToken token = signedIn();

        IdentityCenterException e = catchThrowableOfType(IdentityCenterException.class,
                () -> client.listAccountRoles(token, AccountId.parse("999999999999"), null, 10));

        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(e.getMessage()).contains("999999999999");
    }

    @Test
    void getRoleCredentials_assignedRole_returnsCredentialsExpiringFromEpochMillis() {
        SsoToken token = signedIn();

        RoleCredentials creds = client.getRoleCredentials(token, AccountId.parse("012345678901"), "Deploy");

        assertThat(creds.accountId().value()).isEqualTo("012345678901");
        assertThat(creds.roleName()).isEqualTo("Deploy");
        assertThat(creds.roleChaining()).isFalse();
        assertThat(creds.expiration()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(emulator.issuedSecrets()).contains(creds.secretAccessKey(), creds.sessionToken());
        assertThat(emulator.calls(Operation.GET_ROLE_CREDENTIALS)).singleElement().satisfies(c -> {
            assertThat(c.accountId()).isEqualTo("012345678901");
            assertThat(c.roleName()).isEqualTo("Deploy");
        });
    }

    @Test
    void getRoleCredentials_instanceInChina_credentialsNameTheAwsCnPartition() {
        try (IdentityCenterEmulator china = IdentityCenterEmulator.builder().clock(clock).region("cn-north-1")
                .addAccount("012345678901", "Zero Lead", "zero@example.com", "Deploy").build().start();
                IdentityCenterClient chinaClient = new SdkIdentityCenterClientFactory(SdkClientOptions.defaults()
                        .withEndpoint(china.endpoint()), clock).create(new SsoInstance("china",
                                china.startUrl().toString(), "cn-north-1", null))) {
            IssuedTokens t = china.signIn();
            SsoToken token = new SsoToken(t.accessToken(), "Bearer", Duration.ofHours(1), t.accessTokenExpiresAt(),
                    t.refreshToken(), null);

            RoleCredentials creds = chinaClient.getRoleCredentials(token, AccountId.parse("012345678901"), "Deploy");

            assertThat(creds.roleArn()).hasToString("arn:aws-cn:iam::012345678901:role/Deploy");
        }
    }

    @Test
    void getRoleCredentials_unassignedRole_isNotFoundNamingRoleAndAccount() {
        SsoToken token = signedIn();

        IdentityCenterException e = catchThrowableOfType(IdentityCenterException.class,
                () -> client.getRoleCredentials(token, AccountId.parse("123456789012"), "AdministratorAccess"));

        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(e.getMessage()).contains("AdministratorAccess").contains("123456789012");
    }

    @Test
    void logout_thenListAccounts_requiresLogin() {
        SsoToken token = signedIn();

        client.logout(token);

        LoginRequiredException e = catchThrowableOfType(LoginRequiredException.class,
                () -> client.listAccounts(token, null, 10));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("aws-sso login").contains("'emulated'").doesNotContain(token.accessToken());
        assertThat(emulator.calls(Operation.LOGOUT)).singleElement().satisfies(c -> assertThat(c.succeeded()).isTrue());
    }

    @Test
    void getRoleCredentials_expiredAccessToken_requiresLogin() {
        SsoToken token = signedIn();
        emulator.expireAccessTokens();

        assertThat(catchThrowableOfType(LoginRequiredException.class,
                () -> client.getRoleCredentials(token, AccountId.parse("012345678901"), "Deploy"))).isNotNull();
    }

    @Test
    void listAccounts_throttledBeyondTheRetries_isThrottledAfterEveryAttempt() {
        SsoToken token = signedIn();
        emulator.rateLimit(Operation.LIST_ACCOUNTS, 0.001, 1);
        client.listAccounts(token, null, 10);

        ThrottledException e = catchThrowableOfType(ThrottledException.class,
                () -> client.listAccounts(token, null, 10));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("ListAccounts").contains("after 3 attempts");
        assertThat(emulator.calls(Operation.LIST_ACCOUNTS, Call::throttled)).hasSize(3);
    }

    // ---- STS ---------------------------------------------------------------------------------

    @Test
    void assumeRole_withExternalId_returnsChainedCredentialsOfTheTarget() {
        SsoToken token = signedIn();
        RoleCredentials source = client.getRoleCredentials(token, AccountId.parse("012345678901"), "Deploy");
        RoleArn target = RoleArn.parse("arn:aws:iam::123456789012:role/Deploy");
        emulator.requireExternalId(target.toString(), "ext-42");

        RoleCredentials chained = client.assumeRole(source,
                new AssumeRoleRequest(target, "Deploy@012345678901", "ext-42", null));

        assertThat(chained.roleChaining()).isTrue();
        assertThat(chained.accountId()).isEqualTo(target.accountId());
        assertThat(chained.roleName()).isEqualTo("Deploy");
        assertThat(chained.accessKeyId()).isNotEqualTo(source.accessKeyId());
        assertThat(chained.expiration()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(emulator.calls(Operation.ASSUME_ROLE)).singleElement().satisfies(c -> {
            assertThat(c.parameter(Call.ROLE_ARN)).isEqualTo(target.toString());
            assertThat(c.parameter(Call.ROLE_SESSION_NAME)).isEqualTo("Deploy@012345678901");
            assertThat(c.parameter(Call.ACCESS_KEY_ID)).isEqualTo(source.accessKeyId());
        });
    }

    @Test
    void assumeRole_withoutTheRequiredExternalId_isForbidden() {
        SsoToken token = signedIn();
        RoleCredentials source = client.getRoleCredentials(token, AccountId.parse("012345678901"), "Deploy");
        RoleArn target = RoleArn.parse("arn:aws:iam::123456789012:role/Deploy");
        emulator.requireExternalId(target.toString(), "ext-42");

        IdentityCenterException e = catchThrowableOfType(IdentityCenterException.class,
                () -> client.assumeRole(source, new AssumeRoleRequest(target, "Deploy@012345678901", null, null)));

        assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN);
        assertThat(e.getMessage()).contains(target.toString()).contains("AccessDenied");
    }

    @Test
    void assumeRole_withSourceIdentity_sendsItSoItSticksToTheChain() {
        SsoToken token = signedIn();
        RoleCredentials source = client.getRoleCredentials(token, AccountId.parse("012345678901"), "Deploy");
        RoleArn target = RoleArn.parse("arn:aws:iam::123456789012:role/Deploy");
        RoleCredentials first = client.assumeRole(source,
                new AssumeRoleRequest(target, "Deploy@012345678901", null, "alice"));

        // STS refuses to change a source identity once set: only possible if the first call sent it.
        IdentityCenterException e = catchThrowableOfType(IdentityCenterException.class,
                () -> client.assumeRole(first, new AssumeRoleRequest(target, "Deploy@123456789012", null, "bob")));
        RoleCredentials same = client.assumeRole(first,
                new AssumeRoleRequest(target, "Deploy@123456789012", null, "alice"));

        assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN);
        assertThat(same.roleChaining()).isTrue();
    }

    // ---- routing by the SDK's standard settings ---------------------------------------------

    @Test
    void calls_routedOnlyByTheEndpointUrlSystemProperties_reachTheEmulator() {
        Map<String, String> saved = new HashMap<>();
        for (String p : List.of("aws.endpointUrlSso", "aws.endpointUrlSsoOidc", "aws.endpointUrlSts")) {
            saved.put(p, System.getProperty(p));
            System.setProperty(p, emulator.endpoint().toString());
        }
        try (IdentityCenterClient routed = clientFor(SdkClientOptions.defaults())) {
            ClientRegistration registration = routed.registerClient(new ClientRegistrationRequest("routed",
                    List.of(ClientRegistration.DEVICE_CODE), List.of(SCOPE), List.of(), null));
            SsoToken token = signedIn();
            List<Account> accounts = routed.listAccounts(token, null, 10).items();
            RoleCredentials source = routed.getRoleCredentials(token, AccountId.parse("012345678901"), "Deploy");
            RoleCredentials chained = routed.assumeRole(source, new AssumeRoleRequest(
                    RoleArn.parse("123456789012:Deploy"), "Deploy@012345678901", null, null));

            assertThat(registration.clientId()).isNotBlank();
            assertThat(accounts).hasSize(2);
            assertThat(chained.roleChaining()).isTrue();
            assertThat(emulator.counts()).containsEntry(Operation.REGISTER_CLIENT, 1)
                    .containsEntry(Operation.LIST_ACCOUNTS, 1)
                    .containsEntry(Operation.GET_ROLE_CREDENTIALS, 1)
                    .containsEntry(Operation.ASSUME_ROLE, 1);
        } finally {
            saved.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String s256(String verifier) throws NoSuchAlgorithmException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

    private static Map<String, String> parseQuery(String raw) throws IOException {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            throw new IOException("the redirect carried no query");
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }
}
