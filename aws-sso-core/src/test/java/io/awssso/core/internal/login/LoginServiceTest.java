package io.awssso.core.internal.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.AwsSsoException;
import io.awssso.api.ClientRegistration;
import io.awssso.api.LoginRequiredException;
import io.awssso.api.RoleArn;
import io.awssso.api.SsoInstance;
import io.awssso.api.SsoToken;
import io.awssso.api.spi.IdentityCenterClient;
import io.awssso.core.internal.aws.SdkClientOptions;
import io.awssso.core.internal.aws.SdkIdentityCenterClientFactory;
import io.awssso.core.internal.config.AuthWorkflow;
import io.awssso.core.internal.config.UrlAction;
import io.awssso.core.internal.lock.FileMutex;
import io.awssso.core.internal.url.UrlOpener;
import io.awssso.testkit.Approval;
import io.awssso.testkit.IdentityCenterEmulator;
import io.awssso.testkit.InMemorySecureStore;
import io.awssso.testkit.IssuedTokens;
import io.awssso.testkit.MutableClock;
import io.awssso.testkit.Operation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The login flows end to end: our LoginService, the real AWS SDK clients, and the emulator over
 * HTTP. Device-code polling runs on a {@link MutableClock} moved by the sleeper: no real waiting.
 */
class LoginServiceTest {
    @TempDir
    Path home;

    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-11-26T10:00:00Z"));
    private final InMemorySecureStore store = InMemorySecureStore.create();
    private final ByteArrayOutputStream userOut = new ByteArrayOutputStream();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final List<Throwable> browserFailures = new CopyOnWriteArrayList<>();
    private IdentityCenterEmulator emulator;
    private IdentityCenterClient client;
    private Runnable onSleep = () -> { };

