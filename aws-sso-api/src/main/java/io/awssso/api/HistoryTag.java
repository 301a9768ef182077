package io.awssso.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code History} tag that the catalog sets on recently used roles ({@link CatalogRole#tags()}),
 * in aws-sso-cli's format {@code <account alias>:<role name>,<unix seconds of the last use>}
 * (reference 10.3). Pickers show it as an age and sort by it, newest first.
 *
 * @param label what the tag names, {@code <account alias>:<role name>}
 * @param usedAt when the role was last used, to the second
 */
public record HistoryTag(String label, Instant usedAt) {
    /** The tag's key. */
    public static final String KEY = "History";

    /** Checks that both parts are present. */
    public HistoryTag {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(usedAt, "usedAt");
    }

    /**
     * Reads a tag value: the text after the last comma is the time of use in whole non-negative
     * seconds (blanks around it allowed).
     *
     * @return the tag, or empty when the value is not in this format
     */
    public static Optional<HistoryTag> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int comma = value.lastIndexOf(',');
        if (comma < 0) {
            return Optional.empty();
        }
        String seconds = value.substring(comma + 1).strip();
        if (seconds.isEmpty() || !seconds.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        try {
            return Optional.of(new HistoryTag(value.substring(0, comma), Instant.ofEpochSecond(Long.parseLong(seconds))));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty(); // more digits than any time holds
        }
    }

    /** The tag value, {@code <label>,<unix seconds>}. */
    public String value() {
        return label + "," + usedAt.getEpochSecond();
    }
}
