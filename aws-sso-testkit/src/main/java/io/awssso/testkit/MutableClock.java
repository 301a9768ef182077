package io.awssso.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A {@link Clock} that tests move by hand, so that expiry can be tested without sleeping.
 * Thread-safe.
 */
public final class MutableClock extends Clock {
    private volatile Instant now;
    private final ZoneId zone;

    private MutableClock(Instant now, ZoneId zone) {
        this.now = Objects.requireNonNull(now, "now");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A clock standing at {@code start}, in UTC. */
    public static MutableClock startingAt(Instant start) {
        return new MutableClock(start, ZoneOffset.UTC);
    }

    /** A clock standing at the system's current time, in UTC. */
    public static MutableClock startingNow() {
        return startingAt(Instant.now());
    }

    /** Moves the clock forward (or back, for a negative amount). */
    public synchronized void advance(Duration amount) {
        now = now.plus(amount);
    }

    /** Sets the clock to {@code instant}. */
    public void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new SharedView(this, newZone);
    }

    /** A zone view that follows the original clock's instant. */
    private static final class SharedView extends Clock {
        private final MutableClock source;
        private final ZoneId zone;

        SharedView(MutableClock source, ZoneId zone) {
            this.source = source;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return source.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return new SharedView(source, newZone);
        }
    }
}
