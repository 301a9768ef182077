package io.awssso.core.internal.naming;

import static io.awssso.core.internal.naming.TemplateValues.empty;
import static io.awssso.core.internal.naming.TemplateValues.strval;

import io.awssso.core.internal.naming.TemplateValues.Dict;
import io.awssso.core.internal.naming.TemplateValues.GoPanic;
import io.awssso.core.internal.naming.TemplateValues.Struct;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Adler32;

/**
 * The functions a {@code ProfileFormat} can call besides Go's built-ins: aws-sso-cli's own
 * ({@code AccountIdStr}, {@code EmptyString}, {@code FirstItem}, {@code StringsJoin},
 * {@code StringReplace}) and sprig v3.3's {@code TxtFuncMap}, written from sprig's source with
 * the same signatures (so Go's argument checks apply) and the same results, including the byte
 * semantics of Go strings where sprig slices them.
 *
 * <p>Left out, with a clear message when called: the sprig families that cannot make a stable
 * profile name (dates and {@code now}, random values and UUIDs, key and certificate generation,
 * encryption, DNS lookups) and {@code env}/{@code expandenv}, semver and URL parsing.
 */
final class TemplateFunctions {
    private TemplateFunctions() {
    }

    static final Map<String, TemplateFunction> ALL = new LinkedHashMap<>();

    /** sprig functions deliberately not provided, with the reason the parser gives. */
    static final Map<String, String> NOT_PROVIDED = new LinkedHashMap<>();

    static {
        awsSsoCli();
        strings();
        numbers();
        lists();
        defaultsAndJson();
        dicts();
        regex();
        encodingAndPaths();
        notProvided();
    }

    private static void def(String name, String signature, TemplateFunction.Body body) {
        ALL.put(name, TemplateFunction.of(name, signature, body));
    }

    private static String s(List<Object> a, int i) {
        return (String) a.get(i);
    }

    private static long n(List<Object> a, int i) {
        return ((Number) a.get(i)).longValue();
    }

    private static int i(List<Object> a, int i) {
        return (int) n(a, i);
    }

    // ---- aws-sso-cli's functions (internal/sso/roles/roles.go)

    private static void awsSsoCli() {
        def("AccountIdStr", "I", a -> String.format("%012d", n(a, 0)));
        def("EmptyString", "s", a -> s(a, 0).isEmpty());
        def("FirstItem", "...s", a -> {
            for (Object o : a) {
                if (!((String) o).isEmpty()) {
                    return o;
                }
            }
            return "";
        });
        def("StringsJoin", "s,...s", a -> {
            List<String> parts = new ArrayList<>();
            for (Object o : a.subList(1, a.size())) {
                if (!((String) o).isEmpty()) {
                    parts.add((String) o);
                }
            }
            return String.join(s(a, 0), parts);
        });
        def("StringReplace", "s,s,s", a -> s(a, 2).replace(s(a, 0), s(a, 1)));
    }

    // ---- sprig strings.go and the strings entries of functions.go

