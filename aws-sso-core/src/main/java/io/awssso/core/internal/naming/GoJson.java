package io.awssso.core.internal.naming;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.awssso.api.internal.text.JsonStrings;
import io.awssso.core.internal.naming.TemplateValues.Dict;
import io.awssso.core.internal.naming.TemplateValues.GoPanic;
import io.awssso.core.internal.naming.TemplateValues.Struct;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Go's {@code encoding/json} as sprig's {@code toJson} family and {@code fromJson} use it. */
final class GoJson {
    private GoJson() {
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    /**
     * json.Marshal (or MarshalIndent with two spaces).
     *
     * @param escapeHtml {@code <}, {@code >} and {@code &} as {@code \u003c} etc. (all but toRawJson)
     */
    static String encode(Object v, boolean escapeHtml, boolean pretty) {
        StringBuilder b = new StringBuilder();
        write(b, v, escapeHtml, pretty ? "" : null);
        return b.toString();
    }

    private static void write(StringBuilder b, Object v, boolean html, String indent) {
        if (v == null || v == TemplateValues.NO_VALUE) {
            b.append("null");
        } else if (v instanceof String s) {
            string(b, s, html);
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            b.append(v);
        } else if (v instanceof Double d) {
            b.append(number(d));
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                b.append("[]");
                return;
            }
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                b.append(i > 0 ? "," : "");
                newline(b, indent, 1);
                write(b, l.get(i), html, indent == null ? null : indent + "  ");
            }
            newline(b, indent, 0);
            b.append(']');
        } else if (v instanceof Struct s) {
            Map<String, Object> fields = new java.util.LinkedHashMap<>();
            s.fields().forEach((k, x) -> {
                // AWSRoleFlat's json tags: AccountIdPad and Expires are "-", ExpiresEpoch is "Expires", Via omitempty
                if (k.equals("AccountIdPad") || k.equals("Expires") || k.equals("Via") && "".equals(x)) {
                    return;
                }
                fields.put(k.equals("ExpiresEpoch") ? "Expires" : k, x);
            });
            object(b, fields, html, indent, false);
        } else if (v instanceof Map<?, ?> m) {
            object(b, m, html, indent, true);
        } else {
            string(b, v.toString(), html);
        }
    }

    private static void object(StringBuilder b, Map<?, ?> m, boolean html, String indent, boolean sort) {
        if (m.isEmpty()) {
            b.append("{}");
            return;
        }
        b.append('{');
        int i = 0;
        for (Map.Entry<?, ?> e : (sort ? new TreeMap<>(m) : m).entrySet()) {
            b.append(i++ > 0 ? "," : "");
            newline(b, indent, 1);
            string(b, e.getKey().toString(), html);
            b.append(indent == null ? ":" : ": ");
            write(b, e.getValue(), html, indent == null ? null : indent + "  ");
        }
        newline(b, indent, 0);
        b.append('}');
    }

    private static void newline(StringBuilder b, String indent, int deeper) {
        if (indent != null) {
            b.append('\n').append(indent).append("  ".repeat(deeper));
        }
    }

    private static void string(StringBuilder b, String s, boolean html) {
        JsonStrings.append(b, s, html, false);
    }

    /** encoding/json's float64: plain between 1e-6 and 1e21, else exponent without padding. */
    private static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "";
        }
        double abs = Math.abs(d);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            String e = GoFormat.formatG(d, -1, false);
            if (!e.contains("e")) {
                e = String.format(java.util.Locale.ROOT, "%e", d);
            }
            return e.replace("e-0", "e-").replace("e+0", "e+");
        }
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    /** json.Unmarshal into interface{}: objects, arrays, strings, float64 numbers, bools, nil. */
    static Object decode(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new GoPanic("unexpected end of JSON input");
            }
            Object v = read(p, t);
            if (p.nextToken() != null) {
                throw new GoPanic("invalid character after top-level value");
            }
            return v;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new GoPanic(e.getOriginalMessage());
        } catch (IOException e) {
            throw new GoPanic(String.valueOf(e.getMessage()));
        }
    }

    private static Object read(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case START_OBJECT -> {
                Dict d = new Dict();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    d.put(name, read(p, p.nextToken()));
                }
                yield d;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                for (JsonToken x = p.nextToken(); x != JsonToken.END_ARRAY; x = p.nextToken()) {
                    l.add(read(p, x));
                }
                yield l;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            default -> null;
        };
    }
}
