package io.awssso.cli.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows as {@code aws-sso list --csv} prints them: cells joined by commas, one row per line, no
 * header row. A cell holding a comma or a double quote is quoted as RFC 4180 says (in double
 * quotes, each {@code "} doubled); line breaks and other control characters never appear raw but
 * {@linkplain Visible#escape escaped}, so every row is exactly one line. aws-sso-cli prints
 * cells as they are, where a comma or a line break in an account name shifts columns or makes a
 * fake row.
 */
public final class Csv {
    private Csv() {}

    /** One line per row. */
    public static List<String> lines(List<List<String>> rows) {
        List<String> out = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(field(row.get(i)));
            }
            out.add(b.toString());
        }
        return out;
    }

    /** One field: escaped, then quoted when it holds a comma or a double quote. */
    static String field(String cell) {
        String visible = Visible.escape(cell);
        if (visible.indexOf(',') < 0 && visible.indexOf('"') < 0) {
            return visible;
        }
        return '"' + visible.replace("\"", "\"\"") + '"';
    }
}
