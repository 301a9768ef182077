package io.awssso.core.internal.naming;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How Go values are held here, and Go's rules over them (truth, sprig's {@code empty} and
 * {@code strval}). See {@link GoFormat} for the Java type of each Go type.
 */
final class TemplateValues {
    private TemplateValues() {
    }

    /**
     * Go's invalid {@code reflect.Value}: a missing map key read as a field ({@code .Tags.Nope}),
     * or a nil interface a function returned. It prints as {@code <no value>}.
     */
    static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "<no value>";
        }
    };

    /**
     * A Go struct: named fields, in declaration order; reading an unknown field is an error.
     *
     * @param typeName the Go type in messages ({@code *roles.AWSRoleFlat})
     */
    record Struct(String typeName, Map<String, Object> fields) {
    }

    /** A {@code map[string]interface{}} (sprig's {@code dict}); other maps are {@code map[string]string}. */
    static final class Dict extends TreeMap<String, Object> {
        private static final long serialVersionUID = 1L;

        Dict() {
        }

        Dict(Map<String, Object> m) {
            super(m);
        }
    }

    /** The role's data in the shape of aws-sso-cli's {@code AWSRoleFlat}. */
    static Struct roleData(Map<String, Object> variables) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String name : ProfileVariables.NAMES) {
            Object v = variables.get(name);
            if (name.equals("Id") && v instanceof Number n) {
                v = n.intValue(); // Go int
            } else if (v instanceof Integer i) {
                v = i.longValue(); // AccountId, ExpiresEpoch: Go int64
            }
            fields.put(name, v == null ? "" : v);
        }
        return new Struct("*roles.AWSRoleFlat", fields);
    }

    /** Go's {@code isTrue}: false for zero values, empty strings and collections, nil. */
    static boolean truth(Object v) {
        if (v == null || v == NO_VALUE) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Double d) {
            return d != 0;
        }
        if (v instanceof Number n) {
            return n.longValue() != 0;
        }
        if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /** sprig's {@code empty}. */
    static boolean empty(Object v) {
        return !truth(v);
    }

    /** sprig's {@code strval}: strings as they are, anything else as {@code %v}. */
    static String strval(Object v) {
        return v instanceof String s ? s : GoFormat.value(v == NO_VALUE ? null : v);
    }

    /** A Go {@code string}'s length: its UTF-8 bytes. */
    static int byteLength(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** {@code s[from:to]} on the UTF-8 bytes, as Go slices strings. */
    static String byteSlice(String s, int from, int to) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (from < 0 || to > b.length || from > to) {
            throw new GoPanic("runtime error: slice bounds out of range "
                    + (to > b.length ? "[:" + to + "] with length " + b.length : "[" + from + ":" + to + "]"));
        }
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** A Go runtime panic or a function's error: "error calling f: ..." in the template's message. */
    static final class GoPanic extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GoPanic(String message) {
            super(message, null, false, false);
        }
    }

    /** Lists as Go's reflection sees a slice, or null when {@code v} is not one. */
    static List<?> asList(Object v) {
        return v instanceof List<?> l ? l : null;
    }
}
