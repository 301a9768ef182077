package io.awssso.cli.render;

import io.awssso.api.internal.text.JsonStrings;
import java.util.Iterator;
import java.util.Map;

/**
 * A small JSON writer for {@code --output json}: maps (in their iteration order), lists, strings,
 * numbers, booleans and null, indented by two spaces. Output is plain text for scripts, so the
 * CLI does not load a JSON library just to print a list.
 */
public final class Json {
    /** The depth that means "no line breaks" (real depths are never negative). */
    private static final int ONE_LINE = Integer.MIN_VALUE / 2;

    private Json() {}

    /**
     * The JSON text of {@code value}, without a trailing newline.
     *
     * @param value a {@link Map} with string keys, an {@link Iterable}, a {@link CharSequence}, a
     *     {@link Number}, a {@link Boolean} or null, nested as deep as needed
     * @throws IllegalArgumentException for any other type, or a number that JSON cannot hold
     */
    public static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, 0);
        return b.toString();
    }

    /**
     * The JSON text of {@code value} on one line, for streams of one document per line (JSON
     * Lines): what {@link #write} writes, without its line breaks and indentation.
     *
     * @throws IllegalArgumentException as {@link #write} does
     */
    public static String writeLine(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, ONE_LINE);
        return b.toString();
    }

    private static void write(StringBuilder b, Object value, int depth) {
        if (value == null) {
            b.append("null");
        } else if (value instanceof CharSequence) {
            string(b, value.toString());
        } else if (value instanceof Boolean) {
            b.append(value);
        } else if (value instanceof Number) {
            number(b, (Number) value);
        } else if (value instanceof Map) {
            object(b, (Map<?, ?>) value, depth);
        } else if (value instanceof Iterable) {
            array(b, (Iterable<?>) value, depth);
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static void number(StringBuilder b, Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no " + d);
            }
        }
        b.append(n);
    }

    private static void object(StringBuilder b, Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            b.append("{}");
            return;
        }
        b.append('{');
        Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            if (!(e.getKey() instanceof CharSequence)) {
                throw new IllegalArgumentException("JSON object keys are strings, not " + e.getKey());
            }
            newline(b, depth + 1);
            string(b, e.getKey().toString());
            b.append(": ");
            write(b, e.getValue(), depth + 1);
            if (it.hasNext()) {
                b.append(',');
            }
        }
        newline(b, depth);
        b.append('}');
    }

    private static void array(StringBuilder b, Iterable<?> items, int depth) {
        Iterator<?> it = items.iterator();
        if (!it.hasNext()) {
            b.append("[]");
            return;
        }
        b.append('[');
        while (it.hasNext()) {
            newline(b, depth + 1);
            write(b, it.next(), depth + 1);
            if (it.hasNext()) {
                b.append(',');
            }
        }
        newline(b, depth);
        b.append(']');
    }

    private static void newline(StringBuilder b, int depth) {
        if (depth < 0) {
            if (b.charAt(b.length() - 1) == ',') {
                b.append(' ');
            }
            return;
        }
        b.append('\n').append("  ".repeat(depth));
    }

    private static void string(StringBuilder b, String s) {
        // terminal controls too: JSON printed on a terminal must be inert
        JsonStrings.append(b, s, false, true);
    }
}
