package io.awssso.core.internal.naming;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Go template into tokens the way Go's {@code text/template/parse} lexer does: text
 * between actions (already trimmed by {@code {{-} and {@code -}}}), comments dropped, and inside
 * actions identifiers, fields, variables, literals, {@code |}, parentheses, {@code :=}, {@code =}
 * and {@code ,}. Spaces inside an action are tokens too, because Go tells {@code $x.Field} from
 * {@code $x .Field} by them.
 */
final class TemplateLexer {
    enum Type {
        TEXT, LEFT_DELIM, RIGHT_DELIM, SPACE, IDENTIFIER, KEYWORD, FIELD, VARIABLE, DOT, STRING,
        RAW_STRING, CHAR, NUMBER, BOOL, NIL, PIPE, LEFT_PAREN, RIGHT_PAREN, DECLARE, ASSIGN,
        /** Any other printable ASCII character (Go's itemChar), such as {@code ,}. */
        OTHER_CHAR, EOF
    }

    /** A token; {@code pos} is its offset in the source, {@code line} its 1-based line. */
    record Token(Type type, String value, int pos, int line) {
        /** How Go's parser quotes a token in "unexpected ..." messages. */
        String describe() {
            return switch (type) {
                case EOF -> "EOF";
                case KEYWORD -> "<" + value + ">";
                case RIGHT_DELIM, LEFT_DELIM -> "\"" + value + "\"";
                default -> GoFormat.quote(value);
            };
        }
    }

    static final List<String> KEYWORDS = List.of("block", "break", "continue", "define", "else",
            "end", "if", "range", "template", "with");

    private final String src;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int parenDepth;

    private TemplateLexer(String src) {
        this.src = src;
    }

    /** The tokens, ending with EOF. */
    static List<Token> lex(String src) {
        TemplateLexer l = new TemplateLexer(src);
        l.run();
        return l.tokens;
    }

    private void run() {
        boolean trimNext = false;
        while (true) {
            int open = src.indexOf("{{", pos);
            int textEnd = open < 0 ? src.length() : open;
            boolean trimLeft = open >= 0 && open + 3 < src.length() && src.charAt(open + 2) == '-'
                    && isSpace(src.charAt(open + 3));
            String text = src.substring(pos, textEnd);
            if (trimNext) {
                text = stripLeading(text);
            }
            if (trimLeft) {
                text = stripTrailing(text);
            }
            if (!text.isEmpty()) {
                tokens.add(new Token(Type.TEXT, text, pos, lineAt(pos)));
            }
            if (open < 0) {
                tokens.add(new Token(Type.EOF, "", src.length(), lineAt(src.length())));
                return;
            }
            pos = open + 2 + (trimLeft ? 2 : 0);
            if (src.startsWith("/*", pos)) {
                trimNext = comment(open);
                continue;
            }
            tokens.add(new Token(Type.LEFT_DELIM, "{{", open, lineAt(open)));
            parenDepth = 0;
            trimNext = insideAction();
        }
    }

    /** Skips a comment; true when it ends with a right trim marker. */
    private boolean comment(int open) {
        int end = src.indexOf("*/", pos + 2);
        if (end < 0) {
            throw error(open, "unclosed comment");
        }
        pos = end + 2;
        boolean trim = hasRightTrim(pos);
        if (trim) {
            pos += 2;
        }
        if (!src.startsWith("}}", pos)) {
            throw error(open, "comment ends before closing delimiter");
        }
        pos += 2;
        return trim;
    }

    private boolean hasRightTrim(int at) {
        return at + 1 < src.length() && isSpace(src.charAt(at)) && src.charAt(at + 1) == '-'
                && src.startsWith("}}", at + 2);
    }

