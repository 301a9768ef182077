package io.awssso.core.internal.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration as Go's {@code time.ParseDuration} writes it ({@code 1h30m}, {@code 90s}), or plain seconds. */
final class GoDuration {
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,9}");
    private static final Pattern WHOLE = Pattern.compile("([0-9]+(\\.[0-9]+)?(h|ms|m|s))+");
    private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(h|ms|m|s)");

    private GoDuration() {
    }

    static Optional<Duration> parse(String text) {
        String t = text.strip();
        if (SECONDS.matcher(t).matches()) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(t)));
        }
        if (!WHOLE.matcher(t).matches()) {
            return Optional.empty();
        }
        BigDecimal millis = BigDecimal.ZERO;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            BigDecimal n = new BigDecimal(m.group(1));
            long unit = switch (m.group(2)) {
                case "h" -> 3_600_000L;
                case "m" -> 60_000L;
                case "s" -> 1_000L;
                default -> 1L;
            };
            millis = millis.add(n.multiply(BigDecimal.valueOf(unit)));
        }
        if (millis.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(millis.longValue()));
    }
}
