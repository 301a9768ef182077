package io.awssso.core.internal.naming;

import io.awssso.core.internal.naming.TemplateValues.GoPanic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Go's {@code regexp} (RE2 syntax) on top of {@link Pattern}: Go's syntax is translated
 * ({@code (?P<name>)}, POSIX classes, {@code $} that only matches at the end of the text, only
 * {@code \n} ending a line), what RE2 refuses is refused (look-around, back-references, atomic
 * groups, possessive quantifiers), and the {@code All} functions, {@code Split} and {@code $1}
 * expansion follow Go's rules (no empty match right after a match; {@code $1x} names group
 * {@code 1x}).
 */
final class GoRegex {
    private GoRegex() {
    }

    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    /**
     * regexp.Compile ({@code asError}: "error parsing regexp: ...") or regexp.MustCompile, whose
     * panic adds "regexp: Compile(`expr`): " in front.
     */
    static Pattern compile(String expr, boolean asError) {
        Pattern p = CACHE.get(expr);
        if (p == null) {
            GoPanic error;
            try {
                p = Pattern.compile(translate(expr), Pattern.UNIX_LINES);
                error = null;
            } catch (PatternSyntaxException e) {
                error = bad(expr, goReason(expr, e));
            } catch (GoPanic e) {
                error = e;
            }
            if (error != null) {
                throw asError ? error : new GoPanic("regexp: Compile(" + backquote(expr) + "): " + error.getMessage());
            }
            if (CACHE.size() < 256) {
                CACHE.put(expr, p);
            }
        }
        return p;
    }

    private static String backquote(String s) {
        return s.indexOf('`') < 0 && s.chars().noneMatch(c -> c < ' ' && c != '\t') ? "`" + s + "`" : GoFormat.quote(s);
    }

    /** Go's words for the mistakes people make; Java's description otherwise. */
    private static String goReason(String expr, PatternSyntaxException e) {
        String d = e.getDescription();
        if (d.startsWith("Unclosed group")) {
            return "missing closing ): `" + expr + "`";
        }
        if (d.startsWith("Unclosed character class")) {
            return "missing closing ]: `" + expr.substring(Math.max(0, expr.lastIndexOf('['))) + "`";
        }
        if (d.startsWith("Dangling meta character")) {
            return "missing argument to repetition operator: `" + d.charAt(d.length() - 2) + "`";
        }
        if (d.startsWith("Unmatched closing ')'")) {
            return "unexpected ): `" + expr + "`";
        }
        return d.toLowerCase(java.util.Locale.ROOT) + ": `" + expr + "`";
    }

