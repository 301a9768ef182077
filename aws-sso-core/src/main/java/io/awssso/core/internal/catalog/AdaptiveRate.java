package io.awssso.core.internal.catalog;

import java.util.function.LongSupplier;

/**
 * How fast to call a service that throttles with a token bucket: calls are paced evenly (never in
 * bursts) at a rate that adapts to throttling, and the rate is set from what the service's bucket
 * is seen to refill, not from how many calls happened to succeed.
 *
 * <p>Why not simply "the calls that succeeded in the last second": while calls take
 * milliseconds, the bucket refills as its burst drains, so that count is burst + refill, well
 * above the sustained rate, and a limiter set from it keeps being throttled. What stays true at
 * any latency: a throttled answer means the bucket was empty when that call reached it, and
 * between two such moments every success used a token refilled in between. So the successes
 * between two throttles, divided by the time between them, are the refill rate (exact while calls
 * come faster than the refill, lower if the bucket ran over meanwhile); latency shifts both ends
 * alike and cancels.
 *
 * <ul>
 *   <li>It starts at {@code initialRate} (high: until the service objects, the callers' threads
 *       are the only bound).</li>
 *   <li>The first throttle marks the bucket empty and estimates its refill from what it gave since
 *       the first success: the bucket held its burst then and nothing now, so the successes are
 *       the burst plus the refill over that time. Taking the burst as {@link #BURST_SECONDS} of
 *       refill (a bucket as big as the service's rate per second, as AWS-style buckets and the
 *       testkit's are sized), the refill is successes / (burst seconds + seconds elapsed), and the
 *       rate drops to {@link #FIRST_SHARE} of that. Counting successes alone (say, of the last
 *       second) takes the burst for rate: with a burst of 20 and a refill of 20/s, a run that
 *       drains the burst in half a second counts 30, and 0.75 of that is still above what the
 *       service sustains, so it is throttled again some seconds later. Time before the first
 *       success (building the client) does not count. A bigger bucket makes the estimate high,
 *       which the next throttle measures away; a smaller one low, which the climb recovers
 *       from.</li>
 *   <li>A throttled call whose slot was reserved before the last cut (it was on its way, at the
 *       old pace) is the same overload and only counted; so is the first one reserved after the cut
 *       within {@link #MIN_GAP_NANOS} of it (it may have met the bucket the overload left empty),
 *       while a second one there cuts by {@link #DECREASE}. One after the gap means the pace is still
 *       too high: the refill since the bucket was first marked empty is measured (the window
 *       grows with each throttle, so the measure gets sharper; it restarts after
 *       {@link #MAX_WINDOW_NANOS}) and the rate drops to {@link #SHARE} of it, at least by
 *       {@link #DECREASE}.</li>
 *   <li>Every second without a throttle adds {@link #INCREASE_PER_SECOND} (or, below a measured
 *       refill, {@link #GAP_SHARE} of the distance to it, whichever is more), up to {@link #SHARE}
 *       of the measured refill; that ceiling rises by {@link #DRIFT_PER_SECOND} for each second
 *       since the last cut, so a service whose limit was raised is found again, slowly.</li>
 * </ul>
 *
 * <p>A cut also voids the slots reserved before it ({@link #cuts()}): they were spaced for the old
 * pace, and the bucket they would reach is empty.
 *
 * <p>Time comes from {@code nanos} and nothing here sleeps: {@link #reserve()} says when a call
 * may go, and the caller waits. That keeps this class deterministic under a simulated clock.
 */
final class AdaptiveRate {
    static final double FIRST_SHARE = 0.9;
    /** The burst a bucket is taken to hold, in seconds of its refill, for the first estimate. */
    static final double BURST_SECONDS = 1.0;
    static final double SHARE = 0.9;
    static final double DECREASE = 0.85;
    static final double INCREASE_PER_SECOND = 0.5;
    static final double DRIFT_PER_SECOND = 0.01;
    static final long WINDOW_NANOS = 1_000_000_000L;
    static final long MIN_GAP_NANOS = 500_000_000L;
    static final long MAX_WINDOW_NANOS = 30_000_000_000L;
    static final double GAP_SHARE = 0.25;

    private final double maxRate;
    private final double minRate;
    private final LongSupplier nanos;
    /** When the first call succeeded, and how many have since, until the first throttle. */
    private long firstSuccessAt;
    private int successesBeforeThrottle;
    private double rate;
    private long nextSlot;
    private boolean throttledBefore;
    private long emptyAt;
    private long lastCut;
    private int successesSinceEmpty;
    private double refill = Double.NaN;
    private long lastIncrease;
    private int throttles;
    private int cuts;
    private int throttlesSinceCut;

