package io.awssso.core.internal.catalog;

import java.util.PriorityQueue;

/**
 * A deterministic discrete-event simulation of a fan-out against a throttling service: {@code
 * workers} threads work through {@code calls} calls, each paced by one {@link AdaptiveRate} on the
 * simulated clock, against a token bucket ({@code ratePerSecond}, {@code burst}, continuous
 * refill, full at the start) that decides each call when it arrives, half-way through its latency,
 * as the testkit emulator does; the answer takes the other half back. A throttled call is tried
 * again after a backoff. The client's own time per call can vary (a loaded machine), drawn from
 * a seeded {@link java.util.Random}. No real time passes.
 */
final class SimulatedFanOut {
    /** What the run did, in simulated time. */
    record Outcome(int calls, long throttled, double seconds, double idealSeconds, AdaptiveRate rate) {
        double ratio() {
            return seconds / idealSeconds;
        }

        double throttledShare() {
            return (double) throttled / calls;
        }
    }

    private static final long MS = 1_000_000L;

    private final double ratePerSecond;
    private final int burst;
    private final long latencyNanos;
    private final long clientNanos;
    private final long jitterNanos;
    private final java.util.Random random;
    private long now;
    private double tokens;
    private long refilledAt;

    /**
     * @param latencyMillis time from sending a call to its answer; the bucket decides half-way
     * @param clientMillis the client's own time per call before it goes out
     */
    SimulatedFanOut(double ratePerSecond, int burst, double latencyMillis, double clientMillis) {
        this(ratePerSecond, burst, latencyMillis, clientMillis, 0, 0);
    }

    /**
     * @param clientJitterMillis up to this much more client time per call, uniformly drawn
     * @param seed the draw's seed
     */
    SimulatedFanOut(double ratePerSecond, int burst, double latencyMillis, double clientMillis,
            double clientJitterMillis, long seed) {
        this.jitterNanos = (long) (clientJitterMillis * MS);
        this.random = new java.util.Random(seed);
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.latencyNanos = (long) (latencyMillis * MS);
        this.clientNanos = (long) (clientMillis * MS);
    }

    private enum Kind { READY, SEND, ARRIVE, ANSWER_OK, ANSWER_THROTTLED }

    private record Event(long time, long seq, int worker, Kind kind, long reservedAt, int cuts) {
    }

    Outcome run(int calls, int workers, double initialRate) {
        now = 0;
        tokens = burst;
        refilledAt = 0;
        AdaptiveRate rate = new AdaptiveRate(initialRate, CallGovernor.MIN_RATE, () -> now);
        PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.time != b.time
                ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
        long seq = 0;
        int[] attempts = new int[workers]; // attempts of the call in hand, 0: none in hand
        int started = 0;
        int done = 0;
        long throttled = 0;
        for (int w = 0; w < workers; w++) {
            events.add(new Event(0, seq++, w, Kind.READY, 0, 0));
        }
        while (!events.isEmpty()) {
            Event e = events.poll();
            now = e.time;
            int w = e.worker;
            if (e.kind == Kind.ARRIVE) {
                events.add(new Event(now + latencyNanos - latencyNanos / 2, seq++, w,
                        take() ? Kind.ANSWER_OK : Kind.ANSWER_THROTTLED, e.reservedAt, 0));
            } else if (e.kind == Kind.SEND) {
                if (rate.cuts() != e.cuts) { // as CallGovernor does: reserve again at the new pace
                    events.add(new Event(rate.reserve(), seq++, w, Kind.SEND, now, rate.cuts()));
                } else {
                    events.add(new Event(now + clientNanos + (jitterNanos == 0 ? 0
                            : (long) (random.nextDouble() * jitterNanos)) + latencyNanos / 2, seq++, w,
                            Kind.ARRIVE, e.reservedAt, 0));
                }
            } else if (e.kind == Kind.READY) {
                if (attempts[w] == 0) {
                    if (started == calls) {
                        continue; // nothing left for this worker
                    }
                    started++;
                }
                attempts[w]++;
                int cuts = rate.cuts();
                events.add(new Event(rate.reserve(), seq++, w, Kind.SEND, now, cuts));
            } else if (e.kind == Kind.ANSWER_OK) {
                rate.onSuccess();
                done++;
                attempts[w] = 0;
                events.add(new Event(now, seq++, w, Kind.READY, 0, 0));
            } else {
                rate.onThrottle(e.reservedAt);
                throttled++;
                long backoff = (long) (Math.min(5_000, 100 * Math.pow(2, attempts[w] - 1)) * 0.75 * MS);
                events.add(new Event(now + backoff, seq++, w, Kind.READY, 0, 0));
            }
        }
        if (done != calls) {
            throw new AssertionError("only " + done + " of " + calls + " calls finished");
        }
        return new Outcome(calls, throttled, now / 1e9, calls / ratePerSecond, rate);
    }

    private boolean take() {
        tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * ratePerSecond);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
