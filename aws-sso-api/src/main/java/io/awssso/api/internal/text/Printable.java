package io.awssso.api.internal.text;

/**
 * Makes text from AWS (account names, e-mails, role names, tags) safe to print as a line of a
 * table, a CSV row, a plain listing or a message (the CLI's output, the engine's messages): every character that a terminal would act on or that could
 * start a new line is replaced by a visible escape. An Identity Center administrator (or whoever
 * controls an account's name) chooses that text, so a raw {@code ESC ]0;...BEL} would retitle or
 * reprogram the user's terminal, and a raw line break would print a fake row.
 *
 * <p>Escaped: the C0 controls and DEL ({@code \n}, {@code \r}, {@code \t}, {@code \e}, else
 * {@code \xNN}), the C1 controls U+0080–U+009F (a terminal may read U+009B as CSI), the Unicode
 * line and paragraph separators and the bidirectional formatting characters (which reorder what
 * the screen shows), each as a backslash, {@code u} and the hex code point in braces (as Rust
 * writes it), and unpaired surrogates. Everything else,
 * including a backslash, is printed as it is: the escapes are for people, and JSON output is the
 * exact form for programs.
 */
public final class Printable {
    private Printable() {}

    /** {@code text} with every control character replaced by a visible escape. */
    public static String escape(String text) {
        if (text.codePoints().noneMatch(Printable::needsEscape)) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (!needsEscape(c)) {
                b.appendCodePoint(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == 0x1b) {
                b.append("\\e");
            } else if (c < 0x80) {
                b.append(String.format("\\x%02X", c));
            } else {
                b.append(String.format("\\u{%04X}", c));
            }
        });
        return b.toString();
    }

    /**
     * {@code text} with every control character but the line feed escaped: for messages of our
     * own that run over several lines and may quote AWS text (an error naming a role), so that
     * the lines stay lines and nothing reaches the terminal as a command.
     */
    public static String escapeKeepingLines(String text) {
        if (text.codePoints().noneMatch(Printable::needsEscape)) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < lines.length; i++) {
            b.append(i == 0 ? "" : "\n").append(escape(lines[i]));
        }
        return b.toString();
    }

    /** Whether {@code c} is a character {@link #escape} replaces. */
    public static boolean needsEscape(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || c == 0x061c // Arabic letter mark
                || c == 0x200e || c == 0x200f // left-to-right and right-to-left marks
                || (c >= 0x2028 && c <= 0x202e) // line/paragraph separators, embeddings and overrides
                || (c >= 0x2066 && c <= 0x2069) // isolates
                || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE); // only unpaired ones get here
    }
}
