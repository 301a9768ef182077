package io.awssso.cli.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table as {@code aws-sso list} prints it: every column padded to its widest cell,
 * cells joined by {@code " | "}, the header row underlined with {@code =} across its full width.
 * No line ends in spaces: the last column is not padded, and an empty last cell leaves the line
 * ending in {@code " |"}.
 */
public final class Table {
    private static final String SEPARATOR = " | ";

    private Table() {}

    /**
     * The lines of the table: header, underline, then one line per row. Cells are
     * {@linkplain Visible#escape escaped}, so none holds a line break or a terminal control.
     *
     * @param header the column names
     * @param givenRows the cells, each row as long as the header
     * @throws IllegalArgumentException when a row has a different number of cells than the header
     */
    public static List<String> lines(List<String> header, List<List<String>> givenRows) {
        List<List<String>> rows = givenRows.stream().map(Table::visible).toList();
        header = visible(header);
        int[] widths = new int[header.size()];
        measure(widths, header);
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells, the header "
                        + header.size());
            }
            measure(widths, row);
        }
        List<String> out = new ArrayList<>(rows.size() + 2);
        String head = line(widths, header);
        out.add(head);
        out.add("=".repeat(underlineWidth(widths)));
        for (List<String> row : rows) {
            out.add(line(widths, row));
        }
        return out;
    }

    private static List<String> visible(List<String> cells) {
        return cells.stream().map(Visible::escape).toList();
    }

    private static void measure(int[] widths, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            widths[i] = Math.max(widths[i], width(cells.get(i)));
        }
    }

    /** The full width of a padded row, so the underline spans the widest line. */
    private static int underlineWidth(int[] widths) {
        int total = 0;
        for (int w : widths) {
            total += w;
        }
        return total + SEPARATOR.length() * Math.max(0, widths.length - 1);
    }

    private static String line(int[] widths, List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (i > 0) {
                b.append(SEPARATOR);
            }
            b.append(cell);
            if (i < cells.size() - 1) {
                b.append(" ".repeat(widths[i] - width(cell)));
            }
        }
        return b.toString().stripTrailing();
    }

    /** Width in code points: account names and tags may hold characters outside the BMP. */
    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
