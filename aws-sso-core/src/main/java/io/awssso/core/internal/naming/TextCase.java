package io.awssso.core.internal.naming;

/**
 * sprig's {@code snakecase}, {@code kebabcase} and {@code camelcase}, which call huandu/xstrings
 * v1.5 ({@code ToSnakeCase}, {@code ToKebabCase}, {@code ToPascalCase}); written from that
 * library's documented behaviour and rules, word for word in its splitting.
 *
 * <p>Snake and kebab split the text into words (runs of connectors {@code _ -} and white space,
 * punctuation, upper-case runs, letter runs, digit runs), lower-case the upper-case words, and
 * join them with the connector; digits stay with the word before them unless letters follow
 * ({@code Bld4Floor3rd} gives {@code bld4_floor_3rd}, {@code http2xx} gives {@code http_2xx}).
 *
 * <p>{@code camelcase} (PascalCase) only removes connectors and upper-cases the letter after one;
 * a word written in capitals is lowered after its first letter ({@code GOLANG_IS_GREAT} gives
 * {@code GolangIsGreat}) while mixed case is kept ({@code ReadOnlyAccess} stays as it is).
 */
final class TextCase {
    private TextCase() {
    }

    static String snake(String s) {
        return camelCaseToLowerCase(s, '_');
    }

    static String kebab(String s) {
        return camelCaseToLowerCase(s, '-');
    }

    private static boolean isConnector(int r) {
        return r == '-' || r == '_' || GoStrings.isSpace(r);
    }

    private static boolean isAlphabet(int r) {
        if (!Character.isLetter(r)) {
            return false;
        }
        if (r < 0x3400) {
            return true;
        }
        return !(r >= 0x4E00 && r <= 0x9FCC || r >= 0x3400 && r <= 0x4D85 || r >= 0x20000 && r <= 0x2B81D);
    }

    private static boolean isPunct(int r) {
        int t = Character.getType(r);
        return t == Character.CONNECTOR_PUNCTUATION || t == Character.DASH_PUNCTUATION
                || t == Character.START_PUNCTUATION || t == Character.END_PUNCTUATION
                || t == Character.INITIAL_QUOTE_PUNCTUATION || t == Character.FINAL_QUOTE_PUNCTUATION
                || t == Character.OTHER_PUNCTUATION;
    }

    private enum WordType { INVALID, NUMBER, UPPER_CASE, ALPHABET, CONNECTOR, PUNCT, OTHER }

    /** One word: its type and [start, end) in the code point array. */
    private record Word(WordType type, int start, int end) {
    }

    private static Word nextWord(int[] s, int from) {
        int n = s.length;
        if (from >= n) {
            return new Word(WordType.INVALID, from, from);
        }
        int r = s[from];
        int i = from + 1;
        WordType wt;
        if (isConnector(r)) {
            wt = WordType.CONNECTOR;
            while (i < n && isConnector(s[i])) {
                i++;
            }
        } else if (isPunct(r)) {
            wt = WordType.PUNCT;
            while (i < n && isPunct(s[i])) {
                i++;
            }
        } else if (Character.isUpperCase(r)) {
            wt = WordType.UPPER_CASE;
            if (i < n) {
                if (Character.isUpperCase(s[i])) {
                    while (i < n && Character.isUpperCase(s[i])) {
                        i++;
                    }
                    // "HTTPStatus": the S starts the next word
                    if (i < n && isAlphabet(s[i])) {
                        i--;
                    }
                } else if (isAlphabet(s[i])) {
                    while (i < n && isAlphabet(s[i]) && !Character.isUpperCase(s[i])) {
                        i++;
                    }
                }
            }
        } else if (isAlphabet(r)) {
            wt = WordType.ALPHABET;
            while (i < n && isAlphabet(s[i]) && !Character.isUpperCase(s[i])) {
                i++;
            }
        } else if (Character.getType(r) == Character.DECIMAL_DIGIT_NUMBER
                || Character.getType(r) == Character.LETTER_NUMBER || Character.getType(r) == Character.OTHER_NUMBER) {
            wt = WordType.NUMBER;
            while (i < n && isNumber(s[i])) {
                i++;
            }
        } else {
            wt = WordType.OTHER;
            while (i < n && !isConnector(s[i]) && !isAlphabet(s[i]) && !isNumber(s[i]) && !isPunct(s[i])) {
                i++;
            }
        }
        return new Word(wt, from, i);
    }

