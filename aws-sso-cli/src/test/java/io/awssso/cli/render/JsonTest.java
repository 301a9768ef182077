package io.awssso.cli.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void write_nestedValues_areIndentedInMapOrder() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("SSO", "Default");
        o.put("Added", List.of("arn:aws:iam::012345678901:role/A"));
        o.put("Deleted", List.of());
        o.put("Roles", 3);
        o.put("Ok", true);
        o.put("Tags", Map.of());
        o.put("Missing", null);

        assertThat(Json.write(o)).isEqualTo("{\n"
                + "  \"SSO\": \"Default\",\n"
                + "  \"Added\": [\n"
                + "    \"arn:aws:iam::012345678901:role/A\"\n"
                + "  ],\n"
                + "  \"Deleted\": [],\n"
                + "  \"Roles\": 3,\n"
                + "  \"Ok\": true,\n"
                + "  \"Tags\": {},\n"
                + "  \"Missing\": null\n"
                + "}");
    }

    @Test
    void write_stringsWithSpecialCharacters_areEscaped() {
        assertThat(Json.write("a\"b\\c\nd\te\u0001f\u2028"))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001f\\u2028\"");
    }

    @Test
    void write_c1AndBidiControls_areEscapedSoJsonOnATerminalIsInert() {
        assertThat(Json.write("a\u009b31m\u202eb\u007f\uD83D\uDE80\uD800"))
                .isEqualTo("\"a\\u009b31m\\u202eb\\u007f\uD83D\uDE80\\ud800\"");
    }

    @Test
    void write_nonAsciiText_isKeptAsIs() {
        assertThat(Json.write("Zürich \uD83D\uDE80")).isEqualTo("\"Zürich \uD83D\uDE80\"");
    }

    @Test
    void write_accountIdAsString_keepsLeadingZeros() {
        assertThat(Json.write(Arrays.asList("000000000042", 42L))).isEqualTo("[\n  \"000000000042\",\n  42\n]");
    }

    @Test
    void write_unsupportedValues_areRejected() {
        assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(Map.of(1, "x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writeLine_sameDocumentOnOneLine_escapesKept() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("profile", "prod:ReadOnly");
        o.put("stdout", "a \"quoted\"\nline\n");
        o.put("exitCode", 0);
        o.put("list", List.of(1, 2));
        o.put("empty", Map.of());
        o.put("error", null);

        assertThat(Json.writeLine(o)).isEqualTo("{\"profile\": \"prod:ReadOnly\", \"stdout\": \"a \\\"quoted\\\"\\nline\\n\","
                + " \"exitCode\": 0, \"list\": [1, 2], \"empty\": {}, \"error\": null}");
        assertThat(Json.write(o)).contains("\n  \"stdout\"");
    }
}
