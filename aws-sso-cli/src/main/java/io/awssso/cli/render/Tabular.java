package io.awssso.cli.render;

import io.awssso.cli.options.OutputFormat.Format;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a listing (column names and rows of text cells) in the format chosen with
 * {@code --output}: a {@link Table}, {@link Csv} lines, or a JSON array with one object per row,
 * keyed by column name in column order. Every cell is a JSON string (account ids keep their
 * leading zeros); cells lose their leading and trailing spaces in JSON, where the table's alignment
 * spaces mean nothing, and nothing else: a line break or other blank at either end of a name from
 * AWS is part of the name.
 */
public final class Tabular {
    private Tabular() {}

    /**
     * Prints the listing to {@code out}.
     *
     * @param out the data stream
     * @param format the format
     * @param columns the column names (the table's header, the JSON keys; not printed in CSV)
     * @param rows the cells of each row, in column order
     */
    public static void print(PrintWriter out, Format format, List<String> columns, List<List<String>> rows) {
        switch (format) {
            case TABLE -> Table.lines(columns, rows).forEach(out::println);
            case CSV -> Csv.lines(rows).forEach(out::println);
            case JSON -> out.println(Json.write(objects(columns, rows)));
            default -> throw new IllegalStateException("unknown format " + format);
        }
        out.flush();
    }

    private static String trimSpaces(String cell) {
        int start = 0;
        int end = cell.length();
        while (start < end && cell.charAt(start) == ' ') {
            start++;
        }
        while (end > start && cell.charAt(end - 1) == ' ') {
            end--;
        }
        return cell.substring(start, end);
    }

    /** The rows as JSON objects, keyed by column name. */
    public static List<Map<String, Object>> objects(List<String> columns, List<List<String>> rows) {
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            Map<String, Object> o = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                o.put(columns.get(i), trimSpaces(row.get(i)));
            }
            out.add(o);
        }
        return out;
    }
}
