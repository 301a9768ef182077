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
        emulator = IdentityCenterEmulator.builder().clock(clock).build().start();
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
        engine = AwsSso.builder().configFile(config.toString()).environment(Map.of(), home).clock(clock)
                .secureStore(store).identityCenterClientFactory(new SdkIdentityCenterClientFactory(
                        SdkClientOptions.defaults().withEndpoint(emulator.endpoint()).withRetries(1, null), clock))
                .build();
    }

    @AfterEach
    void stop() {
        engine.close();
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
    void resolveCredentials_pastPrefetchTime_currentReturnedAndNewFetchedInBackground() throws Exception {
        try (AwsSsoCredentialsProvider p = provider()) {
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
    void close_thenResolveAfterStale_refused() {
        AwsSsoCredentialsProvider p = provider();
        p.resolveCredentials();
        p.close();
        clock.advance(Duration.ofHours(2));
        p.tick();

        assertThatThrownBy(p::resolveCredentials).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void build_neitherOrBothSelectors_orBadTimes_refused() {
        assertThatThrownBy(() -> AwsSsoCredentialsProvider.builder().awsSso(engine).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AwsSsoCredentialsProvider.builder().awsSso(engine).profile("p").role(ADMIN).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AwsSsoCredentialsProvider.builder().awsSso(engine).role(ADMIN)
                .prefetchTime(Duration.ofSeconds(30)).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toString_namesTheRoleWithoutSecrets() {
        try (AwsSsoCredentialsProvider p = provider()) {
            String secret = p.resolveCredentials().secretAccessKey();
            assertThat(p.toString()).contains(ADMIN.toString()).doesNotContain(secret);
        }
    }
}
