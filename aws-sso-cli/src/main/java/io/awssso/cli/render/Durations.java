package io.awssso.cli.render;

import java.time.Duration;

/** Time spans as people read them in a terminal. */
public final class Durations {
    private Durations() {}

    /** {@code 7h 59m}, {@code 45m}, {@code < 1m}, or {@code Expired} for zero and negative spans. */
    public static String timeLeft(Duration left) {
        if (left.isNegative() || left.isZero()) {
            return "Expired";
        }
        long minutes = left.toMinutes();
        if (minutes < 1) {
            return "< 1m";
        }
        long hours = minutes / 60;
        return hours > 0 ? hours + "h " + (minutes % 60) + "m" : minutes + "m";
    }
}