    private static void strings() {
        def("hello", "", a -> "Hello!");
        def("abbrev", "i,s", a -> i(a, 0) < 4 ? s(a, 1) : GoStrings.abbreviate(s(a, 1), 0, i(a, 0)));
        def("abbrevboth", "i,i,s", a -> {
            int left = i(a, 0);
            int right = i(a, 1);
            if (right < 4 || left > 0 && right < 7) {
                return s(a, 2);
            }
            return GoStrings.abbreviate(s(a, 2), left, right);
        });
        def("trunc", "i,s", a -> {
            long c = n(a, 0);
            String str = s(a, 1);
            int len = TemplateValues.byteLength(str);
            if (c < 0 && len + c > 0) {
                return TemplateValues.byteSlice(str, (int) (len + c), len);
            }
            if (c >= 0 && len > c) {
                return TemplateValues.byteSlice(str, 0, (int) c);
            }
            return str;
        });
        def("trim", "s", a -> GoStrings.trimFunc(s(a, 0), GoStrings::isSpace));
        def("upper", "s", a -> GoStrings.mapRunes(s(a, 0), Character::toUpperCase));
        def("lower", "s", a -> GoStrings.mapRunes(s(a, 0), Character::toLowerCase));
        def("title", "s", a -> GoStrings.title(s(a, 0)));
        def("untitle", "s", a -> GoStrings.uncapitalize(s(a, 0)));
        def("substr", "i,i,s", a -> {
            String str = s(a, 2);
            int start = i(a, 0);
            int end = i(a, 1);
            int len = TemplateValues.byteLength(str);
            if (start < 0) {
                return TemplateValues.byteSlice(str, 0, end);
            }
            if (end < 0 || end > len) {
                return TemplateValues.byteSlice(str, start, len);
            }
            return TemplateValues.byteSlice(str, start, end);
        });
        def("repeat", "i,s", a -> {
            if (n(a, 0) < 0) {
                throw new GoPanic("strings: negative Repeat count");
            }
            return s(a, 1).repeat(i(a, 0));
        });
        def("trimall", "s,s", a -> GoStrings.trimCutset(s(a, 1), s(a, 0)));
        def("trimAll", "s,s", a -> GoStrings.trimCutset(s(a, 1), s(a, 0)));
        def("trimSuffix", "s,s", a -> s(a, 1).endsWith(s(a, 0))
                ? s(a, 1).substring(0, s(a, 1).length() - s(a, 0).length()) : s(a, 1));
        def("trimPrefix", "s,s", a -> s(a, 1).startsWith(s(a, 0)) ? s(a, 1).substring(s(a, 0).length()) : s(a, 1));
        def("nospace", "s", a -> GoStrings.deleteWhiteSpace(s(a, 0)));
        def("initials", "s", a -> GoStrings.initials(s(a, 0)));
        def("swapcase", "s", a -> GoStrings.swapCase(s(a, 0)));
        def("snakecase", "s", a -> TextCase.snake(s(a, 0)));
        def("camelcase", "s", a -> TextCase.pascal(s(a, 0)));
        def("kebabcase", "s", a -> TextCase.kebab(s(a, 0)));
        def("wrap", "i,s", a -> GoStrings.wrap(s(a, 1), i(a, 0), "\n", false));
        def("wrapWith", "i,s,s", a -> GoStrings.wrap(s(a, 2), i(a, 0), s(a, 1), true));
        def("contains", "s,s", a -> s(a, 1).contains(s(a, 0)));
        def("hasPrefix", "s,s", a -> s(a, 1).startsWith(s(a, 0)));
        def("hasSuffix", "s,s", a -> s(a, 1).endsWith(s(a, 0)));
        def("quote", "...a", a -> {
            List<String> out = new ArrayList<>();
            for (Object o : a) {
                if (o != null) {
                    out.add(GoFormat.quote(strval(o)));
                }
            }
            return String.join(" ", out);
        });
        def("squote", "...a", a -> {
            List<String> out = new ArrayList<>();
            for (Object o : a) {
                if (o != null) {
                    out.add("'" + GoFormat.value(o) + "'");
                }
            }
            return String.join(" ", out);
        });
        def("cat", "...a", a -> {
            List<String> out = new ArrayList<>();
            for (Object o : a) {
                if (o != null) {
                    out.add(GoFormat.value(o));
                }
            }
            return String.join(" ", out);
        });
        def("indent", "i,s", a -> indent(i(a, 0), s(a, 1)));
        def("nindent", "i,s", a -> "\n" + indent(i(a, 0), s(a, 1)));
        def("replace", "s,s,s", a -> s(a, 2).replace(s(a, 0), s(a, 1)));
        def("plural", "s,s,i", a -> n(a, 2) == 1 ? s(a, 0) : s(a, 1));
        def("sha1sum", "s", a -> digest("SHA-1", s(a, 0)));
        def("sha256sum", "s", a -> digest("SHA-256", s(a, 0)));
        def("sha512sum", "s", a -> digest("SHA-512", s(a, 0)));
        def("adler32sum", "s", a -> {
            Adler32 sum = new Adler32();
            sum.update(s(a, 0).getBytes(StandardCharsets.UTF_8));
            return Long.toString(sum.getValue());
        });
        def("toString", "a", a -> strval(a.get(0)));
        def("join", "s,a", a -> String.join(s(a, 0), strslice(a.get(1))));
        def("sortAlpha", "a", a -> {
            if (!(a.get(0) instanceof List<?>)) {
                return new ArrayList<>(List.of(strval(a.get(0))));
            }
            List<String> l = strslice(a.get(0));
            l.sort((x, y) -> java.util.Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8),
                    y.getBytes(StandardCharsets.UTF_8)));
            return l;
        });
        def("split", "s,s", a -> {
            Map<String, Object> res = new LinkedHashMap<>();
            List<String> parts = GoStrings.split(s(a, 1), s(a, 0), -1);
            for (int k = 0; k < parts.size(); k++) {
                res.put("_" + k, parts.get(k));
            }
            return res;
        });
        def("splitList", "s,s", a -> GoStrings.split(s(a, 1), s(a, 0), -1));
        def("splitn", "s,i,s", a -> {
            Map<String, Object> res = new LinkedHashMap<>();
            List<String> parts = GoStrings.split(s(a, 2), s(a, 0), i(a, 1));
            for (int k = 0; k < parts.size(); k++) {
                res.put("_" + k, parts.get(k));
            }
            return res;
        });
        def("toStrings", "a", a -> strslice(a.get(0)));
    }

    private static String indent(int spaces, String v) {
        String pad = " ".repeat(Math.max(0, spaces));
        return pad + v.replace("\n", "\n" + pad);
    }

    private static String digest(String algorithm, String input) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(input.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }

    /** sprig's strslice: a list's elements as strings (nils left out), anything else as one. */
    static List<String> strslice(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            for (Object o : l) {
                if (o != null) {
                    out.add(strval(o));
                }
            }
        } else if (v != null) {
            out.add(strval(v));
        }
        return out;
    }

    // ---- numeric.go and the arithmetic of functions.go

    private static void numbers() {
        def("atoi", "s", a -> {
            String str = s(a, 0);
            if (!str.matches("[+-]?[0-9]+")) {
                return 0;
            }
            try {
                return Integer.valueOf(Math.toIntExact(Long.parseLong(str)));
            } catch (NumberFormatException | ArithmeticException e) {
                return 0;
            }
        });
        def("int64", "a", a -> toInt64(a.get(0)));
        def("int", "a", a -> (int) toInt64(a.get(0)));
        def("float64", "a", a -> toFloat64(a.get(0)));
        def("toDecimal", "a", a -> {
            try {
                return Long.parseLong(GoFormat.sprint(List.of(a.get(0) == null ? "<nil>" : a.get(0))), 8);
            } catch (NumberFormatException e) {
                return 0L;
            }
        });
        def("add1", "a", a -> toInt64(a.get(0)) + 1);
        def("add", "...a", a -> {
            long sum = 0;
            for (Object o : a) {
                sum += toInt64(o);
            }
            return sum;
        });
        def("sub", "a,a", a -> toInt64(a.get(0)) - toInt64(a.get(1)));
        def("div", "a,a", a -> {
            long d = toInt64(a.get(1));
            if (d == 0) {
                throw new GoPanic("runtime error: integer divide by zero");
            }
            return toInt64(a.get(0)) / d;
        });
        def("mod", "a,a", a -> {
            long d = toInt64(a.get(1));
            if (d == 0) {
                throw new GoPanic("runtime error: integer divide by zero");
            }
            return toInt64(a.get(0)) % d;
        });
        def("mul", "a,...a", a -> {
            long v = toInt64(a.get(0));
            for (Object o : a.subList(1, a.size())) {
                v *= toInt64(o);
            }
            return v;
        });
        def("max", "a,...a", a -> {
            long v = toInt64(a.get(0));
            for (Object o : a.subList(1, a.size())) {
                v = Math.max(v, toInt64(o));
            }
            return v;
        });
        ALL.put("biggest", rename(ALL.get("max"), "biggest"));
        def("min", "a,...a", a -> {
            long v = toInt64(a.get(0));
            for (Object o : a.subList(1, a.size())) {
                v = Math.min(v, toInt64(o));
            }
            return v;
        });
        def("maxf", "a,...a", a -> {
            double v = toFloat64(a.get(0));
            for (Object o : a.subList(1, a.size())) {
                v = Math.max(v, toFloat64(o));
            }
            return v;
        });
        def("minf", "a,...a", a -> {
            double v = toFloat64(a.get(0));
            for (Object o : a.subList(1, a.size())) {
                v = Math.min(v, toFloat64(o));
            }
            return v;
        });
        def("add1f", "a", a -> decimalOp(a.get(0), List.of(1), BigDecimal::add));
        def("addf", "...a", a -> decimalOp(0.0, a, BigDecimal::add));
        def("subf", "a,...a", a -> decimalOp(a.get(0), a.subList(1, a.size()), BigDecimal::subtract));
        def("mulf", "a,...a", a -> decimalOp(a.get(0), a.subList(1, a.size()), BigDecimal::multiply));
        def("divf", "a,...a", a -> decimalOp(a.get(0), a.subList(1, a.size()),
                (x, y) -> {
                    if (y.signum() == 0) {
                        throw new GoPanic("decimal division by 0");
                    }
                    return x.divide(y, 16, RoundingMode.HALF_UP);
                }));
        def("floor", "a", a -> Math.floor(toFloat64(a.get(0))));
        def("ceil", "a", a -> Math.ceil(toFloat64(a.get(0))));
        def("round", "a,i,...f", a -> {
            double roundOn = a.size() > 2 ? ((Number) a.get(2)).doubleValue() : .5;
            double pow = Math.pow(10, n(a, 1));
            double digit = pow * toFloat64(a.get(0));
            double frac = digit - (long) digit;
            return (frac >= roundOn ? Math.ceil(digit) : Math.floor(digit)) / pow;
        });
        def("until", "i", a -> untilStep(0, n(a, 0), n(a, 0) < 0 ? -1 : 1));
        def("untilStep", "i,i,i", a -> untilStep(n(a, 0), n(a, 1), n(a, 2)));
        def("seq", "...i", a -> {
            long start = 1;
            long end;
            long step = 1;
            switch (a.size()) {
                case 0 -> {
                    return "";
                }
                case 1 -> end = n(a, 0);
                case 2 -> {
                    start = n(a, 0);
                    end = n(a, 1);
                }
                case 3 -> {
                    start = n(a, 0);
                    step = n(a, 1);
                    end = n(a, 2);
                    if (end < start && step > 0 || end > start && step < 0) {
                        return "";
                    }
                    List<String> out = new ArrayList<>();
                    for (Object o : untilStep(start, end + (end < start ? -1 : 1), step)) {
                        out.add(o.toString());
                    }
                    return String.join(" ", out);
                }
                default -> {
                    return "";
                }
            }
            long inc = end < start ? -1 : step;
            List<String> out = new ArrayList<>();
            for (Object o : untilStep(start, end + inc, inc)) {
                out.add(o.toString());
            }
            return String.join(" ", out);
        });
    }

    private static TemplateFunction rename(TemplateFunction f, String name) {
        return new TemplateFunction(name, f.params(), f.variadic(), f.body());
    }

    private static List<Object> untilStep(long start, long stop, long step) {
        List<Object> v = new ArrayList<>();
        if (stop < start) {
            if (step >= 0) {
                return v;
            }
            for (long k = start; k > stop; k += step) {
                v.add((int) k);
            }
            return v;
        }
        if (step <= 0) {
            return v;
        }
        for (long k = start; k < stop; k += step) {
            v.add((int) k);
        }
        return v;
    }

    private static double decimalOp(Object first, List<Object> rest,
            java.util.function.BinaryOperator<BigDecimal> op) {
        BigDecimal acc = BigDecimal.valueOf(toFloat64(first));
        for (Object o : rest) {
            BigDecimal x = BigDecimal.valueOf(toFloat64(o));
            acc = op.apply(acc, x);
        }
        return acc.round(MathContext.DECIMAL64).doubleValue();
    }

    /** spf13/cast's ToInt64, as sprig uses it: strings parsed with Go's base prefixes, else 0. */
    static long toInt64(Object v) {
        if (v instanceof Double d) {
            return d.longValue();
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof String str) {
            String t = str.replaceFirst("\\.0*$", "");
            if (t.isEmpty()) {
                return 0;
            }
            try {
                return GoStrings.parseIntBase0(t);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    static double toFloat64(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof String str) {
            try {
                return Double.parseDouble(str);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    // ---- list.go

    /** The list, or sprig's complaint ({@code message} has one {@code %s} for the kind). */
    private static List<?> listOrFail(Object v, String message) {
        if (v instanceof List<?> l) {
            return l;
        }
        if (v == null) {
            throw new GoPanic("runtime error: invalid memory address or nil pointer dereference");
        }
        throw new GoPanic(String.format(message, kindName(v)));
    }

    /** reflect.Kind's name, which sprig's messages print. */
    static String kindName(Object v) {
        if (v instanceof Map<?, ?>) {
            return "map";
        }
        if (v instanceof Struct) {
            return "ptr";
        }
        if (v instanceof List<?>) {
            return "slice";
        }
        return GoFormat.typeName(v);
    }

    private static void lists() {
        TemplateFunction.Body list = a -> new ArrayList<>(a);
        def("list", "...a", list);
        def("tuple", "...a", list);
        TemplateFunction.Body push = a -> {
            List<Object> out = new ArrayList<>(listOrFail(a.get(0), "Cannot push on type %s"));
            out.add(a.get(1));
            return out;
        };
        for (String name : List.of("append", "push", "mustAppend", "mustPush")) {
            def(name, "a,a", push);
        }
        TemplateFunction.Body prepend = a -> {
            List<Object> out = new ArrayList<>();
            out.add(a.get(1));
            out.addAll(listOrFail(a.get(0), "Cannot prepend on type %s"));
            return out;
        };
        def("prepend", "a,a", prepend);
        def("mustPrepend", "a,a", prepend);
        TemplateFunction.Body first = a -> {
            List<?> l = listOrFail(a.get(0), "Cannot find first on type %s");
            return l.isEmpty() ? null : l.get(0);
        };
        def("first", "a", first);
        def("mustFirst", "a", first);
        TemplateFunction.Body last = a -> {
            List<?> l = listOrFail(a.get(0), "Cannot find last on type %s");
            return l.isEmpty() ? null : l.get(l.size() - 1);
        };
        def("last", "a", last);
        def("mustLast", "a", last);
        TemplateFunction.Body rest = a -> {
            List<?> l = listOrFail(a.get(0), "Cannot find rest on type %s");
            return l.isEmpty() ? new ArrayList<>() : new ArrayList<Object>(l.subList(1, l.size()));
        };
        def("rest", "a", rest);
        def("mustRest", "a", rest);
        TemplateFunction.Body initial = a -> {
            List<?> l = listOrFail(a.get(0), "Cannot find initial on type %s");
            return l.isEmpty() ? new ArrayList<>() : new ArrayList<Object>(l.subList(0, l.size() - 1));
        };
        def("initial", "a", initial);
        def("mustInitial", "a", initial);
        TemplateFunction.Body reverse = a -> {
            List<Object> out = new ArrayList<>(listOrFail(a.get(0), "Cannot find reverse on type %s"));
            Collections.reverse(out);
            return out;
        };
        def("reverse", "a", reverse);
        def("mustReverse", "a", reverse);
        TemplateFunction.Body uniq = a -> {
            List<Object> out = new ArrayList<>();
            for (Object o : listOrFail(a.get(0), "Cannot find uniq on type %s")) {
                if (!out.contains(o)) {
                    out.add(o);
                }
            }
            return out;
        };
        def("uniq", "a", uniq);
        def("mustUniq", "a", uniq);
        TemplateFunction.Body without = a -> {
            List<Object> out = new ArrayList<>();
            List<Object> omit = a.subList(1, a.size());
            for (Object o : listOrFail(a.get(0), "Cannot find without on type %s")) {
                if (!omit.contains(o)) {
                    out.add(o);
                }
            }
            return out;
        };
        def("without", "a,...a", without);
        def("mustWithout", "a,...a", without);
        TemplateFunction.Body has = a -> {
            if (a.get(1) == null) {
                return false;
            }
            return listOrFail(a.get(1), "Cannot find has on type %s").contains(a.get(0));
        };
        def("has", "a,a", has);
        def("mustHas", "a,a", has);
        TemplateFunction.Body slice = a -> {
            List<?> l = listOrFail(a.get(0), "list should be type of slice or array but %s");
            if (l.isEmpty()) {
                return null;
            }
            int start = a.size() > 1 ? (int) toInt64(a.get(1)) : 0;
            int end = a.size() > 2 ? (int) toInt64(a.get(2)) : l.size();
            if (start < 0 || end > l.size() || start > end) {
                throw new GoPanic("runtime error: slice bounds out of range [" + start + ":" + end + "]");
            }
            return new ArrayList<Object>(l.subList(start, end));
        };
        def("slice", "a,...a", slice); // shadows Go's built-in slice, as sprig's FuncMap does
        def("mustSlice", "a,...a", slice);
        def("concat", "...a", a -> {
            List<Object> out = new ArrayList<>();
            for (Object o : a) {
                out.addAll(listOrFail(o, "Cannot concat type %s as list"));
            }
            return out;
        });
        TemplateFunction.Body chunk = a -> {
            int size = i(a, 0);
            List<?> l = listOrFail(a.get(1), "Cannot chunk type %s");
            List<Object> out = new ArrayList<>();
            for (int k = 0; k < l.size(); k += size) {
                out.add(new ArrayList<Object>(l.subList(k, Math.min(l.size(), k + size))));
            }
            if (l.isEmpty()) {
                out.add(new ArrayList<>());
            }
            return out;
        };
        def("chunk", "i,a", chunk);
        def("mustChunk", "i,a", chunk);
        TemplateFunction.Body compact = a -> {
            List<Object> out = new ArrayList<>();
            for (Object o : listOrFail(a.get(0), "Cannot compact on type %s")) {
                if (!empty(o)) {
                    out.add(o);
                }
            }
            return out;
        };
        def("compact", "a", compact);
        def("mustCompact", "a", compact);
    }

    // ---- defaults.go and reflect.go

    private static void defaultsAndJson() {
        def("default", "a,...a", a -> a.size() < 2 || empty(a.get(1)) ? a.get(0) : a.get(1));
        def("empty", "a", a -> empty(a.get(0)));
        def("coalesce", "...a", a -> {
            for (Object o : a) {
                if (!empty(o)) {
                    return o;
                }
            }
            return null;
        });
        def("all", "...a", a -> a.stream().noneMatch(TemplateValues::empty));
        def("any", "...a", a -> a.stream().anyMatch(o -> !empty(o)));
        def("ternary", "a,a,b", a -> (Boolean) a.get(2) ? a.get(0) : a.get(1));
        def("deepCopy", "a", a -> a.get(0));
        def("mustDeepCopy", "a", a -> a.get(0));
        def("toJson", "a", a -> GoJson.encode(a.get(0), true, false));
        def("mustToJson", "a", a -> GoJson.encode(a.get(0), true, false));
        def("toPrettyJson", "a", a -> GoJson.encode(a.get(0), true, true));
        def("mustToPrettyJson", "a", a -> GoJson.encode(a.get(0), true, true));
        def("toRawJson", "a", a -> GoJson.encode(a.get(0), false, false));
        def("mustToRawJson", "a", a -> GoJson.encode(a.get(0), false, false));
        def("fromJson", "s", a -> {
            try {
                return GoJson.decode(s(a, 0));
            } catch (GoPanic e) {
                return null;
            }
        });
        def("mustFromJson", "s", a -> GoJson.decode(s(a, 0)));
        def("typeOf", "a", a -> GoFormat.typeName(a.get(0)));
        def("typeIs", "s,a", a -> s(a, 0).equals(GoFormat.typeName(a.get(1))));
        def("typeIsLike", "s,a", a -> {
            String t = GoFormat.typeName(a.get(1));
            return s(a, 0).equals(t) || s(a, 0).equals("*" + t);
        });
        def("kindOf", "a", a -> a.get(0) == null ? "invalid" : kindName(a.get(0)));
        def("kindIs", "s,a", a -> s(a, 0).equals(a.get(1) == null ? "invalid" : kindName(a.get(1))));
        def("deepEqual", "a,a", a -> java.util.Objects.equals(a.get(0), a.get(1)));
        def("fail", "s", a -> {
            throw new GoPanic(s(a, 0));
        });
    }

    // ---- dict.go

    private static void dicts() {
        def("dict", "...a", a -> {
            Dict d = new Dict();
            for (int k = 0; k < a.size(); k += 2) {
                d.put(strval(a.get(k)), k + 1 < a.size() ? a.get(k + 1) : "");
            }
            return d;
        });
        def("get", "d,s", a -> {
            Dict d = (Dict) a.get(0);
            return d != null && d.containsKey(s(a, 1)) ? d.get(s(a, 1)) : "";
        });
        def("set", "d,s,a", a -> {
            Dict d = (Dict) a.get(0);
            d.put(s(a, 1), a.get(2));
            return d;
        });
        def("unset", "d,s", a -> {
            Dict d = (Dict) a.get(0);
            d.remove(s(a, 1));
            return d;
        });
        def("hasKey", "d,s", a -> a.get(0) != null && ((Dict) a.get(0)).containsKey(s(a, 1)));
        def("pluck", "s,...d", a -> {
            List<Object> out = new ArrayList<>();
            for (Object o : a.subList(1, a.size())) {
                if (o != null && ((Dict) o).containsKey(s(a, 0))) {
                    out.add(((Dict) o).get(s(a, 0)));
                }
            }
            return out;
        });
        def("keys", "...d", a -> {
            List<Object> out = new ArrayList<>();
            for (Object o : a) {
                if (o != null) {
                    out.addAll(((Dict) o).keySet());
                }
            }
            return out;
        });
        def("pick", "d,...s", a -> {
            Dict out = new Dict();
            Dict d = (Dict) a.get(0);
            for (Object k : a.subList(1, a.size())) {
                if (d != null && d.containsKey(k)) {
                    out.put((String) k, d.get(k));
                }
            }
            return out;
        });
        def("omit", "d,...s", a -> {
            Dict out = new Dict();
            if (a.get(0) != null) {
                out.putAll((Dict) a.get(0));
            }
            a.subList(1, a.size()).forEach(out::remove);
            return out;
        });
        def("values", "d", a -> new ArrayList<Object>(a.get(0) == null ? List.of() : ((Dict) a.get(0)).values()));
        TemplateFunction.Body merge = a -> merge(a, false);
        def("merge", "d,...a", merge);
        def("mustMerge", "d,...a", merge);
        TemplateFunction.Body overwrite = a -> merge(a, true);
        def("mergeOverwrite", "d,...a", overwrite);
        def("mustMergeOverwrite", "d,...a", overwrite);
        def("dig", "...a", a -> {
            if (a.size() < 3) {
                throw new GoPanic("dig needs at least three arguments");
            }
            Object def = a.get(a.size() - 2);
            Object cur = a.get(a.size() - 1);
            for (Object k : a.subList(0, a.size() - 2)) {
                if (!(cur instanceof Dict d) || !(k instanceof String key)) {
                    throw new GoPanic("interface conversion: interface {} is " + GoFormat.typeName(cur)
                            + ", not map[string]interface {}");
                }
                if (!d.containsKey(key)) {
                    return def;
                }
                cur = d.get(key);
            }
            return cur;
        });
    }

    /** mergo.Merge: fills keys the destination lacks (or, overwriting, all), recursing into dicts. */
    private static Object merge(List<Object> a, boolean overwrite) {
        Dict dst = (Dict) a.get(0);
        for (Object src : a.subList(1, a.size())) {
            if (src instanceof Map<?, ?> m) {
                mergeInto(dst, m, overwrite);
            }
        }
        return dst;
    }

    private static void mergeInto(Dict dst, Map<?, ?> src, boolean overwrite) {
        src.forEach((k, v) -> {
            String key = (String) k;
            Object existing = dst.get(key);
            if (existing instanceof Dict d && v instanceof Map<?, ?> m) {
                mergeInto(d, m, overwrite);
            } else if (!dst.containsKey(key) || empty(existing) || overwrite && !empty(v)) {
                dst.put(key, v);
            }
        });
    }

    // ---- regex.go

    private static void regex() {
        for (boolean must : new boolean[] {false, true}) {
            String p = must ? "mustRegex" : "regex";
            def(p + "FindAll", "s,s,i", a -> GoRegex.findAll(GoRegex.compile(s(a, 0), must), s(a, 1), i(a, 2)));
            def(p + "Find", "s,s", a -> {
                List<String> all = GoRegex.findAll(GoRegex.compile(s(a, 0), must), s(a, 1), 1);
                return all.isEmpty() ? "" : all.get(0);
            });
            def(p + "ReplaceAll", "s,s,s",
                    a -> GoRegex.replaceAll(GoRegex.compile(s(a, 0), must), s(a, 1), s(a, 2), false));
            def(p + "ReplaceAllLiteral", "s,s,s",
                    a -> GoRegex.replaceAll(GoRegex.compile(s(a, 0), must), s(a, 1), s(a, 2), true));
            def(p + "Split", "s,s,i", a -> GoRegex.split(GoRegex.compile(s(a, 0), must), s(a, 1), i(a, 2)));
        }
        // sprig's regexMatch ignores a bad expression (false); mustRegexMatch reports it
        def("regexMatch", "s,s", a -> {
            try {
                return GoRegex.compile(s(a, 0), true).matcher(s(a, 1)).find();
            } catch (GoPanic badExpression) {
                return false;
            }
        });
        def("mustRegexMatch", "s,s", a -> GoRegex.compile(s(a, 0), true).matcher(s(a, 1)).find());
        def("regexQuoteMeta", "s", a -> GoRegex.quoteMeta(s(a, 0)));
    }

    // ---- encoding, paths

    private static void encodingAndPaths() {
        def("b64enc", "s", a -> Base64.getEncoder().encodeToString(s(a, 0).getBytes(StandardCharsets.UTF_8)));
        def("b64dec", "s", a -> GoStrings.base64Decode(s(a, 0)));
        def("b32enc", "s", a -> GoStrings.base32Encode(s(a, 0).getBytes(StandardCharsets.UTF_8)));
        def("b32dec", "s", a -> GoStrings.base32Decode(s(a, 0)));
        for (String prefix : List.of("", "os")) {
            def(prefix.isEmpty() ? "base" : "osBase", "s", a -> GoStrings.pathBase(s(a, 0)));
            def(prefix.isEmpty() ? "dir" : "osDir", "s", a -> GoStrings.pathDir(s(a, 0)));
            def(prefix.isEmpty() ? "clean" : "osClean", "s", a -> GoStrings.pathClean(s(a, 0)));
            def(prefix.isEmpty() ? "ext" : "osExt", "s", a -> GoStrings.pathExt(s(a, 0)));
            def(prefix.isEmpty() ? "isAbs" : "osIsAbs", "s", a -> s(a, 0).startsWith("/"));
        }
    }

    private static void notProvided() {
        String dates = "dates depend on the moment the name is made; a profile name must be stable";
        for (String f : List.of("ago", "date", "date_in_zone", "date_modify", "dateInZone", "dateModify",
                "duration", "durationRound", "htmlDate", "htmlDateInZone", "must_date_modify",
                "mustDateModify", "mustToDate", "now", "toDate", "unixEpoch")) {
            NOT_PROVIDED.put(f, dates);
        }
        String random = "random values would give a different profile name on every run";
        for (String f : List.of("randAlphaNum", "randAlpha", "randAscii", "randNumeric", "shuffle",
                "randInt", "uuidv4", "randBytes")) {
            NOT_PROVIDED.put(f, random);
        }
        String crypto = "key generation, encryption and password hashing have no place in a profile name";
        for (String f : List.of("bcrypt", "htpasswd", "genPrivateKey", "derivePassword", "buildCustomCert",
                "genCA", "genCAWithKey", "genSelfSignedCert", "genSelfSignedCertWithKey", "genSignedCert",
                "genSignedCertWithKey", "encryptAES", "decryptAES")) {
            NOT_PROVIDED.put(f, crypto);
        }
        NOT_PROVIDED.put("getHostByName", "a DNS lookup would make the profile name depend on the network");
        NOT_PROVIDED.put("env", "the environment would make the profile name depend on the shell");
        NOT_PROVIDED.put("expandenv", "the environment would make the profile name depend on the shell");
        for (String f : List.of("semver", "semverCompare", "urlParse", "urlJoin")) {
            NOT_PROVIDED.put(f, "semver and URL parsing are not provided for profile names");
        }
    }

    /** Every callable name besides Go's built-ins. */
    static Set<String> names() {
        return ALL.keySet();
    }
}
