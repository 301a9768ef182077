package io.awssso.benchmarks.run;

import static io.awssso.benchmarks.BenchmarkEnvironment.deleteTree;
import static io.awssso.benchmarks.BenchmarkEnvironment.machine;
import static io.awssso.benchmarks.BenchmarkEnvironment.printThrottles;
import static io.awssso.benchmarks.BenchmarkEnvironment.setting;

import io.awssso.testkit.Call;
import io.awssso.testkit.IdentityCenterEmulator;
import io.awssso.testkit.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code aws-sso run --role ReadOnly -- sh -c 'echo $AWS_SSO_ACCOUNT_ID'} across 200 accounts
 * (default) whose GetRoleCredentials the {@link IdentityCenterEmulator} limits to 20 calls/s (a
 * token bucket of 20, continuous refill), through the packaged {@code ./aws-sso} as a user runs it,
 * each run with a fresh HOME (login and role cache prepared first, not timed), so that every role's
 * credentials are fetched.
 *
 * <p>Per run it prints: the wall time of the {@code run} process (JVM start included), the ideal
 * ({@code roles / rate}), their ratio, throttled GetRoleCredentials answers (from the emulator's call
 * log) and their share of the successful calls, and whether every account printed exactly its own
 * id. Targets: ratio &lt;= 1.15, throttled &lt;= 2 %, 200 correct lines, exit 0. Once, afterwards:
 * the same command failing for one account must exit non-zero naming that role. Exits 1 when a
 * target is missed.
 *
 * <p>Arguments: {@code <repository root> [accounts] [rate]}. Environment: {@code RUN_BENCH_RUNS}
 * (default 3), {@code RUN_BENCH_STORE} ({@code SecureStore}, default {@code file}),
 * {@code RUN_BENCH_PARALLEL} ({@code --parallel}, default the command's), {@code RUN_BENCH_VERBOSE}
 * (also print when each 429 came).
 */
public final class RunManyBenchmark {
    private static final Pattern LINE = Pattern.compile("\\[(\\d{12}):ReadOnly\\] (.*)");

    private RunManyBenchmark() {
    }

    /** Runs the benchmark. */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        double rate = args.length > 2 ? Double.parseDouble(args[2]) : 20;
        int runs = Integer.parseInt(setting("RUN_BENCH_RUNS", "3"));
        String store = setting("RUN_BENCH_STORE", "file");
        String parallel = setting("RUN_BENCH_PARALLEL", "");
        IdentityCenterEmulator.Builder b = IdentityCenterEmulator.builder().threads(32);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < accounts; i++) {
            String id = String.format("%012d", 10_000 + i);
            ids.add(id);
            b.addAccount(id, "acct-" + i, "acct-" + i + "@example.com", "ReadOnly", "Admin");
        }
        System.out.printf("aws-sso run benchmark: %d accounts, GetRoleCredentials limited to %.0f/s (burst %d),"
                + " SecureStore %s, --parallel %s, %s%n", accounts, rate, (int) Math.ceil(rate), store,
                parallel.isEmpty() ? "default" : parallel, machine());
        boolean ok = true;
        List<String> lines = new ArrayList<>();
        try (IdentityCenterEmulator emulator = b.build().start()) {
            for (int run = 1; run <= runs; run++) {
                try (Home home = new Home(root, emulator, store)) {
                    home.prepare();
                    emulator.rateLimit(Operation.GET_ROLE_CREDENTIALS, rate, (int) Math.ceil(rate)); // full bucket
                    emulator.clearCallLog();
                    List<String> cmd = new ArrayList<>(List.of("run", "--role", "ReadOnly"));
                    if (!parallel.isEmpty()) {
                        cmd.addAll(List.of("--parallel", parallel));
                    }
                    cmd.addAll(List.of("--", "sh", "-c", "echo $AWS_SSO_ACCOUNT_ID"));
                    long start = System.nanoTime();
                    Home.Result r = home.aws(cmd);
                    double wall = (System.nanoTime() - start) / 1e9;
                    double ideal = accounts / rate;
                    int calls = emulator.calls(Operation.GET_ROLE_CREDENTIALS, Call::succeeded).size();
                    int throttled = emulator.calls(Operation.GET_ROLE_CREDENTIALS, Call::throttled).size();
                    boolean correct = correct(r.out(), ids);
                    double share = 100.0 * throttled / Math.max(1, calls);
                    boolean met = r.code() == 0 && correct && wall / ideal <= 1.15 && share <= 2.0;
                    ok &= met;
                    String line = String.format("run %d: wall %6.2f s, ideal %6.2f s, ratio %.3f, throttled %d of %d"
                            + " calls (%.1f%%), lines %s, exit %d%s", run, wall, ideal, wall / ideal, throttled, calls,
                            share, correct ? "all correct" : "WRONG", r.code(), met ? "" : "  MISSED");
                    System.out.println(line);
                    lines.add(line);
                    if (System.getenv("RUN_BENCH_VERBOSE") != null) {
                        printThrottles(emulator.calls(Operation.GET_ROLE_CREDENTIALS, c -> true), System.out);
                    }
                    if (!correct || r.code() != 0) {
                        System.out.println(r.err());
                    }
                    if (run == runs) {
                        ok &= failingRole(home, ids);
                    }
                }
            }
        }
        System.out.println(ok ? "targets met (ratio <= 1.15, throttled <= 2%, every line correct, one failing role"
                + " named with a non-zero exit)" : "TARGETS MISSED");
        System.exit(ok ? 0 : 1);
    }

    private static boolean failingRole(Home home, Set<String> ids) throws Exception {
        String failing = ids.stream().sorted().skip(ids.size() / 2).findFirst().orElseThrow();
        Home.Result r = home.aws(List.of("run", "--role", "ReadOnly", "--", "sh", "-c",
                "echo $AWS_SSO_ACCOUNT_ID; [ $AWS_SSO_ACCOUNT_ID != " + failing + " ] || exit 3"));
        boolean named = r.err().contains("runs failed: " + failing + ":ReadOnly");
        boolean met = r.code() != 0 && named && correct(r.out(), ids);
        System.out.printf("one failing role (%s): exit %d, %s%s%n", failing, r.code(),
                named ? "named on stderr" : "NOT NAMED", met ? "" : "  MISSED");
        return met;
    }

    /** Whether every account printed exactly one line, its own id. */
    private static boolean correct(String out, Set<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String l : out.lines().toList()) {
            Matcher m = LINE.matcher(l);
            if (!m.matches() || !m.group(1).equals(m.group(2)) || !seen.add(m.group(1))) {
                return false;
            }
        }
        return seen.equals(ids);
    }

    /** A throwaway HOME with a config at the emulator, logged in, the role cache built. */
    private static final class Home implements AutoCloseable {
        record Result(int code, String out, String err) {
        }

        private final Path root;
        private final IdentityCenterEmulator emulator;
        private final Path dir;

        Home(Path root, IdentityCenterEmulator emulator, String store) throws IOException {
            this.root = root;
            this.emulator = emulator;
            this.dir = Files.createTempDirectory("run-bench");
            Path config = dir.resolve(".config/aws-sso/config.yaml");
            Files.createDirectories(config.getParent());
            Files.writeString(config, "SSOConfig:\n  Default:\n    SSORegion: us-east-1\n    StartUrl: "
                    + emulator.startUrl() + "\nSecureStore: " + store + "\nAuthWorkflow: pkce\nUrlAction: exec\n"
                    + "UrlExecCommand: [curl, -fsSL, -o, /dev/null, \"%s\"]\n"
                    + "ProfileFormat: '{{ .AccountIdPad }}:{{ .RoleName }}'\n", StandardCharsets.UTF_8);
        }

        void prepare() throws Exception {
            emulator.clearRateLimit(Operation.GET_ROLE_CREDENTIALS);
            for (List<String> c : List.of(List.of("login"), List.of("cache"))) {
                Result r = aws(c);
                if (r.code() != 0) {
                    throw new IllegalStateException("aws-sso " + c + " failed: " + r.err());
                }
            }
        }

        Result aws(List<String> args) throws Exception {
            List<String> command = new ArrayList<>();
            command.add(root.resolve("aws-sso").toString());
            command.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("AWS_"));
            String endpoint = emulator.endpoint().toString();
            env.putAll(Map.of("HOME", dir.toString(), "XDG_CONFIG_HOME", dir.resolve(".config").toString(),
                    "AWS_ENDPOINT_URL_SSO", endpoint, "AWS_ENDPOINT_URL_SSO_OIDC", endpoint,
                    "AWS_ENDPOINT_URL_STS", endpoint, "AWS_SSO_FILE_PASSWORD", "benchmark-password",
                    "AWS_SSO_NO_BUILD", "1", "AWS_CONFIG_FILE", dir.resolve(".aws/config").toString()));
            Path out = dir.resolve("out.txt");
            Path err = dir.resolve("err.txt");
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            int code = p.waitFor();
            return new Result(code, Files.readString(out), Files.readString(err));
        }

        @Override
        public void close() throws IOException {
            deleteTree(dir);
        }
    }

}
