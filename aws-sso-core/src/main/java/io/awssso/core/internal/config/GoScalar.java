package io.awssso.core.internal.config;

import io.awssso.core.internal.config.YamlNode.Scalar;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a YAML scalar means to aws-sso-cli, and how its decoder converts it.
 *
 * <p>aws-sso-cli reads config.yaml with go-yaml v3 into untyped values, then decodes them into its
 * settings with mapstructure's weak typing. Both steps decide what a user's file means, so both are
 * reproduced here from their documented behaviour: go-yaml resolves a plain scalar to null, a
 * bool, an integer (Go's base-prefix rules, so {@code 010} is eight), a float or a string;
 * mapstructure then turns a bool into {@code "1"}/{@code "0"} where a string is wanted, a string
 * into a number with Go's {@code ParseInt(s, 0, 64)}, and so on.
 *
 * @param kind what go-yaml made of the text
 * @param text the scalar's text as written (after YAML unescaping)
 * @param integer the value of an {@link Kind#INT}, else null
 * @param number the value of a {@link Kind#FLOAT}, else NaN
 */
record GoScalar(Kind kind, String text, BigInteger integer, double number) {

    /** go-yaml's resolution of a scalar. */
    enum Kind { NULL, BOOL, INT, FLOAT, STRING }

    private static final Set<String> TRUE = Set.of("true", "True", "TRUE");
    private static final Set<String> FALSE = Set.of("false", "False", "FALSE");
    private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");
    /** go-yaml's {@code yamlStyleFloat}. */
    private static final Pattern YAML_FLOAT =
            Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final String STR_TAG = "tag:yaml.org,2002:str";

    /** Resolves {@code s} as go-yaml v3 does when decoding into an untyped value. */
    static GoScalar of(Scalar s) {
        String text = s.value();
        if (s.isNull()) {
            return new GoScalar(Kind.NULL, text, null, Double.NaN);
        }
        if (!s.plain() || STR_TAG.equals(s.tag())) {
            return string(text);
        }
        if (TRUE.contains(text) || FALSE.contains(text)) {
            return new GoScalar(Kind.BOOL, text, null, Double.NaN);
        }
        if (NULL.contains(text)) {
            return new GoScalar(Kind.NULL, text, null, Double.NaN);
        }
        switch (text) {
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
                return new GoScalar(Kind.FLOAT, text, null, Double.POSITIVE_INFINITY);
            case "-.inf", "-.Inf", "-.INF":
                return new GoScalar(Kind.FLOAT, text, null, Double.NEGATIVE_INFINITY);
            case ".nan", ".NaN", ".NAN":
                return new GoScalar(Kind.FLOAT, text, null, Double.NaN);
            default:
                break;
        }
        char first = text.charAt(0);
        if (first == '.') {
            return parseFloat(text);
        }
        if (first != '+' && first != '-' && (first < '0' || first > '9')) {
            return string(text);
        }
        String plain = text.replace("_", "");
        BigInteger i = parseGoInteger(plain, true);
        if (i != null && i.compareTo(INT64_MIN) >= 0 && i.compareTo(UINT64_MAX) <= 0) {
            return new GoScalar(Kind.INT, text, i, Double.NaN);
        }
        if (YAML_FLOAT.matcher(plain).matches()) {
            return parseFloat(plain);
        }
        return string(text);
    }

    private static GoScalar string(String text) {
        return new GoScalar(Kind.STRING, text, null, Double.NaN);
    }

    private static GoScalar parseFloat(String text) {
        try {
            return new GoScalar(Kind.FLOAT, text, null, Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return string(text);
        }
    }

    /**
     * Go's {@code strconv.ParseInt(s, 0, ...)} without the range check: an optional sign, then
     * {@code 0x}, {@code 0o}, {@code 0b} or a leading {@code 0} (octal) choose the base.
     *
     * @param underscores whether {@code _} between digits is allowed (Go's literal syntax)
     * @return the value, or null when the text is not such a number
     */
    static BigInteger parseGoInteger(String s, boolean underscores) {
        if (s.isEmpty()) {
            return null;
        }
        boolean negative = s.charAt(0) == '-';
        String body = s.charAt(0) == '-' || s.charAt(0) == '+' ? s.substring(1) : s;
        int radix = 10;
        String lower = body.toLowerCase(Locale.ROOT);
        if (lower.startsWith("0x")) {
            radix = 16;
            body = body.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            body = body.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            body = body.substring(2);
        } else if (body.length() > 1 && body.charAt(0) == '0') {
            radix = 8;
            body = body.substring(1);
        }
        if (underscores) {
            body = body.replace("_", "");
        }
        if (body.isEmpty()) {
            return null;
        }
        for (int k = 0; k < body.length(); k++) {
            if (Character.digit(body.charAt(k), radix) < 0 || body.charAt(k) > 'z') {
                return null;
            }
        }
        BigInteger value = new BigInteger(body, radix);
        return negative ? value.negate() : value;
    }

    /** Whether this is an octal number written the YAML 1.1 way ({@code 0777}). */
    boolean isLegacyOctal() {
        String t = text.replace("_", "");
        String body = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
        return kind == Kind.INT && body.length() > 1 && body.charAt(0) == '0'
                && Character.isDigit(body.charAt(1));
    }

    /**
     * mapstructure's weak conversion to a string: bools become {@code "1"}/{@code "0"}, numbers
     * their decimal form; null is {@code null} (the key keeps its default).
     */
    String weakString() {
        return switch (kind) {
            case NULL -> null;
            case BOOL -> TRUE.contains(text) ? "1" : "0";
            case INT -> integer.toString();
            case FLOAT -> formatFloat(number);
            case STRING -> text;
        };
    }

    /** Go's {@code strconv.FormatFloat(f, 'f', -1, 64)}. */
    static String formatFloat(double f) {
        if (Double.isNaN(f)) {
            return "NaN";
        }
        if (Double.isInfinite(f)) {
            return f > 0 ? "+Inf" : "-Inf";
        }
        if (f == 0) {
            return 1 / f < 0 ? "-0" : "0";
        }
        return new BigDecimal(Double.toString(f)).stripTrailingZeros().toPlainString();
    }
}
