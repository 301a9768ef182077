package io.awssso.api.internal.text;

/**
 * JSON string literals, written by hand where loading a JSON library would cost more than the
 * document (the {@code process} fast path, the ECS server's answers, {@code --output json}, the
 * templates' {@code toJson}). One rule for every writer: {@code "} and {@code \} escaped,
 * {@code \n}, {@code \r} and {@code \t} by their short forms, every other C0 control and the line
 * and paragraph separators U+2028/U+2029 (which JavaScript readers take for line ends) as
 * {@code \}{@code u} and four lower-case hex digits, as Go's {@code encoding/json} writes them.
 */
public final class JsonStrings {
    private JsonStrings() {
    }

    /** {@code s} as a JSON string literal, quotes included. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2);
        append(b, s, false, false);
        return b.toString();
    }

    /**
     * Appends {@code s} as a JSON string literal, quotes included.
     *
     * @param escapeHtml also {@code <}, {@code >} and {@code &} (Go's {@code json.Marshal} does)
     * @param escapeTerminalControls also everything {@link Printable#needsEscape} names (DEL, the
     *     C1 controls, bidirectional marks, unpaired surrogates), so that JSON printed on a
     *     terminal is inert; a surrogate pair is one character and stays as it is
     */
    public static void append(StringBuilder b, String s, boolean escapeHtml, boolean escapeTerminalControls) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (escapeTerminalControls && Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || c == '\u2028' || c == '\u2029'
                            || escapeHtml && (c == '<' || c == '>' || c == '&')
                            || escapeTerminalControls && Printable.needsEscape(c)) {
                        b.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                                .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    // no String.format: the process fast path writes through here and must not load Formatter
    private static final char[] HEX = "0123456789abcdef".toCharArray();
}