    private static boolean isNumber(int r) {
        int t = Character.getType(r);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    private static void toLower(StringBuilder b, Word w, int[] s, char connector) {
        for (int k = w.start(); k < w.end(); k++) {
            int r = s[k];
            if (w.type() != WordType.UPPER_CASE && w.type() != WordType.CONNECTOR) {
                b.appendCodePoint(r);
            } else if (isConnector(r)) {
                b.append(connector);
            } else {
                b.appendCodePoint(Character.isUpperCase(r) ? Character.toLowerCase(r) : r);
            }
        }
    }

    private static String camelCaseToLowerCase(String str, char connector) {
        if (str.isEmpty()) {
            return "";
        }
        int[] s = str.codePoints().toArray();
        StringBuilder b = new StringBuilder(str.length() + 4);
        Word w = nextWord(s, 0);
        while (w.end() < s.length) {
            if (w.type() != WordType.CONNECTOR) {
                toLower(b, w, s, connector);
            }
            WordType prev = w.type();
            Word last = w;
            w = nextWord(s, w.end());
            switch (prev) {
                case NUMBER -> {
                    while (w.type() == WordType.ALPHABET || w.type() == WordType.NUMBER) {
                        toLower(b, w, s, connector);
                        w = nextWord(s, w.end());
                    }
                    if (w.type() != WordType.INVALID && w.type() != WordType.PUNCT && w.type() != WordType.CONNECTOR) {
                        b.append(connector);
                    }
                }
                case CONNECTOR -> toLower(b, last, s, connector);
                case PUNCT -> {
                    // nothing
                }
                default -> {
                    if (w.type() != WordType.NUMBER) {
                        if (w.type() != WordType.CONNECTOR && w.type() != WordType.PUNCT) {
                            b.append(connector);
                        }
                        break;
                    }
                    if (w.end() >= s.length) {
                        break;
                    }
                    Word number = w;
                    w = nextWord(s, w.end());
                    // a number is part of the word before it ("Bld4Floor" gives "bld4_floor")
                    if (w.type() != WordType.ALPHABET) {
                        toLower(b, number, s, connector);
                        if (w.type() != WordType.CONNECTOR && w.type() != WordType.PUNCT) {
                            b.append(connector);
                        }
                        break;
                    }
                    // lower-case letters after a number start a new word ("HTTP2xx" gives "http_2xx")
                    b.append(connector);
                    toLower(b, number, s, connector);
                    while (w.type() == WordType.ALPHABET || w.type() == WordType.NUMBER) {
                        toLower(b, w, s, connector);
                        w = nextWord(s, w.end());
                    }
                    if (w.type() != WordType.INVALID && w.type() != WordType.CONNECTOR && w.type() != WordType.PUNCT) {
                        b.append(connector);
                    }
                }
            }
        }
        toLower(b, w, s, connector);
        return b.toString();
    }

    /** xstrings' toCamelCase with the first letter upper-cased (ToPascalCase). */
    static String pascal(String str) {
        if (str.isEmpty()) {
            return "";
        }
        int[] s = str.codePoints().toArray();
        StringBuilder b = new StringBuilder(str.length());
        int i = 0;
        int r0 = 0;
        boolean firstRuneUpper = false;
        // leading connectors stay
        while (i < s.length) {
            r0 = s[i++];
            if (!isConnector(r0)) {
                firstRuneUpper = Character.isUpperCase(r0);
                r0 = Character.toUpperCase(r0);
                break;
            }
            b.appendCodePoint(r0);
        }
        if (i >= s.length) {
            // xstrings writes the last rune once more here, even a connector ("___" gives "____")
            b.appendCodePoint(r0);
            return b.toString();
        }
        while (i < s.length) {
            int r1 = r0;
            r0 = s[i++];
            if (isConnector(r0) && isConnector(r1)) {
                b.appendCodePoint(r1);
                continue;
            }
            if (isConnector(r1)) {
                firstRuneUpper = Character.isUpperCase(r0);
                r0 = Character.toUpperCase(r0);
            } else {
                if (firstRuneUpper) {
                    if (Character.isUpperCase(r0)) {
                        r0 = Character.toLowerCase(r0);
                    } else {
                        firstRuneUpper = false;
                    }
                }
                b.appendCodePoint(r1);
            }
        }
        b.appendCodePoint(r0);
        return b.toString();
    }
}
