package io.awssso.core.internal.naming;

import static io.awssso.core.internal.naming.TemplateValues.NO_VALUE;

import io.awssso.core.internal.naming.TemplateValues.GoPanic;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The functions every Go template has ({@code text/template}'s {@code builtins()}): comparison,
 * {@code len}, {@code index}, {@code slice}, {@code print*}, the escapers and {@code not};
 * {@code and} and {@code or} are evaluated lazily by the executor, as Go does since 1.18.
 */
final class TemplateBuiltins {
    private TemplateBuiltins() {
    }

    static final Set<String> NAMES = Set.of("and", "call", "html", "index", "slice", "js", "len",
            "not", "or", "print", "printf", "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne");

    static final Map<String, TemplateFunction> FUNCTIONS = new LinkedHashMap<>();

    static {
        add("not", "v", a -> !TemplateValues.truth(a.get(0)));
        add("len", "v", a -> len(a.get(0)));
        add("index", "v,...v", TemplateBuiltins::index);
        add("slice", "v,...v", TemplateBuiltins::slice);
        add("print", "...a", GoFormat::sprint);
        add("println", "...a", GoFormat::sprintln);
        add("printf", "s,...a", a -> GoFormat.sprintf((String) a.get(0), a.subList(1, a.size())));
        add("html", "...a", a -> html(evalArgs(a)));
        add("js", "...a", a -> js(evalArgs(a)));
        add("urlquery", "...a", a -> URLEncoder.encode(evalArgs(a), StandardCharsets.UTF_8));
        add("call", "v,...v", a -> {
            throw new GoPanic("non-function " + describe(a.get(0)) + " of type " + GoFormat.typeName(a.get(0)));
        });
        add("eq", "v,...v", a -> {
            if (a.size() < 2) {
                throw new GoPanic("missing argument for comparison");
            }
            for (Object other : a.subList(1, a.size())) {
                if (equal(a.get(0), other)) {
                    return true;
                }
            }
            return false;
        });
        add("ne", "v,v", a -> !equal(a.get(0), a.get(1)));
        add("lt", "v,v", a -> less(a.get(0), a.get(1)));
        add("le", "v,v", a -> less(a.get(0), a.get(1)) || equal(a.get(0), a.get(1)));
        add("gt", "v,v", a -> !(less(a.get(0), a.get(1)) || equal(a.get(0), a.get(1))));
        add("ge", "v,v", a -> !less(a.get(0), a.get(1)));
    }

    private static void add(String name, String signature, TemplateFunction.Body body) {
        FUNCTIONS.put(name, TemplateFunction.of(name, signature, body));
    }

    private enum BasicKind { INVALID, BOOL, INT, FLOAT, STRING, OTHER }

    private static BasicKind kind(Object v) {
        if (v == null || v == NO_VALUE) {
            return BasicKind.INVALID;
        }
        if (v instanceof Boolean) {
            return BasicKind.BOOL;
        }
        if (v instanceof Integer || v instanceof Long) {
            return BasicKind.INT;
        }
        if (v instanceof Double) {
            return BasicKind.FLOAT;
        }
        if (v instanceof String) {
            return BasicKind.STRING;
        }
        return BasicKind.OTHER;
    }

    private static boolean equal(Object a, Object b) {
        BasicKind ka = kind(a);
        BasicKind kb = kind(b);
        if (ka != kb) {
            if (ka != BasicKind.INVALID && kb != BasicKind.INVALID) {
                throw new GoPanic("incompatible types for comparison");
            }
            return false;
        }
        return switch (ka) {
            case INVALID -> true;
            case INT -> ((Number) a).longValue() == ((Number) b).longValue();
            case FLOAT -> ((Double) a).doubleValue() == ((Double) b).doubleValue();
            case BOOL, STRING -> a.equals(b);
            case OTHER -> {
                if (a instanceof List<?> || a instanceof Map<?, ?>) {
                    throw new GoPanic("non-comparable type " + GoFormat.value(a) + ": " + GoFormat.typeName(a));
                }
                yield a.equals(b);
            }
        };
    }

    private static boolean less(Object a, Object b) {
        BasicKind ka = kind(a);
        BasicKind kb = kind(b);
        if (ka == BasicKind.INVALID || ka == BasicKind.OTHER || ka == BasicKind.BOOL
                || kb == BasicKind.INVALID || kb == BasicKind.OTHER || kb == BasicKind.BOOL) {
            throw new GoPanic("invalid type for comparison");
        }
        if (ka != kb) {
            throw new GoPanic("incompatible types for comparison");
        }
        return switch (ka) {
            case INT -> ((Number) a).longValue() < ((Number) b).longValue();
            case FLOAT -> (Double) a < (Double) b;
            default -> compareBytes((String) a, (String) b) < 0;
        };
    }

    /** Go compares strings by their UTF-8 bytes (UTF-16 order differs beyond the BMP). */
    private static int compareBytes(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static Object len(Object v) {
        if (v instanceof String s) {
            return TemplateValues.byteLength(s);
        }
        if (v instanceof List<?> l) {
            return l.size();
        }
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        if (v == null || v == NO_VALUE) {
            throw new GoPanic("reflect: call of reflect.Value.Type on zero Value");
        }
        throw new GoPanic("len of type " + GoFormat.typeName(v));
    }

    private static Object index(List<Object> a) {
        Object item = a.get(0);
        if (item == null || item == NO_VALUE) {
            throw new GoPanic("index of untyped nil");
        }
        for (Object key : a.subList(1, a.size())) {
            if (item == null || item == NO_VALUE) {
                throw new GoPanic("index of nil pointer");
            }
            if (item instanceof List<?> || item instanceof String) {
                if (!(key instanceof Integer || key instanceof Long)) {
                    throw new GoPanic("cannot index slice/array with type " + GoFormat.typeName(key));
                }
                long i = ((Number) key).longValue();
                int size = item instanceof List<?> l ? l.size() : TemplateValues.byteLength((String) item);
                if (i < 0 || i >= size) {
                    throw new GoPanic("index out of range: " + i);
                }
                item = item instanceof List<?> l ? l.get((int) i)
                        : (((String) item).getBytes(StandardCharsets.UTF_8)[(int) i] & 0xff);
            } else if (item instanceof Map<?, ?> m) {
                if (!(key instanceof String)) {
                    throw new GoPanic("value has type " + GoFormat.typeName(key) + "; should be string");
                }
                Object v = m.get(key);
                item = v != null ? v : item instanceof TemplateValues.Dict ? null : "";
            } else {
                throw new GoPanic("can't index item of type " + GoFormat.typeName(item));
            }
        }
        return item;
    }

    private static Object slice(List<Object> a) {
        Object item = a.get(0);
        if (item == null || item == NO_VALUE) {
            throw new GoPanic("slice of untyped nil");
        }
        if (a.size() > 4) {
            throw new GoPanic("too many slice indexes: " + (a.size() - 1));
        }
        int len;
        if (item instanceof String s) {
            if (a.size() == 4) {
                throw new GoPanic("cannot 3-index slice a string");
            }
            len = TemplateValues.byteLength(s);
        } else if (item instanceof List<?> l) {
            len = l.size();
        } else {
            throw new GoPanic("can't slice item of type " + GoFormat.typeName(item));
        }
        int[] idx = {0, len, len};
        for (int i = 1; i < a.size(); i++) {
            Object k = a.get(i);
            if (!(k instanceof Integer || k instanceof Long)) {
                throw new GoPanic("cannot index slice/array with type " + GoFormat.typeName(k));
            }
            long x = ((Number) k).longValue();
            if (x < 0 || x > len) {
                throw new GoPanic("index out of range: " + x);
            }
            idx[i - 1] = (int) x;
        }
        if (idx[0] > idx[1]) {
            throw new GoPanic("invalid slice index: " + idx[0] + " > " + idx[1]);
        }
        if (item instanceof String s) {
            return TemplateValues.byteSlice(s, idx[0], idx[1]);
        }
        return new ArrayList<>(((List<?>) item).subList(idx[0], idx[1]));
    }

    /** Go's evalArgs for the escapers: one string as it is, else fmt.Sprint of all. */
    private static String evalArgs(List<Object> a) {
        if (a.size() == 1 && a.get(0) instanceof String s) {
            return s;
        }
        return GoFormat.sprint(a);
    }

    private static String html(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 0 -> b.append('\uFFFD');
                case '"' -> b.append("&#34;");
                case '\'' -> b.append("&#39;");
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String js(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '"' -> b.append("\\\"");
                case '<' -> b.append("\\u003C");
                case '>' -> b.append("\\u003E");
                case '&' -> b.append("\\u0026");
                case '=' -> b.append("\\u003D");
                default -> {
                    if (c < ' ' || (c >= 0x7f && !Character.isLetterOrDigit(c) && Character.isISOControl(c))) {
                        b.append(String.format("\\u%04X", c));
                    } else {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }

    private static String describe(Object v) {
        return v == NO_VALUE ? "<no value>" : GoFormat.value(v);
    }
}
