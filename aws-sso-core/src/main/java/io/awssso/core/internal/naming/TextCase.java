package io.awssso.core.internal.naming;

import java.util.ArrayList;
import java.util.List;

/**
 * The case conversions of sprig ({@code kebabcase}, {@code snakecase}, {@code camelcase},
 * {@code nospace}, {@code title}, {@code swapcase}), written from the documented behaviour of the
 * Go libraries sprig uses (huandu/xstrings, Go's {@code strings.Title}).
 *
 * <p>{@link #kebab}/{@link #snake} split the text into words and join them lower-cased with
 * {@code -}/{@code _}:
 * <ul>
 *   <li>whitespace, {@code _} and {@code -} separate words (a run of them counts once, and leading or
 *       trailing ones are dropped);</li>
 *   <li>a lower-case letter followed by an upper-case one ends a word ({@code FirstName});</li>
 *   <li>in a run of upper-case letters, the last one starts a new word when a lower-case letter
 *       follows ({@code HTTPServer} gives {@code http_server});</li>
 *   <li>digits followed by a lower-case letter start a new word that continues over letters and
 *       digits ({@code http2xx} gives {@code http_2xx}, {@code Duration2m3s} gives
 *       {@code duration_2m3s}); otherwise digits stay with the word before them ({@code Bld4Floor}
 *       gives {@code bld4_floor});</li>
 *   <li>any other character (punctuation such as {@code .} or {@code :}) is kept as it is, with no
 *       separator around it.</li>
 * </ul>
 */
final class TextCase {
    private TextCase() {
    }

    /** {@code AStringLikeThis} to {@code a-string-like-this}. */
    static String kebab(String s) {
        return join(s, '-');
    }

    /** {@code AStringLikeThis} to {@code a_string_like_this}. */
    static String snake(String s) {
        return join(s, '_');
    }

    /**
     * xstrings' {@code ToCamelCase}: {@code _}, {@code -} and whitespace separate words; each word
     * gets an upper-case first letter and lower-case rest ({@code GOLANG_IS_GREAT} gives
     * {@code GolangIsGreat}). Characters other than letters and digits are kept.
     */
    static String camel(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_' || c == '-' || Character.isWhitespace(c)) {
                start = true;
                continue;
            }
            if (start) {
                b.append(Character.toUpperCase(c));
                start = false;
            } else {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    /** Removes every whitespace character (sprig {@code nospace}). */
    static String nospace(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Go's {@code strings.Title}: the first letter of each word upper-cased, the rest unchanged. A
     * word starts after any character that is not a letter, digit or {@code _}.
     */
    static String title(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean prevSeparator = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(prevSeparator ? Character.toTitleCase(c) : c);
            prevSeparator = !(Character.isLetterOrDigit(c) || c == '_');
        }
        return b.toString();
    }

    /** Go's deprecated {@code untitle}: the first letter of each word lower-cased. */
    static String untitle(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean prevSeparator = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(prevSeparator ? Character.toLowerCase(c) : c);
            prevSeparator = !(Character.isLetterOrDigit(c) || c == '_');
        }
        return b.toString();
    }

    /** Swaps upper and lower case. */
    static String swap(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return b.toString();
    }

    /** The first letter of each whitespace-separated word (sprig {@code initials}). */
    static String initials(String s) {
        StringBuilder b = new StringBuilder();
        for (String w : s.trim().split("\\s+")) {
            if (!w.isEmpty()) {
                b.append(w.charAt(0));
            }
        }
        return b.toString();
    }

    private static String join(String s, char connector) {
        List<String> parts = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '_' || c == '-') {
                flush(parts, word);
                i++;
                continue;
            }
            if (!Character.isLetterOrDigit(c)) {
                flush(parts, word);
                parts.add("\0" + c); // punctuation: kept, no connector around it
                i++;
                continue;
            }
            if (Character.isDigit(c)) {
                int j = i;
                while (j < n && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                if (j < n && Character.isLowerCase(s.charAt(j))) {
                    // digits + lower case: a word of its own, running over letters and digits
                    flush(parts, word);
                    int k = j;
                    while (k < n && (Character.isLowerCase(s.charAt(k)) || Character.isDigit(s.charAt(k)))) {
                        k++;
                    }
                    parts.add(s.substring(i, k).toLowerCase(java.util.Locale.ROOT));
                    i = k;
                } else {
                    word.append(s, i, j);
                    flush(parts, word);
                    i = j;
                }
                continue;
            }
            if (Character.isUpperCase(c)) {
                if (word.length() > 0 && !Character.isUpperCase(word.charAt(word.length() - 1))) {
                    flush(parts, word);
                } else if (word.length() > 0 && i + 1 < n && Character.isLowerCase(s.charAt(i + 1))) {
                    flush(parts, word); // end of an acronym: HTTPServer
                }
                word.append(c);
            } else {
                word.append(c);
            }
            i++;
        }
        flush(parts, word);
        StringBuilder b = new StringBuilder(s.length() + 8);
        boolean prevPunct = true;
        for (String p : parts) {
            if (p.startsWith("\0")) {
                b.append(p.charAt(1));
                prevPunct = true;
                continue;
            }
            if (!prevPunct) {
                b.append(connector);
            }
            b.append(p.toLowerCase(java.util.Locale.ROOT));
            prevPunct = false;
        }
        return b.toString();
    }

    private static void flush(List<String> parts, StringBuilder word) {
        if (word.length() > 0) {
            parts.add(word.toString());
            word.setLength(0);
        }
    }
}
