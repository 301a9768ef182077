package io.awssso.core.internal.naming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a Go {@code text/template} {@code ProfileFormat} (the form aws-sso-cli configs use) into an
 * equivalent Pebble template.
 *
 * <p>Supported: text, comments {@code {{/* ... *}{@literal /}}}, trim markers {@code {{-} and
 * {@code -}}}, and actions holding one pipeline: fields ({@code .RoleName}, {@code .Tags.Env}),
 * function calls with space-separated arguments, parenthesised sub-pipelines, pipes
 * ({@code x | f a} calls {@code f a x}), string literals ({@code "..."} with Go escapes and raw
 * {@code `...`}), numbers and {@code true}/{@code false}/{@code nil}. Control structures
 * ({@code if}, {@code range}, {@code with}, {@code define}, ...) and variables ({@code $x}) are not
 * supported and are reported as errors.
 *
 * <p>String literals and text that Pebble might read as syntax are not written into the Pebble
 * source: they become constants ({@code __c0}, {@code __c1}, ...) passed with every evaluation,
 * so no quoting rule of Pebble can change them.
 */
final class GoTemplateTranslator {
    private static final Pattern GO_FIELD = Pattern.compile("\\{\\{.*?(^|[\\s(|{-])\\.[A-Za-z_].*?}}",
            Pattern.DOTALL);

    /**
     * A translated template.
     *
     * @param pebble the Pebble source
     * @param constants values the source refers to by name
     */
    record Translation(String pebble, Map<String, Object> constants) {
    }

    private final String source;
    private final Map<String, Object> constants = new LinkedHashMap<>();
    private int pos;

    private GoTemplateTranslator(String source) {
        this.source = source;
    }

    /**
     * True when the template is in the Go form: it has a comment or an action that refers to a
     * field with a leading dot, which Pebble syntax never has.
     */
    static boolean isGoTemplate(String template) {
        return template.contains("{{/*") || template.contains("{{- /*")
                || GO_FIELD.matcher(template).find();
    }

    /**
     * Translates a Go template.
     *
     * @throws IllegalArgumentException describing the first syntax error, with its position
     */
    static Translation translate(String goTemplate) {
        GoTemplateTranslator t = new GoTemplateTranslator(goTemplate);
        String out = t.template();
        return new Translation(out, Map.copyOf(t.constants));
    }

    private String template() {
        StringBuilder out = new StringBuilder();
        List<String> pieces = new ArrayList<>(); // alternating text and actions; actions start with \0
        int i = 0;
        while (i < source.length()) {
            int open = source.indexOf("{{", i);
            if (open < 0) {
                pieces.add(source.substring(i));
                break;
            }
            pieces.add(source.substring(i, open));
            int close = findClose(open + 2);
            pieces.add("\0" + source.substring(open + 2, close));
            i = close + 2;
        }
        // apply trim markers to the neighbouring text
        for (int k = 0; k < pieces.size(); k++) {
            String p = pieces.get(k);
            if (!p.startsWith("\0")) {
                continue;
            }
            String body = p.substring(1);
            if (body.startsWith("- ") || body.equals("-")) {
                if (k > 0) {
                    pieces.set(k - 1, pieces.get(k - 1).stripTrailing());
                }
            }
            if (body.endsWith(" -") || body.equals("-")) {
                if (k + 1 < pieces.size() && !pieces.get(k + 1).startsWith("\0")) {
                    pieces.set(k + 1, pieces.get(k + 1).stripLeading());
                }
            }
        }
        for (String p : pieces) {
            if (!p.startsWith("\0")) {
                if (p.isEmpty()) {
                    continue;
                }
                if (p.indexOf('{') >= 0 || p.indexOf('}') >= 0 || p.indexOf('#') >= 0) {
                    out.append("{{ ").append(constant(p)).append(" }}");
                } else {
                    out.append(p);
                }
                continue;
            }
            String body = p.substring(1);
            if (body.startsWith("- ")) {
                body = body.substring(2);
            }
            if (body.endsWith(" -")) {
                body = body.substring(0, body.length() - 2);
            }
            String trimmed = body.strip();
            if (trimmed.startsWith("/*")) {
                if (!trimmed.endsWith("*/")) {
                    throw new IllegalArgumentException("unclosed comment");
                }
                continue;
            }
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("missing value for command");
            }
            out.append("{{ ").append(new ActionParser(body).parseAction()).append(" }}");
        }
        return out.toString();
    }

    /** The index of the {@code }}} closing the action that starts at {@code from}, skipping strings. */
    private int findClose(int from) {
        int i = from;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"' || c == '`' || c == '\'') {
                i = skipQuoted(source, i);
                continue;
            }
            if (c == '}' && i + 1 < source.length() && source.charAt(i + 1) == '}') {
                return i;
            }
            i++;
        }
        throw new IllegalArgumentException("unclosed action starting at column " + (from - 1));
    }

    private static int skipQuoted(String s, int i) {
        char q = s.charAt(i);
        int j = i + 1;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\' && q != '`') {
                j += 2;
                continue;
            }
            if (c == q) {
                return j + 1;
            }
            j++;
        }
        throw new IllegalArgumentException("unterminated quoted string");
    }

    private String constant(Object value) {
        String name = "__c" + constants.size();
        constants.put(name, value);
        return name;
    }

    /** A recursive-descent parser for one action's pipeline, emitting a Pebble expression. */
    private final class ActionParser {
        private final String s;
        private int i;

        ActionParser(String s) {
            this.s = s;
        }

        String parseAction() {
            skipSpace();
            String word = peekWord();
            if (List.of("if", "else", "end", "range", "with", "define", "template", "block",
                    "break", "continue").contains(word)) {
                throw new IllegalArgumentException("'" + word
                        + "' actions are not supported in ProfileFormat; use functions such as FirstItem instead");
            }
            String e = pipeline();
            skipSpace();
            if (i < s.length()) {
                throw new IllegalArgumentException("unexpected '" + s.substring(i) + "' in action");
            }
            return e;
        }

        private String pipeline() {
            String value = command(null);
            skipSpace();
            while (i < s.length() && s.charAt(i) == '|') {
                i++;
                value = command(value);
                skipSpace();
            }
            return value;
        }

        /** One command; {@code piped} is the previous command's value, passed as the last argument. */
        private String command(String piped) {
            List<String> operands = new ArrayList<>();
            List<Boolean> isFunction = new ArrayList<>();
            skipSpace();
            while (i < s.length() && s.charAt(i) != '|' && s.charAt(i) != ')') {
                int before = i;
                String word = peekWord();
                if (!word.isEmpty() && !List.of("true", "false", "nil").contains(word)) {
                    if (!TemplateFunctions.names().contains(word)) {
                        throw new IllegalArgumentException("function \"" + word + "\" not defined");
                    }
                    i += word.length();
                    operands.add(word);
                    isFunction.add(true);
                } else {
                    operands.add(operand());
                    isFunction.add(false);
                }
                if (i == before) {
                    throw new IllegalArgumentException("unexpected '" + s.charAt(i) + "' in action");
                }
                skipSpace();
            }
            if (operands.isEmpty()) {
                throw new IllegalArgumentException("missing value for command");
            }
            if (isFunction.get(0)) {
                List<String> args = new ArrayList<>(operands.subList(1, operands.size()));
                for (int k = 1; k < isFunction.size(); k++) {
                    if (isFunction.get(k)) {
                        // a bare function name as an argument is a call without arguments
                        args.set(k - 1, operands.get(k) + "()");
                    }
                }
                if (piped != null) {
                    args.add(piped);
                }
                return operands.get(0) + "(" + String.join(", ", args) + ")";
            }
            if (operands.size() > 1 || piped != null) {
                throw new IllegalArgumentException("can't give argument to non-function "
                        + operands.get(0));
            }
            return operands.get(0);
        }

        private String operand() {
            char c = s.charAt(i);
            if (c == '(') {
                i++;
                String inner = pipeline();
                skipSpace();
                if (i >= s.length() || s.charAt(i) != ')') {
                    throw new IllegalArgumentException("unclosed left paren");
                }
                i++;
                return fieldChain("(" + inner + ")");
            }
            if (c == '.') {
                i++;
                String name = identifier();
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("the whole data ('.') cannot be printed; name a field such as .RoleName");
                }
                return fieldChain(name);
            }
            if (c == '"' || c == '`') {
                int end = skipQuoted(s, i);
                String literal = c == '`' ? s.substring(i + 1, end - 1) : unquote(s.substring(i + 1, end - 1));
                i = end;
                return constant(literal);
            }
            if (c == '\'') {
                int end = skipQuoted(s, i);
                String ch = unquote(s.substring(i + 1, end - 1));
                i = end;
                return String.valueOf(ch.isEmpty() ? 0 : (long) ch.codePointAt(0));
            }
            if (c == '-' || c == '+' || Character.isDigit(c)) {
                int j = i + 1;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.'
                        || s.charAt(j) == '_')) {
                    j++;
                }
                String num = s.substring(i, j).replace("_", "");
                i = j;
                try {
                    return String.valueOf(Long.decode(num.startsWith("+") ? num.substring(1) : num));
                } catch (NumberFormatException e) {
                    try {
                        return String.valueOf(Double.parseDouble(num));
                    } catch (NumberFormatException e2) {
                        throw new IllegalArgumentException("bad number syntax: \"" + num + "\"");
                    }
                }
            }
            String word = peekWord();
            if (word.equals("true") || word.equals("false")) {
                i += word.length();
                return word;
            }
            if (word.equals("nil")) {
                i += word.length();
                return "null";
            }
            if (c == '$') {
                throw new IllegalArgumentException("template variables ($) are not supported in ProfileFormat");
            }
            throw new IllegalArgumentException("unexpected '" + c + "' in action");
        }

        /** {@code .A.B} after a value: map keys, looked up with {@code index}. */
        private String fieldChain(String base) {
            List<String> keys = new ArrayList<>();
            while (i < s.length() && s.charAt(i) == '.') {
                i++;
                String key = identifier();
                if (key.isEmpty()) {
                    throw new IllegalArgumentException("bad field after '.'");
                }
                keys.add(constant(key));
            }
            if (keys.isEmpty()) {
                return base;
            }
            return "index(" + base + ", " + String.join(", ", keys) + ")";
        }

        private String identifier() {
            int j = i;
            while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                j++;
            }
            String id = s.substring(i, j);
            i = j;
            return id;
        }

        private String peekWord() {
            int j = i;
            if (j < s.length() && (Character.isLetter(s.charAt(j)) || s.charAt(j) == '_')) {
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
            }
            return s.substring(i, j);
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }

    /** Go's interpreted string literal escapes. */
    private static String unquote(String body) {
        StringBuilder b = new StringBuilder(body.length());
        for (int k = 0; k < body.length(); k++) {
            char c = body.charAt(k);
            if (c != '\\' || k + 1 >= body.length()) {
                b.append(c);
                continue;
            }
            char e = body.charAt(++k);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case '\\' -> b.append('\\');
                case '"' -> b.append('"');
                case '\'' -> b.append('\'');
                case 'x' -> {
                    b.append((char) Integer.parseInt(body.substring(k + 1, k + 3), 16));
                    k += 2;
                }
                case 'u' -> {
                    b.append((char) Integer.parseInt(body.substring(k + 1, k + 5), 16));
                    k += 4;
                }
                default -> throw new IllegalArgumentException("unknown escape sequence \\" + e);
            }
        }
        return b.toString();
    }
}
