package io.awssso.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.ClientRegistration;
import io.awssso.api.RoleArn;
import io.awssso.api.SsoToken;
import io.awssso.core.internal.aws.SdkClientOptions;
import io.awssso.core.internal.aws.SdkIdentityCenterClientFactory;
import io.awssso.testkit.Call;
import io.awssso.testkit.IdentityCenterEmulator;
import io.awssso.testkit.InMemorySecureStore;
import io.awssso.testkit.IssuedTokens;
import io.awssso.testkit.MutableClock;
import io.awssso.testkit.Operation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.awssso.core.internal.credentials.RefreshScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

class AwsSsoCredentialsProviderTest {
    private static final RoleArn ADMIN = RoleArn.parse("arn:aws:iam::012345678901:role/AdministratorAccess");

    @TempDir
    Path home;
    MutableClock clock = MutableClock.startingAt(Instant.parse("2026-11-26T10:00:00Z"));
    IdentityCenterEmulator emulator;
    InMemorySecureStore store = InMemorySecureStore.create();
    AwsSso engine;

    @BeforeEach
    void start() throws Exception {
        signedIn(IdentityCenterEmulator.builder().clock(clock));
    }

    /** Starts an emulator, writes the config for it and stores a signed-in token. */
    private void signedIn(IdentityCenterEmulator.Builder emulatorSettings) throws Exception {
        emulator = emulatorSettings.build().start();
        emulator.addAccount("012345678901", "prod", "prod@example.com", "AdministratorAccess");
        Path config = home.resolve(".config/aws-sso/config.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "SSOConfig:\n  Default:\n    SSORegion: us-east-1\n    StartUrl: "
                + emulator.startUrl() + "\n    Accounts:\n      \"012345678901\":\n        Roles:\n"
                + "          AdministratorAccess: {Profile: prod-admin}\n");
        IssuedTokens t = emulator.signIn();
        ClientRegistration reg = new ClientRegistration(t.clientId(), t.clientSecret(), clock.instant(),
                clock.instant().plus(Duration.ofDays(90)), null, null,
                List.of(ClientRegistration.AUTHORIZATION_CODE, ClientRegistration.REFRESH_TOKEN));
        SsoToken token = new SsoToken(t.accessToken(), "Bearer",
                Duration.between(clock.instant(), t.accessTokenExpiresAt()), t.accessTokenExpiresAt(),
                t.refreshToken(), null);
        store.update(s -> s.withRegistration("Default", reg).withToken("Default", token));
        engine = engineWith(Map.of());
    }

    /** An engine on the emulator, the test's config, store and clock, and these environment variables. */
    private AwsSso engineWith(Map<String, String> variables) {
        AwsSso e = AwsSso.builder().configFile(home.resolve(".config/aws-sso/config.yaml").toString())
                .environment(variables, home).clock(clock)
                .secureStore(store).identityCenterClientFactory(new SdkIdentityCenterClientFactory(
                        SdkClientOptions.defaults().withEndpoint(emulator.endpoint()).withRetries(1, null), clock))
                .build();
        engines.add(e);
        return e;
    }

    private final List<AwsSso> engines = new java.util.ArrayList<>();

    @AfterEach
    void stop() {
        engines.forEach(AwsSso::close);
        emulator.close();
    }

    private AwsSsoCredentialsProvider provider() {
        return AwsSsoCredentialsProvider.builder().awsSso(engine).role(ADMIN).build();
    }

