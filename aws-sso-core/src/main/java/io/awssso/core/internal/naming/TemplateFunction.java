package io.awssso.core.internal.naming;

import java.util.List;

/**
 * A function a template can call, with its Go signature: the executor checks and converts
 * arguments against it exactly as Go's {@code text/template} does against a Go function's
 * parameter types ({@code wrong type for value; expected string; got int64}, {@code wrong number
 * of args for trunc: want 2 got 1}).
 *
 * @param name the name templates call it by
 * @param params the fixed parameters' kinds
 * @param variadic the kind of the trailing {@code ...} parameter, or {@code null}
 * @param body the function over converted arguments (the variadic ones last, flattened)
 */
record TemplateFunction(String name, List<Kind> params, Kind variadic, Body body) {

    /** Go parameter types, as far as template functions use them. */
    enum Kind {
        STRING("string"), INT("int"), INT64("int64"), FLOAT("float64"), BOOL("bool"),
        ANY("interface {}"), DICT("map[string]interface {}"), STRINGS("[]string"),
        /** Go's built-ins take {@code reflect.Value}: a missing value reaches them as it is. */
        VALUE("reflect.Value");

        final String goName;

        Kind(String goName) {
            this.goName = goName;
        }
    }

    /** The function's body; may throw {@link TemplateValues.GoPanic} for Go's errors and panics. */
    @FunctionalInterface
    interface Body {
        Object apply(List<Object> args);
    }

    /**
     * Parses a compact signature: {@code "s,i"}, {@code "a,...a"} (s string, i int, I int64,
     * f float64, b bool, a interface{}, d map[string]interface{}, l []string, v reflect.Value).
     */
    static TemplateFunction of(String name, String signature, Body body) {
        List<Kind> params = new java.util.ArrayList<>();
        Kind variadic = null;
        if (!signature.isEmpty()) {
            for (String p : signature.split(",")) {
                if (p.startsWith("...")) {
                    variadic = kind(p.charAt(3));
                } else {
                    params.add(kind(p.charAt(0)));
                }
            }
        }
        return new TemplateFunction(name, List.copyOf(params), variadic, body);
    }

    private static Kind kind(char c) {
        return switch (c) {
            case 's' -> Kind.STRING;
            case 'i' -> Kind.INT;
            case 'I' -> Kind.INT64;
            case 'f' -> Kind.FLOAT;
            case 'b' -> Kind.BOOL;
            case 'a' -> Kind.ANY;
            case 'd' -> Kind.DICT;
            case 'l' -> Kind.STRINGS;
            case 'v' -> Kind.VALUE;
            default -> throw new IllegalArgumentException("unknown parameter kind " + c);
        };
    }
}