    /** Lexes one action up to and including its right delimiter; true when it trims. */
    private boolean insideAction() {
        int actionStart = pos;
        while (true) {
            if ((hasRightTrim(pos) || src.startsWith("}}", pos)) && parenDepth > 0) {
                throw error(pos, "unclosed left paren");
            }
            if (hasRightTrim(pos) && parenDepth <= 0) {
                tokens.add(new Token(Type.RIGHT_DELIM, "}}", pos + 2, lineAt(pos)));
                pos += 4;
                return true;
            }
            if (src.startsWith("}}", pos) && parenDepth <= 0) {
                tokens.add(new Token(Type.RIGHT_DELIM, "}}", pos, lineAt(pos)));
                pos += 2;
                return false;
            }
            if (pos >= src.length()) {
                throw error(actionStart, "unclosed action");
            }
            char c = src.charAt(pos);
            int start = pos;
            if (isSpace(c)) {
                while (pos < src.length() && isSpace(src.charAt(pos)) && !hasRightTrim(pos)) {
                    pos++;
                }
                if (pos == start) {
                    pos++; // " -}}" inside parentheses: Go reads the space, then fails on '-'
                }
                add(Type.SPACE, start);
                continue;
            }
            switch (c) {
                case '=' -> {
                    pos++;
                    add(Type.ASSIGN, start);
                }
                case ':' -> {
                    if (!src.startsWith(":=", pos)) {
                        throw error(pos, "expected :=");
                    }
                    pos += 2;
                    add(Type.DECLARE, start);
                }
                case '|' -> {
                    pos++;
                    add(Type.PIPE, start);
                }
                case '"' -> quoted('"', Type.STRING, "unterminated quoted string");
                case '`' -> raw();
                case '\'' -> quoted('\'', Type.CHAR, "unterminated character constant");
                case '$' -> {
                    pos++;
                    alnumRun();
                    add(Type.VARIABLE, start);
                }
                case '(' -> {
                    pos++;
                    parenDepth++;
                    add(Type.LEFT_PAREN, start);
                }
                case ')' -> {
                    parenDepth--; // one too many is the parser's "unexpected \")\" in command"
                    pos++;
                    add(Type.RIGHT_PAREN, start);
                }
                case '.' -> {
                    if (pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1))) {
                        number();
                    } else {
                        pos++;
                        if (alnumRun() == 0) {
                            add(Type.DOT, start);
                        } else {
                            add(Type.FIELD, start);
                        }
                    }
                }
                default -> {
                    if (c == '+' || c == '-' || Character.isDigit(c)) {
                        number();
                    } else if (isAlnum(c)) {
                        alnumRun();
                        String word = src.substring(start, pos);
                        Type t = KEYWORDS.contains(word) ? Type.KEYWORD
                                : word.equals("true") || word.equals("false") ? Type.BOOL
                                : word.equals("nil") ? Type.NIL : Type.IDENTIFIER;
                        add(t, start);
                    } else if (c < 0x7f && c >= ' ') {
                        pos++;
                        add(Type.OTHER_CHAR, start);
                    } else {
                        throw error(pos, "unrecognized character in action: " + GoFormat.unicodeName(c));
                    }
                }
            }
        }
    }

    private int alnumRun() {
        int start = pos;
        while (pos < src.length() && isAlnum(src.charAt(pos))) {
            pos++;
        }
        return pos - start;
    }

    private void quoted(char quote, Type type, String unterminated) {
        int start = pos;
        pos++;
        while (true) {
            if (pos >= src.length() || src.charAt(pos) == '\n') {
                throw error(start, unterminated);
            }
            char c = src.charAt(pos);
            if (c == '\\') {
                pos += 2;
                continue;
            }
            pos++;
            if (c == quote) {
                break;
            }
        }
        add(type, start);
    }

    private void raw() {
        int start = pos;
        int end = src.indexOf('`', pos + 1);
        if (end < 0) {
            throw error(start, "unterminated raw quoted string");
        }
        pos = end + 1;
        add(Type.RAW_STRING, start);
    }

    /** Go's scanNumber: sign, base prefix, digits with underscores, fraction, exponent. */
    private void number() {
        int start = pos;
        if (src.charAt(pos) == '+' || src.charAt(pos) == '-') {
            pos++;
        }
        String digits = "0123456789_";
        if (src.startsWith("0x", pos) || src.startsWith("0X", pos)) {
            pos += 2;
            digits = "0123456789abcdefABCDEF_";
        } else if (src.startsWith("0o", pos) || src.startsWith("0O", pos)) {
            pos += 2;
            digits = "01234567_";
        } else if (src.startsWith("0b", pos) || src.startsWith("0B", pos)) {
            pos += 2;
            digits = "01_";
        }
        run(digits);
        if (pos < src.length() && src.charAt(pos) == '.') {
            pos++;
            run(digits);
        }
        if (digits.length() == 11 && pos < src.length() && "eE".indexOf(src.charAt(pos)) >= 0
                || digits.length() == 23 && pos < src.length() && "pP".indexOf(src.charAt(pos)) >= 0) {
            pos++;
            if (pos < src.length() && "+-".indexOf(src.charAt(pos)) >= 0) {
                pos++;
            }
            run("0123456789_");
        }
        if (pos < src.length() && isAlnum(src.charAt(pos))) {
            pos++;
            throw error(start, "bad number syntax: " + GoFormat.quote(src.substring(start, pos)));
        }
        add(Type.NUMBER, start);
    }

    private void run(String valid) {
        while (pos < src.length() && valid.indexOf(src.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private void add(Type type, int start) {
        tokens.add(new Token(type, src.substring(start, pos), start, lineAt(start)));
    }

    private int lineAt(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < src.length(); i++) {
            if (src.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private TemplateException error(int at, String message) {
        return TemplateException.parse(lineAt(at), message);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    static boolean isAlnum(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return s.substring(i);
    }

    private static String stripTrailing(String s) {
        int i = s.length();
        while (i > 0 && isSpace(s.charAt(i - 1))) {
            i--;
        }
        return s.substring(0, i);
    }
}