    private void awaitCalls(Operation op, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (emulator.count(op) < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(emulator.count(op)).isEqualTo(n);
    }

    @Test
    void resolveCredentials_repeated_fetchesOnceAndSharesTheStore() {
        try (AwsSsoCredentialsProvider p = provider()) {
            AwsCredentials first = p.resolveCredentials();
            AwsCredentials second = p.resolveCredentials();

            assertThat(second).isSameAs(first);
            assertThat(first).isInstanceOf(AwsSessionCredentials.class);
            assertThat(((AwsSessionCredentials) first).expirationTime()).isPresent();
            assertThat(first.accountId()).contains("012345678901");
            assertThat(emulator.count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(1);
            assertThat(store.read().credentials(ADMIN).orElseThrow().accessKeyId()).isEqualTo(first.accessKeyId());
        }
    }

    @Test
    void resolveCredentials_storedByAnotherProcess_reusedWithoutCall() {
        String key = engine.credentials().get(ADMIN).accessKeyId();
        emulator.clearCallLog();
        try (AwsSsoCredentialsProvider p = provider()) {
            assertThat(p.resolveCredentials().accessKeyId()).isEqualTo(key);
            assertThat(emulator.count(Operation.GET_ROLE_CREDENTIALS)).isZero();
        }
    }

    @Test
    void resolveCredentials_asyncPastPrefetchTime_currentReturnedAndNewFetchedInBackground() throws Exception {
        try (AwsSsoCredentialsProvider p = provider().toBuilder().asyncCredentialUpdateEnabled(true).build()) {
            AwsSessionCredentials first = (AwsSessionCredentials) p.resolveCredentials();
            emulator.latency(Operation.GET_ROLE_CREDENTIALS, Duration.ofSeconds(3)); // keeps the fetch in flight
            clock.set(first.expirationTime().orElseThrow().minus(Duration.ofMinutes(4)));
            p.tick();

            // the caller is not held up by the fetch in flight: it gets the current credentials
            assertThat(p.resolveCredentials()).isSameAs(first);
            awaitCalls(Operation.GET_ROLE_CREDENTIALS, 2);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (p.resolveCredentials().accessKeyId().equals(first.accessKeyId()) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            AwsSessionCredentials next = (AwsSessionCredentials) p.resolveCredentials();
            assertThat(next.accessKeyId()).isNotEqualTo(first.accessKeyId());
            assertThat(next.expirationTime().orElseThrow()).isAfter(first.expirationTime().orElseThrow());
            assertThat(emulator.count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(2);
        }
    }

    @Test
    void resolveCredentials_syncPastPrefetchTime_firstCallerFetchesOthersKeepCurrent() throws Exception {
        try (AwsSsoCredentialsProvider p = provider()) {
            AwsSessionCredentials first = (AwsSessionCredentials) p.resolveCredentials();
            emulator.latency(Operation.GET_ROLE_CREDENTIALS, Duration.ofSeconds(5));
            clock.set(first.expirationTime().orElseThrow().minus(Duration.ofMinutes(4)));
            java.util.concurrent.CompletableFuture<AwsCredentials> fetcher =
                    java.util.concurrent.CompletableFuture.supplyAsync(p::resolveCredentials);
            awaitPrefetchStarted(p);

            // while the first caller waits for the fetch, another gets the current credentials
            assertThat(p.resolveCredentials()).isSameAs(first);
            AwsCredentials fetched = fetcher.get();
            assertThat(fetched.accessKeyId()).isNotEqualTo(first.accessKeyId());
            assertThat(p.resolveCredentials()).isSameAs(fetched);
            assertThat(emulator.count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(2);
        }
    }

    /** Waits until the provider has started a prefetch (the emulator logs a call only once answered). */
    private static void awaitPrefetchStarted(AwsSsoCredentialsProvider p) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!p.prefetchInFlight() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(p.prefetchInFlight()).as("prefetch started").isTrue();
    }

    @Test
    void resolveCredentials_pastStaleTime_callerGetsNewCredentials() {
        try (AwsSsoCredentialsProvider p = provider()) {
            AwsSessionCredentials first = (AwsSessionCredentials) p.resolveCredentials();
            clock.set(first.expirationTime().orElseThrow().minusSeconds(30));
            p.tick();

            AwsSessionCredentials next = (AwsSessionCredentials) p.resolveCredentials();

            assertThat(next.accessKeyId()).isNotEqualTo(first.accessKeyId());
            assertThat(next.expirationTime().orElseThrow()).isAfter(clock.instant().plus(Duration.ofMinutes(50)));
        }
    }

    @Test
    void resolveCredentials_tokenExpired_renewedWithRefreshToken() {
        try (AwsSsoCredentialsProvider p = provider()) {
            p.resolveCredentials();
            clock.advance(Duration.ofHours(3));
            p.tick();

            AwsCredentials next = p.resolveCredentials();

            assertThat(emulator.calls(Operation.CREATE_TOKEN)).extracting(Call::grantType)
                    .containsExactly("refresh_token");
            assertThat(emulator.issuedSecrets()).contains(next.secretAccessKey());
        }
    }

    @Test
    void role_byProfile_lookedUpInTheCatalog() {
        try (AwsSsoCredentialsProvider p = AwsSsoCredentialsProvider.builder().awsSso(engine)
                .profile("prod-admin").build()) {
            assertThat(p.resolveCredentials().accessKeyId()).startsWith("ASIA");
            assertThat(p.role()).isEqualTo(ADMIN);
        }
    }

    @Test
    void close_thenResolve_refused() {
        AwsSsoCredentialsProvider p = provider();
        p.resolveCredentials();
        p.close();

        assertThatThrownBy(p::resolveCredentials).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        AwsSsoCredentialsProvider async = provider().toBuilder().asyncCredentialUpdateEnabled(true).build();
        async.resolveCredentials();
        async.close();
        assertThatThrownBy(async::resolveCredentials).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void close_backgroundFetchInFlight_returnsWithoutWaitingForIt() throws Exception {
        AwsSsoCredentialsProvider p = provider().toBuilder().asyncCredentialUpdateEnabled(true).build();
        AwsSessionCredentials first = (AwsSessionCredentials) p.resolveCredentials();
        emulator.latency(Operation.GET_ROLE_CREDENTIALS, Duration.ofSeconds(5));
        clock.set(first.expirationTime().orElseThrow().minus(Duration.ofMinutes(4)));
        p.tick();
        awaitPrefetchStarted(p);

        p.close();

        // close() came back while the fetch it did not wait for was still in flight: the store
        // still holds the first credentials, and gets the new ones when the fetch ends
        assertThat(store.read().credentials(ADMIN).orElseThrow().accessKeyId()).isEqualTo(first.accessKeyId());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (store.read().credentials(ADMIN).orElseThrow().accessKeyId().equals(first.accessKeyId())
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(store.read().credentials(ADMIN).orElseThrow().accessKeyId()).isNotEqualTo(first.accessKeyId());
        assertThatThrownBy(p::resolveCredentials).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void build_bothSelectors_laterWins() {
        try (AwsSsoCredentialsProvider p = AwsSsoCredentialsProvider.builder().awsSso(engine).profile("nope")
                .role(ADMIN).build()) {
            assertThat(p.role()).isEqualTo(ADMIN);
        }
    }

    @Test
    void build_badTimes_refused() {
        assertThatThrownBy(() -> AwsSsoCredentialsProvider.builder().awsSso(engine).role(ADMIN)
                .prefetchTime(Duration.ofSeconds(30)).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prefetch time");
        assertThatThrownBy(() -> AwsSsoCredentialsProvider.builder().awsSso(engine).role(ADMIN)
                .staleTime(Duration.ofSeconds(-1)).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toBuilder_keepsTheSettings() {
        try (AwsSsoCredentialsProvider p = AwsSsoCredentialsProvider.builder().awsSso(engine).profile("prod-admin")
                .asyncCredentialUpdateEnabled(true).build();
                AwsSsoCredentialsProvider copy = p.toBuilder().build();
                AwsSsoCredentialsProvider sync = p.toBuilder().asyncCredentialUpdateEnabled(false).build()) {
            assertThat(copy.asyncCredentialUpdateEnabled()).isTrue();
            assertThat(copy.role()).isEqualTo(ADMIN);
            assertThat(sync.asyncCredentialUpdateEnabled()).isFalse();
            assertThat(sync.resolveCredentials().accessKeyId()).isEqualTo(copy.resolveCredentials().accessKeyId());
        }
    }

    @Test
    void build_noSelector_roleFromAwsSsoRoleArn() {
        try (AwsSsoCredentialsProvider p = AwsSsoCredentialsProvider.builder()
                .awsSso(engineWith(Map.of("AWS_SSO_ROLE_ARN", ADMIN.toString(), "AWS_PROFILE", "other"))).build()) {
            assertThat(p.role()).isEqualTo(ADMIN);
            assertThat(p.resolveCredentials().accountId()).contains("012345678901");
        }
    }

    @Test
    void build_noSelector_roleFromAccountIdAndRoleName() {
        try (AwsSsoCredentialsProvider p = AwsSsoCredentialsProvider.builder().awsSso(engineWith(Map.of(
                "AWS_SSO_ACCOUNT_ID", "12345678901", "AWS_SSO_ROLE_NAME", "AdministratorAccess"))).build()) {
            // the account id is read in base 10 and padded: the leading zero comes back
            assertThat(p.role()).isEqualTo(ADMIN);
        }
    }

    @Test
    void build_noSelector_roleFromAwsProfile() {
        try (AwsSsoCredentialsProvider p = AwsSsoCredentialsProvider.builder()
                .awsSso(engineWith(Map.of("AWS_PROFILE", "prod-admin"))).build()) {
            assertThat(p.resolveCredentials().accessKeyId()).startsWith("ASIA");
            assertThat(p.role()).isEqualTo(ADMIN);
        }
    }

    @Test
    void build_noSelectorAndNoVariables_errorNamesTheVariables() {
        // credentials in the environment are no role for a provider: they would be handed back as they are
        AwsSso e = engineWith(Map.of("AWS_ACCESS_KEY_ID", "ASIAX", "AWS_SECRET_ACCESS_KEY", "s",
                "AWS_SESSION_TOKEN", "t", "AWS_SSO_ROLE_NAME", ""));
        assertThatThrownBy(() -> AwsSsoCredentialsProvider.builder().awsSso(e).build())
                .isInstanceOf(io.awssso.api.AwsSsoException.class)
                .hasMessageContaining("AWS_SSO_ROLE_ARN").hasMessageContaining("AWS_SSO_ACCOUNT_ID")
                .hasMessageContaining("AWS_SSO_ROLE_NAME").hasMessageContaining("AWS_PROFILE");
    }

    @Test
    void build_halfOfAccountAndRoleName_errorNamesTheMissingOne() {
        AwsSso e = engineWith(Map.of("AWS_SSO_ACCOUNT_ID", "012345678901", "AWS_PROFILE", "prod-admin"));
        assertThatThrownBy(() -> AwsSsoCredentialsProvider.builder().awsSso(e).build())
                .isInstanceOf(io.awssso.api.AwsSsoException.class)
                .hasMessageContaining("AWS_SSO_ACCOUNT_ID is set without AWS_SSO_ROLE_NAME");
    }

    @Test
    void build_syncProviders_startNoThread() {
        Set<String> before = refreshThreads();
        List<AwsSsoCredentialsProvider> providers = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            providers.add(provider());
        }
        providers.forEach(AwsSsoCredentialsProvider::resolveCredentials);

        assertThat(refreshThreads()).isEqualTo(before);
        assertThat(threadNames()).noneMatch(n -> n.startsWith("aws-sso-credentials"));
        providers.forEach(AwsSsoCredentialsProvider::close);
    }

    @Test
    void build_thousandProviders_threadCountStaysFlat() {
        // one of each kind first, so that the shared scheduler exists and the baseline includes it
        try (AwsSsoCredentialsProvider warm = provider().toBuilder().asyncCredentialUpdateEnabled(true).build()) {
            warm.resolveCredentials();
            int before = Thread.getAllStackTraces().size();
            List<AwsSsoCredentialsProvider> providers = new java.util.ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                providers.add(provider().toBuilder().asyncCredentialUpdateEnabled(i % 3 == 0).build());
            }
            providers.forEach(AwsSsoCredentialsProvider::resolveCredentials);
            int during = Thread.getAllStackTraces().size();
            Set<String> refresh = refreshThreads();
            providers.forEach(AwsSsoCredentialsProvider::close);

            // 1,000 providers (334 refreshed in the background) and one shared scheduler: the
            // difference is at most the scheduler's second thread, never one per provider
            assertThat(during - before).isLessThanOrEqualTo(RefreshScheduler.THREADS - 1);
            assertThat(refresh).hasSizeBetween(1, RefreshScheduler.THREADS);
            assertThat(emulator.count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(1);
        }
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .collect(java.util.stream.Collectors.toSet());
    }

    private static Set<String> refreshThreads() {
        return threadNames().stream().filter(n -> n.startsWith(RefreshScheduler.THREAD_NAME_PREFIX))
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void resolveCredentials_shortTokensAndCredentials_signsEveryStsCallAndRotatesOnce() throws Exception {
        // the scenario of issue 15: 60 s access tokens, 240 s role credentials, an STS call every
        // 3 s for 150 s (on the test's clock, which the emulator judges expiry by)
        engines.forEach(AwsSso::close);
        emulator.close();
        store = InMemorySecureStore.create();
        signedIn(IdentityCenterEmulator.builder().clock(clock).accessTokenLifetime(Duration.ofSeconds(60))
                .roleCredentialsLifetime(Duration.ofSeconds(240)));
        try (AwsSsoCredentialsProvider p = AwsSsoCredentialsProvider.builder().awsSso(engine).role(ADMIN).build();
                software.amazon.awssdk.services.sts.StsClient sts = software.amazon.awssdk.services.sts.StsClient
                        .builder().endpointOverride(emulator.endpoint())
                        .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                        .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                        .credentialsProvider(p).build()) {
            Set<String> keys = new java.util.LinkedHashSet<>();
            for (int i = 0; i < 50; i++) {
                assertThat(sts.getCallerIdentity().arn()).contains("AdministratorAccess");
                keys.add(p.resolveCredentials().accessKeyId());
                clock.advance(Duration.ofSeconds(3));
            }
            assertThat(emulator.count(Operation.GET_CALLER_IDENTITY)).isEqualTo(50);
            assertThat(keys).hasSize(2);
            assertThat(emulator.count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(2);
        }
    }

    @Test
    void toString_namesTheRoleWithoutSecrets() {
        try (AwsSsoCredentialsProvider p = provider()) {
            String secret = p.resolveCredentials().secretAccessKey();
            assertThat(p.toString()).contains(ADMIN.toString()).doesNotContain(secret);
        }
    }
}
