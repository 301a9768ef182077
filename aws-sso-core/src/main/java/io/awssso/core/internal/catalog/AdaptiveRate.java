package io.awssso.core.internal.catalog;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * A shared Resilience4j {@link RateLimiter} whose rate adapts to throttling (AIMD), so that a
 * large organisation is listed at close to the service's real limit without a storm of 429s.
 *
 * <ul>
 *   <li>It starts at {@code initialRate} (high: until the service objects, the worker pool is the
 *       only bound).</li>
 *   <li>On the first throttle it drops to the smaller of {@code 0.85 x rate} and
 *       {@code 0.85 x} the calls that succeeded in the last second (right after a burst, that is the
 *       best estimate of what the service sustains); later throttles cut by {@code 0.85}. A throttle
 *       also drains the current period's remaining permits, so the cut takes effect at once. Cuts
 *       are at most one per period: the 429s of one overload count once.</li>
 *   <li>Every period that passes without a throttle adds {@code 1} request per second
 *       (additive increase), up to the initial rate.</li>
 * </ul>
 *
 * <p>The limiter's period is one second, so the rate has a granularity of one request per second.
 */
final class AdaptiveRate {
    static final double DECREASE = 0.85;
    static final double GOODPUT_SHARE = 0.85;
    static final double INCREASE_PER_PERIOD = 0.5;
    private static final Duration PERIOD = Duration.ofSeconds(1);

    private final RateLimiter limiter;
    private final double maxRate;
    private final double minRate;
    private final LongSupplier nanos;
    private final ArrayDeque<Long> successes = new ArrayDeque<>();
    private double rate;
    private boolean throttledBefore;
    private long lastCut = Long.MIN_VALUE / 2;
    private long lastIncrease;
    private int throttles;

    AdaptiveRate(double initialRate, double minRate, LongSupplier nanos) {
        this.maxRate = initialRate;
        this.minRate = minRate;
        this.rate = initialRate;
        this.nanos = nanos;
        this.lastIncrease = nanos.getAsLong();
        this.limiter = RateLimiter.of("aws-sso-catalog", RateLimiterConfig.custom()
                .limitRefreshPeriod(PERIOD)
                .limitForPeriod(permits(initialRate))
                .timeoutDuration(Duration.ofMinutes(10))
                .build());
    }

    /** Blocks until the limiter gives a permit. */
    void acquire() {
        RateLimiter.waitForPermission(limiter);
    }

    /** A call succeeded. */
    synchronized void onSuccess() {
        long now = nanos.getAsLong();
        successes.addLast(now);
        trim(now);
        if (throttledBefore && rate < maxRate && now - lastIncrease >= PERIOD.toNanos()
                && now - lastCut >= PERIOD.toNanos()) {
            long periods = (now - lastIncrease) / PERIOD.toNanos();
            rate = Math.min(maxRate, rate + INCREASE_PER_PERIOD * periods);
            lastIncrease = now;
            limiter.changeLimitForPeriod(permits(rate));
        }
    }

    /** A call was throttled (HTTP 429). */
    synchronized void onThrottle() {
        throttles++;
        long now = nanos.getAsLong();
        if (now - lastCut < PERIOD.toNanos()) {
            return;
        }
        trim(now);
        double next = rate * DECREASE;
        if (!throttledBefore) {
            next = Math.min(next, successes.size() * GOODPUT_SHARE);
        }
        throttledBefore = true;
        rate = Math.max(minRate, next);
        lastCut = now;
        lastIncrease = now;
        limiter.changeLimitForPeriod(permits(rate));
        limiter.drainPermissions();
    }

    /** The current rate in requests per second. */
    synchronized double rate() {
        return rate;
    }

    /** How many throttled answers were seen. */
    synchronized int throttles() {
        return throttles;
    }

    private void trim(long now) {
        while (!successes.isEmpty() && now - successes.peekFirst() > PERIOD.toNanos()) {
            successes.removeFirst();
        }
    }

    private static int permits(double rate) {
        return Math.max(1, (int) Math.round(rate));
    }
}
