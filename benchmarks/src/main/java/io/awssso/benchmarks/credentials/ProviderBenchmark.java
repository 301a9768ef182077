package io.awssso.benchmarks.credentials;

import io.awssso.api.ClientRegistration;
import io.awssso.api.RoleArn;
import io.awssso.api.SsoToken;
import io.awssso.core.AwsSso;
import io.awssso.core.AwsSsoCredentialsProvider;
import io.awssso.testkit.IdentityCenterEmulator;
import io.awssso.testkit.InMemorySecureStore;
import io.awssso.testkit.IssuedTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.utils.cache.CachedSupplier;
import software.amazon.awssdk.utils.cache.RefreshResult;

/**
 * {@code resolveCredentials()} as an SDK client calls it before every request: our provider
 * holding fresh credentials (fetched once from the emulator at setup) against the SDK's
 * {@link StaticCredentialsProvider} holding the same credentials. Target: ours / static <= 3.
 *
 * <p>Ours is measured twice: as built by default (no threads: each call compares the system clock
 * with the prefetch time) and with {@code asyncCredentialUpdateEnabled(true)} (the shared
 * scheduler advances a coarse clock each second: each call is two volatile reads). For the
 * default mode the fair floor is the SDK's own {@link CachedSupplier} (what its SSO and STS
 * providers are built on), which also reads the clock on every call: measured too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ProviderBenchmark {
    private IdentityCenterEmulator emulator;
    private AwsSso engine;
    private AwsSsoCredentialsProvider ours;
    private AwsSsoCredentialsProvider oursAsync;
    private AwsCredentialsProvider staticProvider;
    private CachedSupplier<AwsCredentials> sdkCached;
    private Path home;

    /** Starts the emulator, signs in, and fetches the role's credentials once. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        emulator = IdentityCenterEmulator.builder().recordCalls(false).build().start();
        emulator.addAccount("012345678901", "prod", "prod@example.com", "AdministratorAccess");
        for (String p : List.of("aws.endpointUrlSso", "aws.endpointUrlSsoOidc", "aws.endpointUrlSts")) {
            System.setProperty(p, emulator.endpoint().toString());
        }
        home = Files.createTempDirectory("provider-benchmark");
        Path config = home.resolve("config.yaml");
        Files.writeString(config, "SSOConfig:\n  Default:\n    SSORegion: us-east-1\n    StartUrl: "
                + emulator.startUrl() + "\n");
        InMemorySecureStore store = InMemorySecureStore.create();
        IssuedTokens t = emulator.signIn();
        Instant now = Instant.now();
        store.update(s -> s.withRegistration("Default", new ClientRegistration(t.clientId(), t.clientSecret(), now,
                        now.plus(Duration.ofDays(90)), null, null,
                        List.of(ClientRegistration.AUTHORIZATION_CODE, ClientRegistration.REFRESH_TOKEN)))
                .withToken("Default", new SsoToken(t.accessToken(), "Bearer",
                        Duration.between(now, t.accessTokenExpiresAt()), t.accessTokenExpiresAt(),
                        t.refreshToken(), null)));
        engine = AwsSso.builder().configFile(config.toString()).environment(Map.of(), home).secureStore(store)
                .build();
        ours = AwsSsoCredentialsProvider.builder().awsSso(engine)
                .role(RoleArn.parse("arn:aws:iam::012345678901:role/AdministratorAccess")).build();
        oursAsync = ours.toBuilder().asyncCredentialUpdateEnabled(true).build();
        oursAsync.resolveCredentials();
        AwsSessionCredentials c = (AwsSessionCredentials) ours.resolveCredentials();
        staticProvider = StaticCredentialsProvider.create(c);
        sdkCached = CachedSupplier.builder(() -> RefreshResult.builder((AwsCredentials) c)
                        .staleTime(c.expirationTime().orElseThrow().minus(Duration.ofMinutes(1)))
                        .prefetchTime(c.expirationTime().orElseThrow().minus(Duration.ofMinutes(5))).build())
                .cachedValueName("ProviderBenchmark").build();
        sdkCached.get();
    }

    /** Stops what setup started. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        ours.close();
        oursAsync.close();
        sdkCached.close();
        engine.close();
        emulator.close();
        try (var paths = Files.walk(home)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Our provider's hot path, as built by default (no background thread). */
    @Benchmark
    public AwsCredentials awsSsoProvider() {
        return ours.resolveCredentials();
    }

    /** Our provider's hot path with background updates (the shared scheduler's coarse clock). */
    @Benchmark
    public AwsCredentials awsSsoProviderAsync() {
        return oursAsync.resolveCredentials();
    }

    /** The SDK's cached supplier (the core of its SSO and STS providers), no background thread. */
    @Benchmark
    public AwsCredentials sdkCachedSupplier() {
        return sdkCached.get();
    }

    /** The SDK's static provider, the floor. */
    @Benchmark
    public AwsCredentials staticProvider() {
        return staticProvider.resolveCredentials();
    }
}
