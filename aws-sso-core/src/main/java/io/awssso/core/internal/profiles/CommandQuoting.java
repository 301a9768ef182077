package io.awssso.core.internal.profiles;

/**
 * Quotes the words of a {@code credential_process} command line so that both of its readers split
 * it the same way: the AWS SDK for Java runs it with {@code sh -c}, botocore splits it itself
 * without a shell (shlex-like, POSIX rules). Single quotes mean the same to both (no escapes
 * inside), so any word that needs quoting and holds a character the two treat differently inside
 * double quotes ({@code $}, a backquote, a backslash, {@code "}) is single-quoted, with an
 * embedded {@code '} written as {@code '\''}, which both also read alike.
 */
final class CommandQuoting {
    private CommandQuoting() {
    }

    /** A word as-is when every reader keeps it whole, else quoted. */
    static String word(String s) {
        if (!s.isEmpty() && s.chars().allMatch(CommandQuoting::safe)) {
            return s;
        }
        return quoted(s);
    }

    /**
     * A word always quoted: in double quotes when that is unambiguous (as aws-sso-cli writes
     * {@code -S "<SSO>"}), else in single quotes.
     */
    static String quoted(String s) {
        boolean comment = COMMENT.matcher(s).find();
        if (!comment && s.chars().noneMatch(c -> c == '$' || c == '`' || c == '\\' || c == '"' || c == '!'
                || c == '\n' || c == '\r')) {
            return '"' + s + '"';
        }
        String single = "'" + s.replace("'", "'\\''") + "'";
        // The AWS SDK for Java ends a property value at a blank followed by # or ; (a comment):
        // such a # or ; is written outside the quotes, escaped, which both readers take as itself.
        return COMMENT.matcher(single).replaceAll(m -> m.group(1) + "'\\\\" + m.group(2) + "'");
    }

    /** What the AWS SDK for Java reads as the start of a trailing comment in a property value. */
    private static final java.util.regex.Pattern COMMENT = java.util.regex.Pattern.compile("([ \\t])([#;])");

    private static boolean safe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "_-./:@%+=,".indexOf(c) >= 0;
    }
}