    private static String translate(String expr) {
        StringBuilder b = new StringBuilder(expr.length() + 8);
        boolean inClass = false;
        boolean multiline = expr.contains("(?m") || expr.matches("(?s).*\\(\\?[a-zA-Z]*m[a-zA-Z]*[):].*");
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '\\' && i + 1 < expr.length()) {
                char e = expr.charAt(i + 1);
                if (Character.isDigit(e) && e != '0') {
                    throw bad(expr, "invalid escape sequence: `\\" + e + "`");
                }
                if (e == 'Z' || e == 'G' || e == 'R' || e == 'X' || e == 'k' || e == 'h' || e == 'H'
                        || e == 'V' || e == 'e') {
                    throw bad(expr, "invalid escape sequence: `\\" + e + "`");
                }
                b.append(c).append(e);
                i++;
                continue;
            }
            if (inClass) {
                if (c == '[' && expr.startsWith("[:", i)) {
                    int end = expr.indexOf(":]", i + 2);
                    if (end > 0) {
                        String name = expr.substring(i + 2, end);
                        boolean negated = name.startsWith("^");
                        String cls = posix(negated ? name.substring(1) : name);
                        if (cls == null) {
                            throw bad(expr, "invalid character class range: `" + expr.substring(i, end + 2) + "`");
                        }
                        b.append(negated ? "\\P{" : "\\p{").append(cls).append('}');
                        i = end + 1;
                        continue;
                    }
                }
                if (c == '[') {
                    b.append("\\[");
                    continue;
                }
                if (c == ']') {
                    inClass = false;
                }
                if (c == '&' && expr.startsWith("&&", i)) {
                    b.append("&\\&");
                    i++;
                    continue;
                }
                b.append(c);
                continue;
            }
            if (c == '[') {
                inClass = true;
                b.append(c);
                if (expr.startsWith("^", i + 1)) {
                    b.append('^');
                    i++;
                }
                if (expr.startsWith("]", i + 1)) {
                    b.append("\\]");
                    i++;
                }
                continue;
            }
            if (c == '(' && expr.startsWith("(?", i)) {
                if (expr.startsWith("(?P<", i)) {
                    b.append("(?<");
                    i += 3;
                    continue;
                }
                for (String unsupported : List.of("(?=", "(?!", "(?<=", "(?<!", "(?>")) {
                    if (expr.startsWith(unsupported, i)) {
                        throw bad(expr, "invalid or unsupported Perl syntax: `" + unsupported + "`");
                    }
                }
            }
            if ((c == '+' || c == '*' || c == '?' || c == '}') && i + 1 < expr.length()
                    && expr.charAt(i + 1) == '+') {
                throw bad(expr, "invalid nested repetition operator: `" + c + "+`");
            }
            if (c == '{' && !expr.substring(i).matches("(?s)\\{[0-9]+(,[0-9]*)?}.*")) {
                b.append("\\{"); // Go reads a brace that does not start a repetition literally
                continue;
            }
            if (c == '$' && !multiline) {
                b.append("\\z");
                continue;
            }
            b.append(c);
        }
        return b.toString();
    }

    private static String posix(String name) {
        return switch (name) {
            case "alnum" -> "Alnum";
            case "alpha" -> "Alpha";
            case "ascii" -> "ASCII";
            case "blank" -> "Blank";
            case "cntrl" -> "Cntrl";
            case "digit" -> "Digit";
            case "graph" -> "Graph";
            case "lower" -> "Lower";
            case "print" -> "Print";
            case "punct" -> "Punct";
            case "space" -> "Space";
            case "upper" -> "Upper";
            case "word" -> "Alnum}_\\p{Alnum"; // Go's [:word:] is [0-9A-Za-z_]
            case "xdigit" -> "XDigit";
            default -> null;
        };
    }

    private static GoPanic bad(String expr, String why) {
        return new GoPanic("error parsing regexp: " + why);
    }

    /** The [start, end) of each match as Go's FindAll reports them; {@code n < 0} means all. */
    static List<int[]> findAllIndex(Pattern p, String s, int n) {
        List<int[]> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        Matcher m = p.matcher(s);
        int pos = 0;
        int prevMatchEnd = -1;
        while ((n < 0 || out.size() < n) && pos <= s.length()) {
            if (!m.find(pos)) {
                break;
            }
            boolean accept = true;
            if (m.end() == m.start()) {
                if (m.start() == prevMatchEnd) {
                    accept = false;
                }
                pos = m.end() < s.length() ? m.end() + Character.charCount(s.codePointAt(m.end())) : s.length() + 1;
            } else {
                pos = m.end();
            }
            prevMatchEnd = m.end();
            if (accept) {
                out.add(new int[] {m.start(), m.end()});
            }
        }
        return out;
    }

    static List<String> findAll(Pattern p, String s, int n) {
        List<String> out = new ArrayList<>();
        for (int[] m : findAllIndex(p, s, n)) {
            out.add(s.substring(m[0], m[1]));
        }
        return out;
    }

    /** Regexp.Split. */
    static List<String> split(Pattern p, String s, int n) {
        List<String> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        if (!p.pattern().isEmpty() && s.isEmpty()) {
            out.add("");
            return out;
        }
        int beg = 0;
        int end = 0;
        for (int[] match : findAllIndex(p, s, n)) {
            if (n > 0 && out.size() == n - 1) {
                break;
            }
            end = match[0];
            if (match[1] != 0) {
                out.add(s.substring(beg, end));
            }
            beg = match[1];
        }
        if (end != s.length()) {
            out.add(s.substring(beg));
        }
        return out;
    }

    /** ReplaceAllString (with Go's {@code $} expansion) or ReplaceAllLiteralString. */
    static String replaceAll(Pattern p, String s, String repl, boolean literal) {
        StringBuilder out = new StringBuilder();
        int last = 0;
        Matcher m = p.matcher(s);
        for (int[] match : findAllIndex(p, s, -1)) {
            out.append(s, last, match[0]);
            if (literal) {
                out.append(repl);
            } else {
                m.find(match[0]);
                expand(out, repl, m);
            }
            last = match[1];
        }
        out.append(s.substring(last));
        return out.toString();
    }

    private static void expand(StringBuilder out, String template, Matcher m) {
        int i = 0;
        while (i < template.length()) {
            int dollar = template.indexOf('$', i);
            if (dollar < 0) {
                break;
            }
            out.append(template, i, dollar);
            i = dollar + 1;
            if (i < template.length() && template.charAt(i) == '$') {
                out.append('$');
                i++;
                continue;
            }
            boolean brace = i < template.length() && template.charAt(i) == '{';
            int j = brace ? i + 1 : i;
            int nameStart = j;
            while (j < template.length() && (Character.isLetterOrDigit(template.charAt(j)) || template.charAt(j) == '_')) {
                j++;
            }
            String name = template.substring(nameStart, j);
            if (name.isEmpty() || brace && (j >= template.length() || template.charAt(j) != '}')) {
                out.append('$');
                continue;
            }
            i = brace ? j + 1 : j;
            int num = -1;
            if (name.chars().allMatch(ch -> ch >= '0' && ch <= '9') && name.length() < 9
                    && !(name.startsWith("0") && name.length() > 1)) {
                num = Integer.parseInt(name);
            }
            String group = null;
            if (num >= 0) {
                if (num <= m.groupCount()) {
                    group = m.group(num);
                }
            } else {
                try {
                    group = m.group(name);
                } catch (IllegalArgumentException noSuchGroup) {
                    group = null;
                }
            }
            if (group != null) {
                out.append(group);
            }
        }
        out.append(template.substring(Math.min(i, template.length())));
    }

    /** regexp.QuoteMeta. */
    static String quoteMeta(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
