package io.awssso.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.options.OutputFormat.Format;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TabularTest {
    private static final List<String> COLUMNS = List.of("AccountIdPad", "Expires");
    private static final List<List<String>> ROWS = List.of(List.of("000000000042", " 1h 5m"), List.of("012345678901", ""));

    private static String print(Format format) {
        StringWriter text = new StringWriter();
        Tabular.print(new PrintWriter(text), format, COLUMNS, ROWS);
        return text.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void print_table_hasHeaderUnderlineAndRows() {
        assertThat(print(Format.TABLE)).isEqualTo("AccountIdPad | Expires\n"
                + "======================\n"
                + "000000000042 |  1h 5m\n"
                + "012345678901 |\n");
    }

    @Test
    void print_csv_hasRowsOnly() {
        assertThat(print(Format.CSV)).isEqualTo("000000000042, 1h 5m\n012345678901,\n");
    }

    @Test
    void print_json_isAnArrayOfObjectsKeyedByColumnWithTrimmedStrings() {
        assertThat(print(Format.JSON)).isEqualTo("[\n"
                + "  {\n    \"AccountIdPad\": \"000000000042\",\n    \"Expires\": \"1h 5m\"\n  },\n"
                + "  {\n    \"AccountIdPad\": \"012345678901\",\n    \"Expires\": \"\"\n  }\n"
                + "]\n");
    }

    @Test
    void objects_lineBreakOrOtherBlankAtTheEndOfAName_isKeptOnlySpacesGo() {
        assertThat(Tabular.objects(java.util.List.of("Name"), java.util.List.of(java.util.List.of(" x\n\u2029 "))))
                .containsExactly(java.util.Map.of("Name", "x\n\u2029"));
    }
}
