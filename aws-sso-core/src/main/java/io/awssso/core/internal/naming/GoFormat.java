package io.awssso.core.internal.naming;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Go's {@code fmt} and {@code strconv} as templates see them: {@code %v} of every value kind,
 * {@code Sprint}, {@code Sprintln}, {@code Sprintf} with the verbs, flags, width and precision
 * people use ({@code %s %d %v %q %x %X %o %b %c %e %f %g %t %T %%}), Go's complaints inline
 * ({@code %!d(string=abc)}, {@code %!s(MISSING)}, {@code %!(EXTRA ...)}) and
 * {@code strconv.Quote}/{@code Unquote}.
 *
 * <p>Values are Java objects standing for Go values: {@link String}, {@link Integer} (Go
 * {@code int}), {@link Long} ({@code int64}), {@link Double}, {@link Boolean}, {@code null}
 * (nil), {@link List} ({@code []interface{}}), {@link Map} and {@link TemplateValues.Struct}.
 */
final class GoFormat {
    private GoFormat() {
    }

    /** {@code fmt.Sprint(v)} for one value, i.e. {@code %v}. */
    static String value(Object v) {
        StringBuilder b = new StringBuilder();
        appendValue(b, v, false);
        return b.toString();
    }

    private static void appendValue(StringBuilder b, Object v, boolean nested) {
        if (v == null) {
            b.append("<nil>");
        } else if (v instanceof String s) {
            b.append(s);
        } else if (v instanceof Double d) {
            b.append(formatG(d, -1, false));
        } else if (v instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                b.append(i > 0 ? " " : "");
                appendValue(b, l.get(i), true);
            }
            b.append(']');
        } else if (v instanceof TemplateValues.Struct s) {
            b.append('{'); // Go prints the struct a pointer points to
            int i = 0;
            for (Object field : s.fields().values()) {
                b.append(i++ > 0 ? " " : "");
                appendValue(b, field, true);
            }
            b.append('}');
        } else if (v instanceof Map<?, ?> m) {
            b.append("map[");
            int i = 0;
            for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
                b.append(i++ > 0 ? " " : "");
                appendValue(b, e.getKey(), true);
                b.append(':');
                appendValue(b, e.getValue(), true);
            }
            b.append(']');
        } else {
            b.append(v);
        }
    }

    /** Go's type name of a value, for {@code %T} and error messages. */
    static String typeName(Object v) {
        if (v == null) {
            return "<nil>";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Integer) {
            return "int";
        }
        if (v instanceof Long) {
            return "int64";
        }
        if (v instanceof Double) {
            return "float64";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof List<?> l) {
            return l.stream().allMatch(String.class::isInstance) && !l.isEmpty() ? "[]string" : "[]interface {}";
        }
        if (v instanceof TemplateValues.Dict) {
            return "map[string]interface {}";
        }
        if (v instanceof Map<?, ?>) {
            return "map[string]string";
        }
        if (v instanceof TemplateValues.Struct s) {
            return s.typeName();
        }
        return v.getClass().getSimpleName();
    }

    /** {@code fmt.Sprint}: a space between operands when neither is a string. */
    static String sprint(List<Object> args) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0 && !(args.get(i) instanceof String) && !(args.get(i - 1) instanceof String)) {
                b.append(' ');
            }
            appendValue(b, args.get(i), false);
        }
        return b.toString();
    }

    /** {@code fmt.Sprintln}: always a space between operands, and a newline. */
    static String sprintln(List<Object> args) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            b.append(i > 0 ? " " : "");
            appendValue(b, args.get(i), false);
        }
        return b.append('\n').toString();
    }

    /** {@code fmt.Sprintf}. */
    static String sprintf(String format, List<Object> args) {
        StringBuilder out = new StringBuilder();
        int argi = 0;
        int i = 0;
        int n = format.length();
        while (i < n) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            i++;
            Spec spec = new Spec();
            while (i < n && "+-# 0".indexOf(format.charAt(i)) >= 0) {
                switch (format.charAt(i)) {
                    case '+' -> spec.plus = true;
                    case '-' -> spec.minus = true;
                    case '#' -> spec.sharp = true;
                    case ' ' -> spec.space = true;
                    default -> spec.zero = true;
                }
                i++;
            }
            if (i < n && format.charAt(i) == '*') {
                i++;
                if (argi < args.size() && args.get(argi) instanceof Number w) {
                    spec.width = w.intValue();
                    if (spec.width < 0) {
                        spec.minus = true;
                        spec.width = -spec.width;
                    }
                } else {
                    out.append("%!(BADWIDTH)");
                }
                argi++;
            } else {
                int start = i;
                while (i < n && Character.isDigit(format.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    spec.width = Integer.parseInt(format.substring(start, i));
                }
            }
            if (i < n && format.charAt(i) == '.') {
                i++;
                if (i < n && format.charAt(i) == '*') {
                    i++;
                    if (argi < args.size() && args.get(argi) instanceof Number p) {
                        spec.precision = Math.max(0, p.intValue());
                    } else {
                        out.append("%!(BADPREC)");
                    }
                    argi++;
                } else {
                    int start = i;
                    while (i < n && Character.isDigit(format.charAt(i))) {
                        i++;
                    }
                    spec.precision = i > start ? Integer.parseInt(format.substring(start, i)) : 0;
                }
            }
            if (i >= n) {
                out.append("%!(NOVERB)");
                break;
            }
            int verb = format.codePointAt(i);
            i += Character.charCount(verb);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (argi >= args.size()) {
                out.append("%!").appendCodePoint(verb).append("(MISSING)");
                continue;
            }
            formatOne(out, spec, verb, args.get(argi++));
        }
        if (argi < args.size()) {
            out.append("%!(EXTRA ");
            for (int k = argi; k < args.size(); k++) {
                out.append(k > argi ? ", " : "").append(typeName(args.get(k))).append('=');
                appendValue(out, args.get(k), false);
            }
            out.append(')');
        }
        return out.toString();
    }

    private static final class Spec {
        boolean plus;
        boolean minus;
        boolean sharp;
        boolean space;
        boolean zero;
        int width = -1;
        int precision = -1;
    }

    private static void formatOne(StringBuilder out, Spec spec, int verb, Object arg) {
        if (verb == 'T') {
            pad(out, spec, typeName(arg), false);
            return;
        }
        if (arg instanceof List<?> l && verb != 'v') {
            out.append('[');
            for (int k = 0; k < l.size(); k++) {
                out.append(k > 0 ? " " : "");
                formatOne(out, spec, verb, l.get(k));
            }
            out.append(']');
            return;
        }
        String body;
        boolean numeric = false;
        if (arg instanceof Integer || arg instanceof Long) {
            long v = ((Number) arg).longValue();
            numeric = true;
            body = switch (verb) {
                case 'v', 'd' -> integer(v, 10, spec, "");
                case 'b' -> integer(v, 2, spec, spec.sharp ? "0b" : "");
                case 'o' -> integer(v, 8, spec, spec.sharp ? "0" : "");
                case 'O' -> integer(v, 8, spec, "0o");
                case 'x' -> integer(v, 16, spec, spec.sharp ? "0x" : "");
                case 'X' -> integer(v, 16, spec, spec.sharp ? "0X" : "").toUpperCase(Locale.ROOT);
                case 'c' -> new String(Character.toChars((int) v));
                case 'q' -> quoteRune((int) v);
                case 'U' -> String.format("U+%04X", v);
                default -> null;
            };
            if (verb == 'c' || verb == 'q' || verb == 'U') {
                numeric = false;
            }
        } else if (arg instanceof Double d) {
            numeric = true;
            body = switch (verb) {
                case 'v', 'g' -> formatG(d, spec.precision, false);
                case 'G' -> formatG(d, spec.precision, true);
                case 'e' -> formatE(d, spec.precision < 0 ? 6 : spec.precision, false);
                case 'E' -> formatE(d, spec.precision < 0 ? 6 : spec.precision, true);
                case 'f', 'F' -> new BigDecimal(d).setScale(spec.precision < 0 ? 6 : spec.precision,
                        RoundingMode.HALF_EVEN).toPlainString();
                default -> null;
            };
            if (body != null && spec.plus && d >= 0) {
                body = "+" + body;
            } else if (body != null && spec.space && d >= 0) {
                body = " " + body;
            }
        } else if (arg instanceof String s) {
            body = switch (verb) {
                case 'v' -> spec.sharp ? quote(s) : spec.precision >= 0 ? firstRunes(s, spec.precision) : s;
                case 's' -> spec.precision >= 0 ? firstRunes(s, spec.precision) : s;
                case 'q' -> spec.sharp && s.indexOf('`') < 0 ? "`" + s + "`" : quote(s);
                case 'x' -> hex(s, false, spec);
                case 'X' -> hex(s, true, spec);
                default -> null;
            };
        } else if (arg instanceof Boolean bool) {
            body = verb == 'v' || verb == 't' ? bool.toString() : null;
        } else if (arg == null) {
            body = verb == 'v' ? "<nil>" : null;
            if (body == null) {
                out.append("%!").appendCodePoint(verb).append("(<nil>)");
                return;
            }
        } else {
            body = verb == 'v' || verb == 's' ? value(arg) : null;
        }
        if (body == null) {
            out.append("%!").appendCodePoint(verb).append('(').append(typeName(arg)).append('=')
                    .append(value(arg)).append(')');
            return;
        }
        pad(out, spec, body, numeric);
    }

    private static String integer(long v, int radix, Spec spec, String prefix) {
        String digits = Long.toUnsignedString(Math.abs(v), radix);
        if (v == Long.MIN_VALUE) {
            digits = Long.toUnsignedString(v, radix);
        }
        if (spec.precision >= 0) {
            if (spec.precision == 0 && v == 0) {
                digits = "";
            }
            while (digits.length() < spec.precision) {
                digits = "0" + digits;
            }
        } else if (spec.zero && !spec.minus && spec.width > 0) {
            int signLen = v < 0 || spec.plus || spec.space ? 1 : 0;
            while (digits.length() + prefix.length() + signLen < spec.width) {
                digits = "0" + digits;
            }
        }
        String sign = v < 0 ? "-" : spec.plus ? "+" : spec.space ? " " : "";
        return sign + prefix + digits;
    }

    private static void pad(StringBuilder out, Spec spec, String body, boolean numeric) {
        int len = body.codePointCount(0, body.length());
        if (spec.width <= len) {
            out.append(body);
            return;
        }
        String fill = " ".repeat(spec.width - len);
        if (spec.minus) {
            out.append(body).append(fill);
        } else if (spec.zero && !numeric) {
            out.append("0".repeat(spec.width - len)).append(body);
        } else if (spec.zero && numeric && !body.isEmpty() && "+- ".indexOf(body.charAt(0)) >= 0) {
            out.append(body.charAt(0)).append("0".repeat(spec.width - len)).append(body.substring(1));
        } else if (spec.zero && numeric) {
            out.append("0".repeat(spec.width - len)).append(body);
        } else {
            out.append(fill).append(body);
        }
    }

    private static String hex(String s, boolean upper, Spec spec) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            if (spec.space && b.length() > 0) {
                b.append(' ');
            }
            if (spec.sharp && (spec.space || b.length() == 0)) {
                b.append(upper ? "0X" : "0x");
            }
            b.append(String.format(upper ? "%02X" : "%02x", x & 0xff));
        }
        return b.toString();
    }

    private static String firstRunes(String s, int n) {
        int count = s.codePointCount(0, s.length());
        return count <= n ? s : s.substring(0, s.offsetByCodePoints(0, n));
    }

    /** strconv.FormatFloat(d, 'g', prec, 64); {@code prec < 0} is the shortest form. */
    static String formatG(double d, int precision, boolean upper) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal bd = precision < 0 ? new BigDecimal(Double.toString(d))
                : new BigDecimal(d).round(new MathContext(Math.max(precision, 1), RoundingMode.HALF_EVEN));
        bd = bd.stripTrailingZeros();
        int digits = bd.precision();
        int exp = digits - bd.scale() - 1;
        int eprec;
        if (precision < 0) {
            eprec = 6; // Go decides on 6 digits for the shortest form
        } else {
            eprec = Math.max(precision, 1);
            if (eprec > digits && digits >= exp + 1) {
                eprec = digits;
            }
        }
        return exp < -4 || exp >= eprec ? mantissaExp(bd, exp, upper) : bd.toPlainString();
    }

    private static String mantissaExp(BigDecimal bd, int exp, boolean upper) {
        String digits = bd.unscaledValue().abs().toString();
        String mant = digits.substring(0, 1) + (digits.length() > 1 ? "." + digits.substring(1) : "");
        String e = (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        return (bd.signum() < 0 ? "-" : "") + mant + (upper ? "E" : "e") + e;
    }

    private static String formatE(double d, int precision, boolean upper) {
        String s = String.format(Locale.ROOT, "%." + precision + "e", d);
        int e = s.indexOf('e');
        String mant = s.substring(0, e);
        int exp = Integer.parseInt(s.substring(e + 1));
        String es = (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        return mant + (upper ? "E" : "e") + es;
    }

    /** strconv.Quote. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> appendEscaped(b, cp, '"'));
        return b.append('"').toString();
    }

    private static String quoteRune(int cp) {
        StringBuilder b = new StringBuilder("'");
        appendEscaped(b, cp, '\'');
        return b.append('\'').toString();
    }

    private static void appendEscaped(StringBuilder b, int cp, char quote) {
        switch (cp) {
            case 7 -> b.append("\\a");
            case '\b' -> b.append("\\b");
            case '\f' -> b.append("\\f");
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            case 11 -> b.append("\\v");
            case '\\' -> b.append("\\\\");
            default -> {
                if (cp == quote) {
                    b.append('\\').appendCodePoint(cp);
                } else if (cp < 0x20 || cp == 0x7f) {
                    b.append(String.format("\\x%02x", cp));
                } else if (isPrint(cp)) {
                    b.appendCodePoint(cp);
                } else if (cp < 0x10000) {
                    b.append(String.format("\\u%04x", cp));
                } else {
                    b.append(String.format("\\U%08x", cp));
                }
            }
        }
    }

    private static boolean isPrint(int cp) {
        if (cp < 0x80) {
            return cp >= 0x20 && cp < 0x7f;
        }
        int t = Character.getType(cp);
        return t != Character.CONTROL && t != Character.FORMAT && t != Character.SURROGATE
                && t != Character.PRIVATE_USE && t != Character.UNASSIGNED
                && t != Character.LINE_SEPARATOR && t != Character.PARAGRAPH_SEPARATOR
                && (t != Character.SPACE_SEPARATOR || cp == 0x3000 || cp == 0xa0 ? true : cp == ' ');
    }

    /** strconv.Unquote of a double-quoted Go string literal. */
    static String unquote(String quoted, Supplier<TemplateException> invalid) {
        String body = quoted.substring(1, quoted.length() - 1);
        StringBuilder b = new StringBuilder(body.length());
        List<Byte> bytes = new ArrayList<>();
        for (int k = 0; k < body.length(); k++) {
            char c = body.charAt(k);
            if (c != '\\') {
                flushBytes(b, bytes);
                b.append(c);
                continue;
            }
            if (k + 1 >= body.length()) {
                throw invalid.get();
            }
            char e = body.charAt(++k);
            if (e != 'x' && (e < '0' || e > '7')) {
                flushBytes(b, bytes);
            }
            switch (e) {
                case 'a' -> b.append('\u0007');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'v' -> b.append('\u000b');
                case '\\' -> b.append('\\');
                case '"' -> b.append('"');
                case '\'' -> b.append('\'');
                case 'x' -> {
                    bytes.add((byte) Integer.parseInt(hexDigits(body, k + 1, 2, invalid), 16));
                    k += 2;
                    continue;
                }
                case 'u' -> {
                    b.appendCodePoint(Integer.parseInt(hexDigits(body, k + 1, 4, invalid), 16));
                    k += 4;
                }
                case 'U' -> {
                    b.appendCodePoint(Integer.parseInt(hexDigits(body, k + 1, 8, invalid), 16));
                    k += 8;
                }
                default -> {
                    if (e >= '0' && e <= '7' && k + 2 < body.length()) {
                        bytes.add((byte) Integer.parseInt(body.substring(k, k + 3), 8));
                        k += 2;
                        continue;
                    }
                    throw invalid.get();
                }
            }
        }
        flushBytes(b, bytes);
        return b.toString();
    }

    private static void flushBytes(StringBuilder b, List<Byte> bytes) {
        if (bytes.isEmpty()) {
            return;
        }
        byte[] raw = new byte[bytes.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = bytes.get(i);
        }
        b.append(new String(raw, StandardCharsets.UTF_8));
        bytes.clear();
    }

    private static String hexDigits(String s, int from, int count, Supplier<TemplateException> invalid) {
        if (from + count > s.length()) {
            throw invalid.get();
        }
        String h = s.substring(from, from + count);
        if (!h.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            throw invalid.get();
        }
        return h;
    }

    /** Go's {@code %#U}: {@code U+002F '/'}. */
    static String unicodeName(int cp) {
        return String.format("U+%04X '%s'", cp, new String(Character.toChars(cp)));
    }
}
