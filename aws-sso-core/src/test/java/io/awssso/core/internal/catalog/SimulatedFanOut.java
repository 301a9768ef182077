package io.awssso.core.internal.catalog;

import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * A deterministic discrete-event simulation of a fan-out against a throttling service: {@code
 * workers} threads work through {@code calls} calls, each paced by one {@link AdaptiveRate} on the
 * simulated clock, against a token bucket ({@code ratePerSecond}, {@code burst}, continuous
 * refill, full at the start) that decides each call when it arrives, half-way through its latency,
 * as the testkit emulator does; the answer takes the other half back. A throttled call is tried
 * again after a backoff. The client's own time per call can vary (a loaded machine), drawn from
 * a seeded {@link java.util.Random}. No real time passes.
 *
 * <p>{@link #underStoreLock} models {@code aws-sso run}'s credential fetches: each call is made
 * under one exclusive lock (the secure store's), taken when the call's slot comes and held while
 * the store is read, the call is made and the store written; a call whose slot a cut voided while
 * it waited for the lock goes back for a new slot without being sent, as
 * {@link CallGovernor#confirmSlot()} has it. After each call the worker runs its task before it
 * takes the next.
 */
final class SimulatedFanOut {
    /** What the run did, in simulated time; {@code firstCut}: the rate the first throttle set. */
    record Outcome(int calls, long throttled, double seconds, double idealSeconds, AdaptiveRate rate,
            double firstCut) {
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
    private long loadNanos;
    private long saveNanos;
    private long taskNanos;
    private boolean locked;
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

    /**
     * Makes each call under one exclusive lock, as a credential fetch holds the store's.
     *
     * @param loadMillis lock held before the call goes out (reading the store), plus the client's
     *     jitter
     * @param saveMillis lock held after a successful answer (writing the store)
     * @param taskMillis the worker's own work after each call, outside the lock (the role's task)
     */
    SimulatedFanOut underStoreLock(double loadMillis, double saveMillis, double taskMillis) {
        this.locked = true;
        this.loadNanos = (long) (loadMillis * MS);
        this.saveNanos = (long) (saveMillis * MS);
        this.taskNanos = (long) (taskMillis * MS);
        return this;
    }

    private enum Kind { READY, SLOT, LOADED, ARRIVE, ANSWER_OK, ANSWER_THROTTLED, SAVED }

    private record Event(long time, long seq, int worker, Kind kind, long reservedAt, int cuts) {
    }

    private final PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.time != b.time
            ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
    private final ArrayDeque<Event> lockQueue = new ArrayDeque<>();
    private long seq;
    private boolean lockHeld;

    Outcome run(int calls, int workers, double initialRate) {
        now = 0;
        tokens = burst;
        refilledAt = 0;
        AdaptiveRate rate = new AdaptiveRate(initialRate, CallGovernor.MIN_RATE, () -> now);
        events.clear();
        seq = 0;
        lockQueue.clear();
        lockHeld = false;
        int[] attempts = new int[workers]; // attempts of the call in hand, 0: none in hand
        int started = 0;
        int done = 0;
        long throttled = 0;
        double firstCut = Double.NaN;
        for (int w = 0; w < workers; w++) {
            add(0, w, Kind.READY, 0, 0);
        }
        while (!events.isEmpty()) {
            Event e = events.poll();
            now = e.time;
            int w = e.worker;
            switch (e.kind) {
                case READY -> {
                    if (attempts[w] == 0) {
                        if (started == calls) {
                            continue; // nothing left for this worker
                        }
                        started++;
                    }
                    attempts[w]++;
                    reserve(rate, w);
                }
                case SLOT -> {
                    if (rate.cuts() != e.cuts) { // as CallGovernor does: reserve again at the new pace
                        reserve(rate, w);
                    } else if (!locked) {
                        send(e);
                    } else if (lockHeld) {
                        lockQueue.addLast(e);
                    } else {
                        lockHeld = true;
                        add(now + loadNanos + jitter(), w, Kind.LOADED, e.reservedAt, e.cuts);
                    }
                }
                case LOADED -> {
                    if (rate.cuts() != e.cuts) { // CallGovernor.confirmSlot: not sent, a new slot
                        release();
                        reserve(rate, w);
                    } else {
                        send(e);
                    }
                }
                case ARRIVE -> add(now + latencyNanos - latencyNanos / 2, w,
                        take() ? Kind.ANSWER_OK : Kind.ANSWER_THROTTLED, e.reservedAt, 0);
                case ANSWER_OK -> {
                    if (locked) {
                        add(now + saveNanos, w, Kind.SAVED, 0, 0);
                    } else {
                        rate.onSuccess();
                        done++;
                        attempts[w] = 0;
                        add(now, w, Kind.READY, 0, 0);
                    }
                }
                case SAVED -> {
                    release();
                    rate.onSuccess();
                    done++;
                    attempts[w] = 0;
                    add(now + taskNanos, w, Kind.READY, 0, 0);
                }
                case ANSWER_THROTTLED -> {
                    if (locked) {
                        release();
                    }
                    rate.onThrottle(e.reservedAt);
                    if (throttled++ == 0) {
                        firstCut = rate.rate();
                    }
                    long backoff = (long) (Math.min(5_000, 100 * Math.pow(2, attempts[w] - 1)) * 0.75 * MS);
                    add(now + backoff, w, Kind.READY, 0, 0);
                }
                default -> throw new AssertionError(e.kind);
            }
        }
        if (done != calls) {
            throw new AssertionError("only " + done + " of " + calls + " calls finished");
        }
        return new Outcome(calls, throttled, now / 1e9, calls / ratePerSecond, rate, firstCut);
    }

    private void add(long time, int worker, Kind kind, long reservedAt, int cuts) {
        events.add(new Event(time, seq++, worker, kind, reservedAt, cuts));
    }

    private void reserve(AdaptiveRate rate, int worker) {
        int cuts = rate.cuts();
        add(rate.reserve(), worker, Kind.SLOT, now, cuts);
    }

    /** The call goes out: the client's own time (outside the lock model, its jitter), half the latency. */
    private void send(Event e) {
        add(now + clientNanos + (locked ? 0 : jitter()) + latencyNanos / 2, e.worker, Kind.ARRIVE, e.reservedAt, 0);
    }

    private long jitter() {
        return jitterNanos == 0 ? 0 : (long) (random.nextDouble() * jitterNanos);
    }

    /** The next in the lock's queue takes it, in arrival order. */
    private void release() {
        Event next = lockQueue.pollFirst();
        if (next == null) {
            lockHeld = false;
        } else {
            add(now + loadNanos + jitter(), next.worker, Kind.LOADED, next.reservedAt, next.cuts);
        }
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