    @BeforeEach
    void startEmulator() {
        emulator = IdentityCenterEmulator.builder().clock(clock).pollInterval(Duration.ofSeconds(5))
                .build().start();
        emulator.addAccount("012345678901", "prod", "prod@example.com", "AdministratorAccess");
        client = new SdkIdentityCenterClientFactory(SdkClientOptions.defaults()
                .withEndpoint(emulator.endpoint()), clock).create(instance());
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    private SsoInstance instance() {
        return new SsoInstance("Default", emulator.startUrl().toString(), "us-east-1", null);
    }

    private LoginSettings settings(AuthWorkflow flow) {
        return new LoginSettings(instance(), flow, UrlAction.OPEN, false, null);
    }

    /** A browser: follows the URL (and every redirect) with a real HTTP client, off the caller's thread. */
    private UrlOpener.Launcher browser() {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build();
        return command -> {
            String url = command.get(command.size() - 1);
            Thread t = new Thread(() -> {
                try {
                    http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    browserFailures.add(e);
                }
            });
            t.setDaemon(true);
            t.start();
        };
    }

    private LoginService service(UrlOpener.Launcher launcher) {
        UrlOpener opener = new UrlOpener(new PrintStream(userOut, true, StandardCharsets.UTF_8), null,
                List.of(), "Linux", Map.of(), launcher);
        Sleeper sleeper = d -> {
            sleeps.add(d);
            clock.advance(d);
            onSleep.run();
        };
        return new LoginService(client, store, clock, sleeper, opener,
                new PrintStream(userOut, true, StandardCharsets.UTF_8), new AwsCliTokenCache(home),
                new SecureRandom(), Map.of(), p -> null, LoginService.loginLock(home.resolve("cfg")));
    }

    private LoginService service() {
        return service(command -> { });
    }

    private String userOutput() {
        return userOut.toString(StandardCharsets.UTF_8);
    }

    @Test
    void login_deviceCode_pollsUntilApprovedAndStoresTokenAndRegistration() {
        emulator.approval(Approval.afterPolls(2));

        LoginService.Outcome o = service().login(settings(AuthWorkflow.DEVICE_CODE), false);

        assertThat(o.alreadyLoggedIn()).isFalse();
        assertThat(userOutput()).contains("Verify this code in your browser:");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
        SsoToken token = store.read().token("Default").orElseThrow();
        assertThat(token.refreshTokenIfAny()).isPresent();
        assertThat(o.expiresAt()).isEqualTo(token.expiresAt());
        assertThat(store.read().registration("Default").orElseThrow().grantTypes())
                .containsExactly(ClientRegistration.DEVICE_CODE, ClientRegistration.REFRESH_TOKEN);
    }

    @Test
    void login_deviceCodePolledTooFast_addsFiveSecondsOnSlowDown() {
        emulator.approval(Approval.afterPolls(1));
        // The second wait is cut short (the clock moves back 3 s), so the second poll comes too early.
        int[] sleepsSoFar = {0};
        onSleep = () -> {
            if (++sleepsSoFar[0] == 2) {
                clock.advance(Duration.ofSeconds(-3));
            }
        };

        service().login(settings(AuthWorkflow.DEVICE_CODE), false);

        assertThat(sleeps).startsWith(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThat(emulator.calls(Operation.CREATE_TOKEN)).extracting(c -> c.errorCode())
                .anySatisfy(code -> assertThat(code).contains("SlowDown"));
        assertThat(store.read().token("Default")).isPresent();
    }

    @Test
    void login_deviceCodeNeverApproved_stopsWithExpiryMessage() {
        emulator.approval(Approval.manual());

        assertThatThrownBy(() -> service().login(settings(AuthWorkflow.DEVICE_CODE), false))
                .isInstanceOf(AwsSsoException.class)
                .hasMessageContaining("expired before it was approved");
        assertThat(store.read().token("Default")).isEmpty();
    }

    @Test
    void login_deviceCodeDenied_saysSo() {
        emulator.approval(Approval.manual());
        onSleep = () -> {
            Matcher m = Pattern.compile("browser: (\\S+)").matcher(userOutput());
            if (m.find()) {
                emulator.deny(m.group(1));
            }
        };

        assertThatThrownBy(() -> service().login(settings(AuthWorkflow.DEVICE_CODE), false))
                .hasMessageContaining("denied");
    }

    @Test
    void login_pkce_browserFollowsAuthorizeUrlAndTheCodeIsExchanged() {
        List<List<String>> launched = new ArrayList<>();
        UrlOpener.Launcher browser = browser();

        LoginService.Outcome o = service(cmd -> {
            launched.add(cmd);
            browser.start(cmd);
        }).login(settings(AuthWorkflow.PKCE), false);

        assertThat(browserFailures).isEmpty();
        assertThat(o.alreadyLoggedIn()).isFalse();
        String url = launched.get(0).get(1);
        assertThat(url).startsWith(emulator.endpoint() + "/authorize?response_type=code")
                .contains("code_challenge_method=S256")
                .contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A");
        assertThat(emulator.calls(Operation.CREATE_TOKEN)).singleElement()
                .satisfies(c -> assertThat(c.grantType()).isEqualTo("authorization_code"));
        assertThat(store.read().token("Default")).isPresent();
        assertThat(store.read().registration("Default").orElseThrow().grantTypes())
                .containsExactly(ClientRegistration.AUTHORIZATION_CODE, ClientRegistration.REFRESH_TOKEN);
    }

    @Test
    void login_validToken_saysAlreadyLoggedInWithoutCallingAws() {
        service().login(settings(AuthWorkflow.DEVICE_CODE), false);
        emulator.clearCallLog();

        LoginService.Outcome again = service().login(settings(AuthWorkflow.DEVICE_CODE), false);

        assertThat(again.alreadyLoggedIn()).isTrue();
        assertThat(emulator.callLog()).isEmpty();
    }

    @Test
    void login_force_endsTheSessionAndReusesTheRegistration() {
        service().login(settings(AuthWorkflow.DEVICE_CODE), false);
        SsoToken before = store.read().token("Default").orElseThrow();

        LoginService.Outcome o = service().login(settings(AuthWorkflow.DEVICE_CODE), true);

        assertThat(o.alreadyLoggedIn()).isFalse();
        assertThat(emulator.count(Operation.LOGOUT)).isEqualTo(1);
        assertThat(emulator.count(Operation.REGISTER_CLIENT)).isEqualTo(1);
        assertThat(store.read().token("Default").orElseThrow().accessToken())
                .isNotEqualTo(before.accessToken());
    }

    @Test
    void login_otherWorkflowThanRegistered_registersAgain() {
        service().login(settings(AuthWorkflow.DEVICE_CODE), false);

        service(browser()).login(settings(AuthWorkflow.PKCE), true);

        assertThat(emulator.count(Operation.REGISTER_CLIENT)).isEqualTo(2);
    }

    @Test
    void validToken_expiredAccessToken_isRenewedSilentlyWithTheRefreshToken() {
        service().login(settings(AuthWorkflow.DEVICE_CODE), false);
        SsoToken before = store.read().token("Default").orElseThrow();
        clock.advance(Duration.ofHours(2));
        emulator.clearCallLog();

        SsoToken renewed = service().validToken(settings(AuthWorkflow.DEVICE_CODE));

        assertThat(renewed.accessToken()).isNotEqualTo(before.accessToken());
        assertThat(renewed.expiresAt()).isAfter(clock.instant());
        assertThat(emulator.calls(Operation.CREATE_TOKEN)).singleElement()
                .satisfies(c -> assertThat(c.grantType()).isEqualTo("refresh_token"));
        assertThat(store.read().token("Default").orElseThrow()).isEqualTo(renewed);
        assertThat(userOutput()).doesNotContain("expired");
    }

    @Test
    void validToken_sessionEnded_tellsTheUserToRunLogin() {
        service().login(settings(AuthWorkflow.DEVICE_CODE), false);
        emulator.endSessions();
        clock.advance(Duration.ofHours(2));

        assertThatThrownBy(() -> service().validToken(settings(AuthWorkflow.DEVICE_CODE)))
                .isInstanceOf(LoginRequiredException.class)
                .hasMessageContaining("aws-sso login");
    }

    @Test
    void validToken_noTokenButAutoLogin_logsIn() {
        LoginSettings auto = new LoginSettings(instance(), AuthWorkflow.DEVICE_CODE, UrlAction.OPEN, true, null);

        SsoToken token = service().validToken(auto);

        assertThat(token.expiresAt()).isAfter(clock.instant());
        assertThat(userOutput()).contains("AutoLogin");
    }

    @Test
    void renewRejected_tokenRevokedEarly_usesRefreshTokenOnce() {
        service().login(settings(AuthWorkflow.DEVICE_CODE), false);
        SsoToken rejected = store.read().token("Default").orElseThrow();
        emulator.expireAccessTokens();

        SsoToken renewed = service().renewRejected(settings(AuthWorkflow.DEVICE_CODE), rejected);

        assertThat(renewed.accessToken()).isNotEqualTo(rejected.accessToken());
        assertThat(client.listAccounts(renewed, null, 10).items()).hasSize(1);
    }

    /** A login that ran dry: the access token expired, the session ended so the refresh token fails. */
    private void sessionEndedAndTokenExpired() {
        service().login(settings(AuthWorkflow.DEVICE_CODE), false);
        emulator.endSessions();
        clock.advance(Duration.ofHours(2));
        emulator.clearCallLog();
    }

    /**
     * Runs {@code call} while another process (a thread holding the login lock) is logging in:
     * once {@code call} says it is waiting, the other login stores its token and lets go.
     *
     * @return the token the other login stored
     */
    @SuppressWarnings("try") // the lock is held for the block, not referenced in it
    private SsoToken whileAnotherProcessLogsIn(Runnable call) throws Exception {
        FileMutex lock = LoginService.loginLock(home.resolve("cfg"));
        CountDownLatch held = new CountDownLatch(1);
        CompletableFuture<SsoToken> other = CompletableFuture.supplyAsync(() -> {
            try (FileMutex.Held h = lock.acquire()) {
                held.countDown();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!userOutput().contains("Waiting for the AWS SSO login running in another aws-sso process")) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("the caller never said it was waiting: " + userOutput());
                    }
                    Thread.onSpinWait();
                }
                IssuedTokens t = emulator.signIn();
                SsoToken token = new SsoToken(t.accessToken(), "Bearer",
                        Duration.between(clock.instant(), t.accessTokenExpiresAt()), t.accessTokenExpiresAt(),
                        t.refreshToken(), null);
                store.update(s -> s.withToken("Default", token));
                return token;
            }
        });
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        call.run();
        return other.get(30, TimeUnit.SECONDS);
    }

    @Test
    void validToken_whileAnotherProcessLogsIn_waitsSaysSoAndUsesItsToken() throws Exception {
        sessionEndedAndTokenExpired();
        SsoToken[] got = new SsoToken[1];

        SsoToken theirs = whileAnotherProcessLogsIn(() -> got[0] = service().validToken(settings(AuthWorkflow.DEVICE_CODE)));

        assertThat(got[0]).isEqualTo(theirs);
        assertThat(userOutput()).contains(home.resolve("cfg").resolve("login.lock").toString());
        assertThat(emulator.count(Operation.CREATE_TOKEN)).isZero();
    }

    @Test
    void login_whileAnotherProcessLogsIn_waitsAndIsAlreadyLoggedInWithoutAFlowOfItsOwn() throws Exception {
        sessionEndedAndTokenExpired();
        LoginService.Outcome[] got = new LoginService.Outcome[1];

        SsoToken theirs = whileAnotherProcessLogsIn(() -> got[0] = service().login(settings(AuthWorkflow.DEVICE_CODE),
                false));

        assertThat(got[0]).isEqualTo(new LoginService.Outcome(true, theirs.expiresAt()));
        assertThat(emulator.count(Operation.START_DEVICE_AUTHORIZATION)).isZero();
    }

    @Test
    void renewRejected_whileAnotherProcessRenews_waitsAndUsesItsToken() throws Exception {
        sessionEndedAndTokenExpired();
        SsoToken rejected = store.read().token("Default").orElseThrow();
        clock.advance(Duration.ofHours(-2)); // rejected before its expiry (revoked)
        SsoToken[] got = new SsoToken[1];

        SsoToken theirs = whileAnotherProcessLogsIn(
                () -> got[0] = service().renewRejected(settings(AuthWorkflow.DEVICE_CODE), rejected));

        assertThat(got[0]).isEqualTo(theirs);
        assertThat(emulator.count(Operation.CREATE_TOKEN)).isZero();
    }

    @Test
    void validToken_manyProcessesFindTheSessionEndedWithAutoLogin_exactlyOneLoginFlow() throws Exception {
        sessionEndedAndTokenExpired();
        LoginSettings auto = new LoginSettings(instance(), AuthWorkflow.DEVICE_CODE, UrlAction.OPEN, true, null);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<SsoToken>> runs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                LoginService process = service(); // one service per process, sharing the store and lock file
                runs.add(pool.submit(() -> process.validToken(auto)));
            }
            Set<String> tokens = new java.util.HashSet<>();
            for (Future<SsoToken> run : runs) {
                tokens.add(run.get(60, TimeUnit.SECONDS).accessToken());
            }

            assertThat(tokens).hasSize(1);
            assertThat(emulator.count(Operation.START_DEVICE_AUTHORIZATION)).isEqualTo(1);
            assertThat(emulator.calls(Operation.CREATE_TOKEN)).extracting(c -> c.grantType())
                    .containsOnlyOnce("urn:ietf:params:oauth:grant-type:device_code")
                    .doesNotContain("authorization_code");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void logout_callsPortalLogoutAndDeletesTokenAndInstanceCredentials() {
        service().login(settings(AuthWorkflow.DEVICE_CODE), false);
        SsoToken token = store.read().token("Default").orElseThrow();
        RoleArn arn = RoleArn.parse("arn:aws:iam::012345678901:role/AdministratorAccess");
        store.update(s -> s.withCredentials(arn,
                client.getRoleCredentials(token, arn.accountId(), arn.roleName())));

        boolean had = service().logout(settings(AuthWorkflow.DEVICE_CODE), a -> true);

        assertThat(had).isTrue();
        assertThat(emulator.count(Operation.LOGOUT)).isEqualTo(1);
        assertThat(store.read().token("Default")).isEmpty();
        assertThat(store.read().roleCredentials()).isEmpty();
        assertThatThrownBy(() -> client.listAccounts(token, null, 10)).isInstanceOf(LoginRequiredException.class);
    }

    @Test
    void sharedSession_writesAwsCliCacheOnLoginAndRefresh_andLogoutDeletesIt() throws Exception {
        LoginSettings shared = new LoginSettings(instance(), AuthWorkflow.DEVICE_CODE, UrlAction.OPEN,
                false, "my-sso");
        AwsCliTokenCache cache = new AwsCliTokenCache(home);

        service().login(shared, false);
        String first = java.nio.file.Files.readString(cache.file("my-sso"));
        clock.advance(Duration.ofHours(2));
        SsoToken renewed = service().validToken(shared);
        String second = java.nio.file.Files.readString(cache.file("my-sso"));

        assertThat(second).isNotEqualTo(first).contains(renewed.accessToken());
        service().logout(shared, a -> true);
        assertThat(cache.file("my-sso")).doesNotExist();
    }
}
