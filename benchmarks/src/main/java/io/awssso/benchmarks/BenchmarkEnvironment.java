package io.awssso.benchmarks;

import io.awssso.testkit.Call;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the whole-command benchmark drivers share: their settings from the environment, the
 * machine's load for their headers, their throwaway directories, and when each throttled answer
 * came.
 */
public final class BenchmarkEnvironment {
    private BenchmarkEnvironment() {
    }

    /** The environment variable {@code name}, or {@code fallback} when it is unset or blank. */
    public static String setting(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** The one-minute load average, or "unknown" where {@code /proc/loadavg} cannot be read. */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The machine, as every driver's header states it: JDK, CPUs, load average. */
    public static String machine() {
        return String.format("JDK %s, %d CPUs, load average %s", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), loadAverage());
    }

    /** Deletes {@code root} and everything under it. */
    public static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Prints when each throttled call of {@code log} came, in milliseconds since the log's first
     * call, with the calls that succeeded since the previous throttle: where a limiter probes.
     */
    public static void printThrottles(List<Call> log, PrintStream out) {
        Instant t0 = log.isEmpty() ? Instant.EPOCH : log.get(0).time();
        int succeeded = 0;
        for (Call c : log) {
            if (c.throttled()) {
                out.printf("  throttled at +%d ms (#%d, %d succeeded since the previous throttle)%n",
                        Duration.between(t0, c.time()).toMillis(), c.sequence(), succeeded);
                succeeded = 0;
            } else if (c.succeeded()) {
                succeeded++;
            }
        }
    }
}
