package io.awssso.benchmarks.catalog;

import io.awssso.api.ClientRegistration;
import io.awssso.api.SsoToken;
import io.awssso.core.AwsSso;
import io.awssso.core.RefreshListener;
import io.awssso.core.RefreshResult;
import io.awssso.testkit.Call;
import io.awssso.testkit.IdentityCenterEmulator;
import io.awssso.testkit.InMemorySecureStore;
import io.awssso.testkit.IssuedTokens;
import io.awssso.testkit.Operation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Refreshes the role catalog of a large organisation (default 400 accounts x 3 roles) against the
 * {@link IdentityCenterEmulator} over real HTTP, through the public {@link AwsSso} facade and the
 * real AWS SDK clients, in two scenarios:
 *
 * <ol>
 *   <li><b>rate-limited</b>: the emulator allows 40 requests/s (burst 40) per portal list
 *       operation; ideal wall time = calls / 40;</li>
 *   <li><b>latency</b>: 50 ms per call, no limit, Threads=5; ideal = calls x 0.05 / 5.</li>
 * </ol>
 *
 * <p>Prints, per scenario: calls (successful list calls: the work to do), wall time, ideal,
 * ratio, throttled responses (from the emulator's call log) and failures. Exits 1 when a target
 * (ratio &lt;= 1.10 / 1.15, throttled &lt;= 2% of calls, zero failures) is missed.
 *
 * <p>The engine is pointed at the emulator only with the SDK's standard endpoint system
 * properties ({@code aws.endpointUrlSso}, {@code aws.endpointUrlSsoOidc}, {@code aws.endpointUrlSts}),
 * as a user would with {@code AWS_ENDPOINT_URL_*}. One warm-up refresh (not measured) loads the
 * JVM's classes first, so that the figures are the refresh, not JVM start-up.
 */
public final class CatalogBenchmark {
    private static final List<Operation> LISTS = List.of(Operation.LIST_ACCOUNTS, Operation.LIST_ACCOUNT_ROLES);

    private CatalogBenchmark() {
    }

    /** {@code [accounts] [rolesPerAccount]}. */
    public static void main(String[] args) throws IOException {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int roles = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        PrintStream out = System.out;
        Path home = Files.createTempDirectory("catalog-bench");
        boolean ok;
        try (IdentityCenterEmulator emulator = IdentityCenterEmulator.builder()
                .generateAccounts(accounts, roles).threads(32).build().start()) {
            String endpoint = emulator.endpoint().toString();
            System.setProperty("aws.endpointUrlSso", endpoint);
            System.setProperty("aws.endpointUrlSsoOidc", endpoint);
            System.setProperty("aws.endpointUrlSts", endpoint);
            InMemorySecureStore store = InMemorySecureStore.create();
            signIn(emulator, store);
            Path config = writeConfig(home, emulator);
            out.printf("catalog refresh benchmark: %d accounts x %d roles, emulator %s, JDK %s, %d CPUs%n",
                    accounts, roles, endpoint, Runtime.version(), Runtime.getRuntime().availableProcessors());

            run(emulator, store, config, home, 5); // warm-up, not measured

            for (Operation op : LISTS) {
                emulator.rateLimit(op, 40, 40);
            }
            Result limited = measure("rate-limited 40 rps, burst 40, Threads=5", emulator, store, config, home,
                    5, calls -> calls / 40.0);
            for (Operation op : LISTS) {
                emulator.clearRateLimit(op);
                emulator.latency(op, Duration.ofMillis(50));
            }
            Result slow = measure("50 ms latency, no limit, Threads=5", emulator, store, config, home,
                    5, calls -> calls * 0.05 / 5);
            out.println();
            out.println(Result.HEADER);
            out.println(limited.line());
            out.println(slow.line());
            ok = limited.meets(1.10) && slow.meets(1.15);
            out.println(ok ? "targets met (ratio <= 1.10 / 1.15, throttled <= 2%, zero failures)"
                    : "TARGETS MISSED");
        } finally {
            deleteTree(home);
        }
        System.exit(ok ? 0 : 1);
    }

    private record Result(String name, int calls, double wall, double ideal, long throttled, int failures) {
        static final String HEADER = String.format("%-42s %6s %9s %9s %7s %10s %9s",
                "scenario", "calls", "wall s", "ideal s", "ratio", "throttled", "failures");

        double ratio() {
            return wall / ideal;
        }

        boolean meets(double maxRatio) {
            return failures == 0 && ratio() <= maxRatio && throttled <= calls * 0.02;
        }

        String line() {
            return String.format("%-42s %6d %9.2f %9.2f %7.3f %6d (%.1f%%) %5d", name, calls, wall, ideal,
                    ratio(), throttled, 100.0 * throttled / calls, failures);
        }
    }

    private static Result measure(String name, IdentityCenterEmulator emulator, InMemorySecureStore store,
            Path config, Path home, int threads, java.util.function.DoubleUnaryOperator ideal) {
        emulator.clearCallLog();
        int failures = 0;
        long start = System.nanoTime();
        try {
            RefreshResult r = run(emulator, store, config, home, threads);
            System.out.printf("%s: %d accounts, %d roles, %d throttled answers retried%n", name, r.accounts(),
                    r.roles(), r.throttled());
        } catch (RuntimeException e) {
            failures = 1;
            System.out.println(name + ": refresh FAILED: " + e.getMessage());
        }
        double wall = (System.nanoTime() - start) / 1e9;
        int calls = 0;
        long throttled = 0;
        for (Operation op : LISTS) {
            calls += emulator.calls(op, Call::succeeded).size();
            throttled += emulator.calls(op, Call::throttled).size();
        }
        if (System.getenv("CATALOG_BENCH_VERBOSE") != null) {
            List<Call> log = emulator.callLog();
            java.time.Instant t0 = log.isEmpty() ? java.time.Instant.EPOCH : log.get(0).time();
            log.stream().filter(Call::throttled).forEach(c -> System.out.printf("  throttled at +%d ms (#%d)%n",
                    Duration.between(t0, c.time()).toMillis(), c.sequence()));
        }
        long errors = emulator.callLog().stream().filter(c -> LISTS.contains(c.operation()))
                .filter(c -> c.status() >= 500).count();
        return new Result(name, calls, wall, ideal.applyAsDouble(calls), throttled, failures + (int) errors);
    }

    private static RefreshResult run(IdentityCenterEmulator emulator, InMemorySecureStore store, Path config,
            Path home, int threads) {
        try (AwsSso sso = AwsSso.builder().configFile(config.toString()).environment(Map.of(), home)
                .secureStore(store).build()) {
            return sso.refreshCatalog(threads, RefreshListener.NONE);
        }
    }

    private static void signIn(IdentityCenterEmulator emulator, InMemorySecureStore store) {
        IssuedTokens t = emulator.signIn();
        Clock clock = Clock.systemUTC();
        ClientRegistration reg = new ClientRegistration(t.clientId(), t.clientSecret(), clock.instant(),
                clock.instant().plus(Duration.ofDays(90)), null, null,
                List.of(ClientRegistration.AUTHORIZATION_CODE, ClientRegistration.REFRESH_TOKEN));
        SsoToken token = new SsoToken(t.accessToken(), "Bearer",
                Duration.between(clock.instant(), t.accessTokenExpiresAt()), t.accessTokenExpiresAt(),
                t.refreshToken(), null);
        store.update(s -> s.withRegistration("Default", reg).withToken("Default", token));
    }

    private static Path writeConfig(Path home, IdentityCenterEmulator emulator) throws IOException {
        Path dir = home.resolve(".config/aws-sso");
        Files.createDirectories(dir);
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, "SSOConfig:\n  Default:\n    SSORegion: us-east-1\n    StartUrl: "
                + emulator.startUrl() + "\nThreads: 5\n", StandardCharsets.UTF_8);
        return config;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
