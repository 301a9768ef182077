package io.awssso.cli.render;

/**
 * A reader of the one statement form {@code eval} writes for PowerShell,
 * {@code $Env:NAME = 'text' + [char]N + 'text' ...}, following the PowerShell language
 * specification (section 2.3.5.2, verbatim string literals): a single-quote-character is
 * {@code '} (U+0027), U+2018, U+2019, U+201A or U+201B; inside a verbatim string any two of them
 * in a row stand for one quote (the tokenizer keeps the second), any one of them ends the string.
 * {@code pwsh} is not installable from Debian's archive, so this table test stands in for it.
 */
final class PowerShellVerbatim {
    private PowerShellVerbatim() {}

    static boolean isQuote(char c) {
        return c == '\'' || (c >= '\u2018' && c <= '\u201b');
    }

    /** The value {@code line} assigns to {@code $Env:name}; anything else in the line is an error. */
    static String assignedValue(String line, String name) {
        String head = "$Env:" + name + " = ";
        if (!line.startsWith(head)) {
            throw new IllegalArgumentException("not an assignment to " + name + ": " + line);
        }
        StringBuilder value = new StringBuilder();
        int i = head.length();
        while (true) {
            if (i < line.length() && isQuote(line.charAt(i))) {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new IllegalArgumentException("unterminated string: " + line);
                    }
                    char c = line.charAt(i);
                    if (isQuote(c)) {
                        if (i + 1 < line.length() && isQuote(line.charAt(i + 1))) {
                            value.append(line.charAt(i + 1));
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    value.append(c);
                    i++;
                }
            } else if (line.startsWith("[char]", i)) {
                int j = i + "[char]".length();
                int start = j;
                while (j < line.length() && Character.isDigit(line.charAt(j))) {
                    j++;
                }
                value.append((char) Integer.parseInt(line.substring(start, j)));
                i = j;
            } else {
                throw new IllegalArgumentException("code outside a string at " + i + ": " + line.substring(i));
            }
            if (i == line.length()) {
                return value.toString();
            }
            if (!line.startsWith(" + ", i)) {
                throw new IllegalArgumentException("code outside a string at " + i + ": " + line.substring(i));
            }
            i += 3;
        }
    }
}
