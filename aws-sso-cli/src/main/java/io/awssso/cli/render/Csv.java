package io.awssso.cli.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows as {@code aws-sso list --csv} prints them: cells joined by commas, one row per line, with
 * no header row and no quoting. That is the reference tool's format, which shell completion
 * scripts parse ({@code list --csv -P Profile=<word> Profile}); a cell holding a comma is printed
 * as it is, so ask only for fields that cannot hold one when a script splits the lines.
 */
public final class Csv {
    private Csv() {}

    /** One line per row. */
    public static List<String> lines(List<List<String>> rows) {
        List<String> out = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            out.add(String.join(",", row));
        }
        return out;
    }
}
