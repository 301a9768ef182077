package io.awssso.testkit.internal.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket refilled by the emulator's clock, so a frozen {@code MutableClock} makes throttling
 * fully deterministic: {@code burst} calls pass, the next ones are throttled until the clock moves.
 */
final class TokenBucket {
    private final double ratePerSecond;
    private final int burst;
    private double tokens;
    private Instant last;

    TokenBucket(double ratePerSecond, int burst, Instant now) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, got " + ratePerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, got " + burst);
        }
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.tokens = burst;
        this.last = now;
    }

    synchronized boolean tryAcquire(Clock clock) {
        Instant now = clock.instant();
        if (now.isAfter(last)) {
            double seconds = Duration.between(last, now).toNanos() / 1e9;
            tokens = Math.min(burst, tokens + seconds * ratePerSecond);
            last = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