    /**
     * @param initialRate calls per second before the first throttle
     * @param minRate the rate is never cut below this
     * @param nanos a monotonic clock ({@link System#nanoTime()} outside tests)
     */
    AdaptiveRate(double initialRate, double minRate, LongSupplier nanos) {
        if (!(minRate > 0) || initialRate < minRate) {
            throw new IllegalArgumentException("rates must be positive with initial >= minimum, got "
                    + initialRate + " and " + minRate);
        }
        this.maxRate = initialRate;
        this.minRate = minRate;
        this.rate = initialRate;
        this.nanos = nanos;
        this.nextSlot = nanos.getAsLong();
    }

    /**
     * Reserves the next slot: the {@code nanos} time at which the caller may send its call (now,
     * or later when calls are being spaced). Slots are {@code 1 / rate} apart.
     */
    synchronized long reserve() {
        long now = nanos.getAsLong();
        long slot = Math.max(now, nextSlot);
        nextSlot = slot + interval();
        return slot;
    }

    /** A call succeeded. */
    synchronized void onSuccess() {
        long now = nanos.getAsLong();
        if (!throttledBefore) {
            if (successesBeforeThrottle++ == 0) {
                firstSuccessAt = now;
            }
            return;
        }
        successesSinceEmpty++;
        long quiet = now - lastIncrease;
        if (quiet >= WINDOW_NANOS) {
            long seconds = quiet / WINDOW_NANOS;
            lastIncrease += seconds * WINDOW_NANOS;
            double ceiling = ceiling(now);
            for (long i = 0; i < seconds && rate < ceiling; i++) {
                // far below a measured refill (after cuts for one overload), climb back faster
                double step = Double.isNaN(refill) ? INCREASE_PER_SECOND
                        : Math.max(INCREASE_PER_SECOND, GAP_SHARE * (ceiling - rate));
                rate = Math.min(ceiling, rate + step);
            }
        }
    }

    /**
     * A call was throttled: the service's bucket was empty when it arrived.
     *
     * @param reservedAt when the call's slot was reserved (the {@code nanos} time of its
     *     {@link #reserve()} call, not the slot)
     */
    synchronized void onThrottle(long reservedAt) {
        throttles++;
        long now = nanos.getAsLong();
        if (!throttledBefore) {
            throttledBefore = true;
            double seconds = successesBeforeThrottle == 0 ? 0 : (now - firstSuccessAt) / 1e9;
            cut(now, FIRST_SHARE * successesBeforeThrottle / (BURST_SECONDS + seconds));
            emptyAt = now;
            return;
        }
        if (reservedAt < lastCut) {
            return; // on its way at the old pace: the same overload
        }
        if (now - lastCut < MIN_GAP_NANOS) {
            // it may have met the bucket the overload left empty; a second one says the new pace is too high
            if (++throttlesSinceCut >= 2) {
                cut(now, rate);
            }
            return;
        }
        long window = now - emptyAt;
        double measured = successesSinceEmpty * 1e9 / window;
        // a lower bound of the refill (the bucket may have run over); an older, higher one fades
        refill = Double.isNaN(refill) ? measured : Math.max(measured, refill * DECREASE);
        cut(now, SHARE * measured);
        if (window > MAX_WINDOW_NANOS) {
            emptyAt = now; // measure the service as it is now, not as it was minutes ago
            successesSinceEmpty = 0;
        }
    }

    private void cut(long now, double target) {
        cuts++;
        throttlesSinceCut = 0;
        rate = Math.max(minRate, Math.min(rate * DECREASE, target));
        lastCut = now;
        lastIncrease = now;
        nextSlot = Math.max(nextSlot, now + interval()); // nothing more before the next slot
    }

    private double ceiling(long now) {
        if (Double.isNaN(refill)) {
            return maxRate;
        }
        double drift = DRIFT_PER_SECOND * (now - lastCut) / 1e9;
        return Math.max(minRate, Math.min(maxRate, refill * (SHARE + drift)));
    }

    private long interval() {
        return (long) (1e9 / rate);
    }

    /**
     * How many times the rate was cut. A caller that reserved a slot before a cut should reserve
     * again when its slot comes: the slot was spaced for the old pace, and the bucket is empty.
     */
    synchronized int cuts() {
        return cuts;
    }

    /** The current rate in calls per second. */
    synchronized double rate() {
        return rate;
    }

    /** The measured refill rate of the service's bucket, or NaN before it was measured. */
    synchronized double refill() {
        return refill;
    }

    /** How many throttled answers were seen. */
    synchronized int throttles() {
        return throttles;
    }
}
