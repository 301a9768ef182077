package io.awssso.api;

/**
 * An AWS account id: exactly twelve decimal digits, leading zeros kept.
 *
 * <p>Account ids are text, not numbers: {@code 012345678901} is a different string from
 * {@code 12345678901} only in padding, and it must never be read as octal. {@link #parse} accepts
 * one to twelve decimal digits (as found in older caches, YAML keys and user input) and pads them.
 *
 * @param value the twelve-digit form
 */
public record AccountId(String value) implements Comparable<AccountId> {

    /** The largest valid account id, {@code 999999999999}. */
    public static final long MAX = 999_999_999_999L;

    /** Checks that {@code value} is exactly twelve ASCII digits. */
    public AccountId {
        if (value == null || value.length() != 12 || !allDigits(value)) {
            throw new IllegalArgumentException(
                    "account id must be 12 decimal digits, got '" + value + "'");
        }
    }

    /**
     * Parses one to twelve decimal digits (surrounding whitespace ignored), always in base 10.
     *
     * @throws IllegalArgumentException when the text is not a valid account id
     */
    public static AccountId parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("account id is missing");
        }
        String t = text.strip();
        if (t.isEmpty() || t.length() > 12 || !allDigits(t)) {
            throw new IllegalArgumentException(
                    "invalid account id '" + text + "': expected up to 12 decimal digits");
        }
        return new AccountId("0".repeat(12 - t.length()) + t);
    }

    /**
     * The account id for a number (as older aws-sso-cli caches store it).
     *
     * @throws IllegalArgumentException when the number is negative or longer than twelve digits
     */
    public static AccountId of(long number) {
        if (number < 0 || number > MAX) {
            throw new IllegalArgumentException("account id out of range: " + number);
        }
        // not String.format: its locale machinery costs the process fast path milliseconds
        String digits = Long.toString(number);
        return new AccountId("0".repeat(12 - digits.length()).concat(digits));
    }

    /** The account id as a number, for formats that store it that way. */
    public long asLong() {
        return Long.parseLong(value, 10);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(AccountId other) {
        return value.compareTo(other.value);
    }

    /** The twelve-digit form. */
    @Override
    public String toString() {
        return value;
    }
}
