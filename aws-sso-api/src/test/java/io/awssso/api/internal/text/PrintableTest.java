package io.awssso.api.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void escape_everyKindOfControl_isShownAsAVisibleEscape() {
        assertThat(Printable.escape("\u0000\t\r\n\u001b[31m\u007f\u0085\u009b\u200f\u2028\u202e\u2066"))
                .isEqualTo("\\x00\\t\\r\\n\\e[31m\\x7F\\u{0085}\\u{009B}\\u{200F}\\u{2028}\\u{202E}\\u{2066}");
    }

    @Test
    void escape_printableUnicodeAndBackslash_stayAsTheyAre() {
        String s = "Ünïcödé \uD83D\uDE80 C:\\path ‘quoted’ \"x\"";

        assertThat(Printable.escape(s)).isSameAs(s);
    }

    @Test
    void escape_unpairedSurrogate_isEscaped() {
        assertThat(Printable.escape("a\uD800b")).isEqualTo("a\\u{D800}b");
    }

    @Test
    void escapeKeepingLines_multiLineMessage_keepsLineFeedsEscapesTheRest() {
        assertThat(Printable.escapeKeepingLines("first \u001b[2J\nsecond\r\n")).isEqualTo("first \\e[2J\nsecond\\r\n");
        assertThat(Printable.escapeKeepingLines("plain\ntext")).isEqualTo("plain\ntext");
    }
}
