package io.awssso.cli.render;

import io.awssso.api.internal.text.Printable;

/**
 * Makes text from AWS (account names, e-mails, role names, tags) safe to print as a line of a
 * table, a CSV row or a plain listing: the rule is {@link Printable}'s, which the engine's
 * messages follow too.
 */
public final class Visible {
    private Visible() {}

    /** {@code text} with every control character replaced by a visible escape. */
    public static String escape(String text) {
        return Printable.escape(text);
    }

    /**
     * {@code text} with every control character but the line feed escaped: for messages of our
     * own that run over several lines and may quote AWS text.
     */
    public static String escapeKeepingLines(String text) {
        return Printable.escapeKeepingLines(text);
    }

    /** Whether {@code c} is a character {@link #escape} replaces. */
    public static boolean needsEscape(int c) {
        return Printable.needsEscape(c);
    }
}
