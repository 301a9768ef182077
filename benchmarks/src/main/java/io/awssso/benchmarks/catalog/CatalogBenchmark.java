package io.awssso.benchmarks.catalog;

import static io.awssso.benchmarks.BenchmarkEnvironment.deleteTree;
import static io.awssso.benchmarks.BenchmarkEnvironment.machine;
import static io.awssso.benchmarks.BenchmarkEnvironment.printThrottles;
import static io.awssso.benchmarks.BenchmarkEnvironment.setting;

import io.awssso.testkit.Call;
import io.awssso.testkit.IdentityCenterEmulator;
import io.awssso.testkit.IssuedTokens;
import io.awssso.testkit.Operation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Refreshes the role catalog of a large organisation (default 400 accounts x 3 roles) against the
 * {@link IdentityCenterEmulator} over real HTTP, each refresh in a <b>fresh JVM</b>
 * ({@link CatalogRefreshRun}, as a user runs {@code aws-sso cache}: nothing warmed up, a new rate
 * limiter that knows nothing about the service), through the public facade and the real AWS SDK
 * clients. Scenarios, on the default {@code Threads: 5}:
 *
 * <ol>
 *   <li><b>throttling</b>, once per latency (default 2, 30 and 100 ms per call): a plain token
 *       bucket of 40 calls/s, burst 40, continuous refill, per list operation, decided when a
 *       call arrives (half-way through its latency); ideal wall time = calls / 40. Targets: ratio
 *       &lt;= 1.10, throttled &lt;= 2 % of calls, zero failures;</li>
 *   <li><b>latency</b>: 50 ms per call, no limit; ideal = calls x 0.05 / 5. Target: ratio &lt;= 1.15,
 *       zero failures.</li>
 * </ol>
 *
 * <p>Prints, per run: calls (successful list calls: the work to do), the refresh's wall time
 * (measured in the child, from building the engine to the refresh's end), the ideal, their ratio,
 * throttled answers (from the emulator's call log), failures, and the child's whole process time.
 * Exits 1 when a target is missed.
 *
 * <p>Environment: {@code CATALOG_BENCH_LATENCIES} (ms, comma-separated, default {@code 2,30,100}),
 * {@code CATALOG_BENCH_RUNS} (rounds over every scenario, default 1), {@code CATALOG_BENCH_JVM_OPTS}
 * (the child's JVM flags, default the {@code ./aws-sso} launcher's: C1 only, serial GC),
 * {@code CATALOG_BENCH_VERBOSE} (also print when each 429 came).
 */
public final class CatalogBenchmark {
    private static final List<Operation> LISTS = List.of(Operation.LIST_ACCOUNTS, Operation.LIST_ACCOUNT_ROLES);
    private static final int THREADS = 5;
    private static final double RATE = 40;
    private static final int BURST = 40;

    private CatalogBenchmark() {
    }

    /** {@code [accounts] [rolesPerAccount]}. */
    public static void main(String[] args) throws IOException, InterruptedException {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int roles = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int[] latencies = Arrays.stream(setting("CATALOG_BENCH_LATENCIES", "2,30,100").split(","))
                .map(String::strip).mapToInt(Integer::parseInt).toArray();
        int runs = Integer.parseInt(setting("CATALOG_BENCH_RUNS", "1"));
        PrintStream out = System.out;
        Path home = Files.createTempDirectory("catalog-bench");
        List<Result> results = new ArrayList<>();
        try (IdentityCenterEmulator emulator = IdentityCenterEmulator.builder()
                .generateAccounts(accounts, roles).threads(32).build().start()) {
            Child child = new Child(home, emulator);
            out.printf("catalog refresh benchmark: %d accounts x %d roles, Threads=%d, a fresh JVM per refresh,"
                    + " %s%n", accounts, roles, THREADS, machine());
            for (int run = 1; run <= runs; run++) {
                for (int ms : latencies) {
                    for (Operation op : LISTS) {
                        emulator.latency(op, Duration.ofMillis(ms));
                        emulator.rateLimit(op, RATE, BURST); // a new bucket, full
                    }
                    results.add(measure(String.format("40/s burst 40, %d ms per call", ms), emulator, child,
                            calls -> calls / RATE, 1.10, true));
                }
                for (Operation op : LISTS) {
                    emulator.clearRateLimit(op);
                    emulator.latency(op, Duration.ofMillis(50));
                }
                results.add(measure("no limit, 50 ms per call", emulator, child,
                        calls -> calls * 0.05 / THREADS, 1.15, false));
            }
        } finally {
            deleteTree(home);
        }
        out.println();
        out.println(Result.HEADER);
        results.forEach(r -> out.println(r.line()));
        boolean ok = results.stream().allMatch(Result::meets);
        out.println(ok ? "targets met (ratio <= 1.10 throttling / 1.15 latency, throttled <= 2%, zero failures)"
                : "TARGETS MISSED");
        System.exit(ok ? 0 : 1);
    }

    private record Result(String name, int calls, double wall, double ideal, long throttled, int failures,
            double process, double maxRatio, boolean throttleTarget) {
        static final String HEADER = String.format("%-32s %6s %8s %8s %7s %12s %8s %9s",
                "scenario", "calls", "wall s", "ideal s", "ratio", "throttled", "failures", "process s");

        double ratio() {
            return wall / ideal;
        }

        boolean meets() {
            return failures == 0 && ratio() <= maxRatio && (!throttleTarget || throttled <= calls * 0.02);
        }

        String line() {
            return String.format("%-32s %6d %8.2f %8.2f %7.3f %5d (%4.1f%%) %8d %9.2f%s", name, calls, wall, ideal,
                    ratio(), throttled, 100.0 * throttled / calls, failures, process, meets() ? "" : "  MISSED");
        }
    }

    private static Result measure(String name, IdentityCenterEmulator emulator, Child child,
            java.util.function.DoubleUnaryOperator ideal, double maxRatio, boolean throttleTarget)
            throws IOException, InterruptedException {
        emulator.clearCallLog();
        long start = System.nanoTime();
        String answer = child.refresh();
        double process = (System.nanoTime() - start) / 1e9;
        String[] f = answer.split(" ", 3);
        int failures = 0;
        double wall = process;
        if (f[0].equals("ok")) {
            wall = Long.parseLong(f[1]) / 1e9;
        } else {
            failures = 1;
            System.out.println(name + ": refresh FAILED: " + answer);
        }
        int calls = 0;
        long throttled = 0;
        for (Operation op : LISTS) {
            calls += emulator.calls(op, Call::succeeded).size();
            throttled += emulator.calls(op, Call::throttled).size();
        }
        if (System.getenv("CATALOG_BENCH_VERBOSE") != null) {
            printThrottles(emulator.callLog().stream().filter(c -> LISTS.contains(c.operation())).toList(),
                    System.out);
        }
        long errors = emulator.callLog().stream().filter(c -> LISTS.contains(c.operation()))
                .filter(c -> c.status() >= 500).count();
        Result r = new Result(name, calls, wall, ideal.applyAsDouble(calls), throttled, failures + (int) errors,
                process, maxRatio, throttleTarget);
        System.out.println(r.line());
        return r;
    }

    /** Starts {@link CatalogRefreshRun} in a new JVM on this JVM's class path. */
    private static final class Child {
        private final List<String> command = new ArrayList<>();

        Child(Path home, IdentityCenterEmulator emulator) throws IOException {
            Path dir = home.resolve(".config/aws-sso");
            Files.createDirectories(dir);
            Path config = dir.resolve("config.yaml");
            Files.writeString(config, "SSOConfig:\n  Default:\n    SSORegion: us-east-1\n    StartUrl: "
                    + emulator.startUrl() + "\nThreads: " + THREADS + "\n", StandardCharsets.UTF_8);
            Path session = home.resolve("session.properties");
            Files.createFile(session, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            IssuedTokens t = emulator.signIn();
            Files.writeString(session, "accessToken=" + t.accessToken() + "\nrefreshToken=" + t.refreshToken()
                    + "\nclientId=" + t.clientId() + "\nclientSecret=" + t.clientSecret()
                    + "\naccessTokenExpiresAt=" + t.accessTokenExpiresAt() + "\n", StandardCharsets.UTF_8);
            String endpoint = emulator.endpoint().toString();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            String opts = setting("CATALOG_BENCH_JVM_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData");
            Arrays.stream(opts.split("\\s+")).filter(s -> !s.isEmpty()).forEach(command::add);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-Daws.endpointUrlSso=" + endpoint, "-Daws.endpointUrlSsoOidc=" + endpoint,
                    "-Daws.endpointUrlSts=" + endpoint,
                    CatalogRefreshRun.class.getName(), home.toString(), config.toString(), session.toString(),
                    String.valueOf(THREADS)));
        }

        String refresh() throws IOException, InterruptedException {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String line;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                line = r.readLine();
                while (r.readLine() != null) {
                    // drain
                }
            }
            int code = p.waitFor();
            return line != null ? line : "failed exit code " + code + " without an answer";
        }
    }

}
