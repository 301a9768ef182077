package io.awssso.cli.render;

import java.time.Duration;
import java.time.Instant;

/**
 * The {@code Expires} cell of {@code list} exactly as aws-sso-cli prints it, so scripts and eyes
 * used to its table see the same text: right-aligned to 7 characters ({@code " 1h  5m"},
 * {@code "    42m"}, {@code "   < 1m"}), a single-digit minute after hours padded with a second
 * space, and {@code Expired} both for credentials that ran out and for a role with none (the
 * cache keeps 0 for both, after a {@code logout} too, so the two cannot be told apart).
 */
public final class ExpiresColumn {
    public static final String EXPIRED = "Expired";

    private ExpiresColumn() {
    }

    /** The cell for credentials expiring at {@code expires} ({@code null}: none stored). */
    public static String text(Instant expires, Instant now) {
        if (expires == null || expires.getEpochSecond() <= 0) {
            return EXPIRED;
        }
        Duration left = Duration.between(now, expires);
        if (left.isNegative() || left.isZero()) {
            return EXPIRED;
        }
        long minutes = left.toMinutes();
        String text;
        if (minutes < 1) {
            text = "< 1m";
        } else if (minutes < 60) {
            text = minutes + "m";
        } else {
            long m = minutes % 60;
            text = (minutes / 60) + "h " + (m < 10 ? " " : "") + m + "m";
        }
        return String.format("%7s", text);
    }
}
