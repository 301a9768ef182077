package io.awssso.api.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonStringsTest {
    private static String append(String s, boolean html, boolean terminal) {
        StringBuilder b = new StringBuilder();
        JsonStrings.append(b, s, html, terminal);
        return b.toString();
    }

    @Test
    void quote_quotesBackslashesAndControls_asGoWritesThem() {
        assertThat(JsonStrings.quote("a\"b\\c\nd\re\tf\u0001g\b\f\u001fh\u2028i\u2029"))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u0008\\u000c\\u001fh\\u2028i\\u2029\"");
    }

    @Test
    void quote_htmlAndTerminalCharacters_stayAsTheyAre() {
        assertThat(JsonStrings.quote("<a&b> \u009b \u202e é \uD83D\uDE80"))
                .isEqualTo("\"<a&b> \u009b \u202e é \uD83D\uDE80\"");
    }

    @Test
    void append_escapeHtml_escapesAngleBracketsAndAmpersand() {
        assertThat(append("<a&b>", true, false)).isEqualTo("\"\\u003ca\\u0026b\\u003e\"");
    }

    @Test
    void append_escapeTerminalControls_escapesC1BidiAndLoneSurrogates_keepsPairs() {
        assertThat(append("\u007f\u009b\u202e\uD800x\uD83D\uDE80", false, true))
                .isEqualTo("\"\\u007f\\u009b\\u202e\\ud800x\uD83D\uDE80\"");
    }

    @Test
    void quote_anyText_readsBackAsTheSameString() {
        Random r = new Random(7);
        for (int n = 0; n < 2000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = r.nextInt(12); i > 0; i--) {
                s.append((char) (r.nextBoolean() ? r.nextInt(0x80) : r.nextInt(0x10000)));
            }
            assertThat(unquote(JsonStrings.quote(s.toString()))).isEqualTo(s.toString());
            assertThat(unquote(append(s.toString(), true, true))).isEqualTo(s.toString());
        }
    }

    /** A strict reader of what a JSON string literal may hold, to check the writer against. */
    private static String unquote(String literal) {
        assertThat(literal).startsWith("\"").endsWith("\"");
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            assertThat(c).as("raw control or quote in %s", literal).isGreaterThanOrEqualTo(' ').isNotEqualTo('"');
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = literal.charAt(++i);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new AssertionError("bad escape \\" + e + " in " + literal);
            }
        }
        return out.toString();
    }
}
