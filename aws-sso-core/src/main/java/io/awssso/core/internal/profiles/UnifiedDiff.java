package io.awssso.core.internal.profiles;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts (the {@code diff -u} format, three lines of context), for showing
 * what {@code setup profiles} would change. Lines are compared after a common head and tail are
 * set aside, which leaves only the managed block; that part is matched by longest common
 * subsequence when small enough, else shown as replaced outright.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;
    /** Cells of the LCS table beyond which the changed part is shown as removed and added whole. */
    private static final long MAX_CELLS = 4_000_000L;

    private UnifiedDiff() {
    }

    private record Op(char kind, int aLine, int bLine, String text, boolean noNewline) {
    }

    /**
     * The diff, or an empty string when the texts are equal.
     *
     * @param oldLabel the name after {@code ---}
     * @param newLabel the name after {@code +++}
     */
    public static String diff(String oldText, String newText, String oldLabel, String newLabel) {
        if (oldText.equals(newText)) {
            return "";
        }
        boolean aOpenEnd = !oldText.isEmpty() && !oldText.endsWith("\n");
        boolean bOpenEnd = !newText.isEmpty() && !newText.endsWith("\n");
        // a last line without a newline differs from the same text with one: compare keys that say so
        List<String> a = keys(lines(oldText), aOpenEnd);
        List<String> b = keys(lines(newText), bOpenEnd);
        int n = a.size();
        int m = b.size();
        int head = 0;
        while (head < n && head < m && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < n - head && tail < m - head && a.get(n - 1 - tail).equals(b.get(m - 1 - tail))) {
            tail++;
        }
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            ops.add(new Op(' ', i, i, a.get(i), false));
        }
        middle(a, b, head, n - tail, head, m - tail, ops);
        for (int k = tail; k > 0; k--) {
            ops.add(new Op(' ', n - k, m - k, a.get(n - k), false));
        }
        // mark the lines that end their text without a newline
        List<Op> marked = new ArrayList<>(ops.size());
        for (Op o : ops) {
            boolean lastA = o.kind() != '+' && o.aLine() == n - 1 && aOpenEnd;
            boolean lastB = o.kind() != '-' && o.bLine() == m - 1 && bOpenEnd;
            marked.add(new Op(o.kind(), o.aLine(), o.bLine(), strip(o.text()), lastA || lastB));
        }
        return render(marked, oldLabel, newLabel);
    }

    private static void middle(List<String> a, List<String> b, int a0, int a1, int b0, int b1, List<Op> ops) {
        int n = a1 - a0;
        int m = b1 - b0;
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            for (int i = a0; i < a1; i++) {
                ops.add(new Op('-', i, b0, a.get(i), false));
            }
            for (int j = b0; j < b1; j++) {
                ops.add(new Op('+', a1, j, b.get(j), false));
            }
            return;
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(a0 + i).equals(b.get(b0 + j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(a0 + i).equals(b.get(b0 + j))) {
                ops.add(new Op(' ', a0 + i, b0 + j, a.get(a0 + i), false));
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                // removals before additions, as diff -u shows a replaced line
                ops.add(new Op('-', a0 + i, b0 + j, a.get(a0 + i), false));
                i++;
            } else {
                ops.add(new Op('+', a0 + i, b0 + j, b.get(b0 + j), false));
                j++;
            }
        }
    }

    private static String render(List<Op> ops, String oldLabel, String newLabel) {
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(oldLabel).append('\n').append("+++ ").append(newLabel).append('\n');
        int k = 0;
        while (k < ops.size()) {
            while (k < ops.size() && ops.get(k).kind() == ' ') {
                k++;
            }
            if (k == ops.size()) {
                break;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            // extend while the next change is within two contexts of this one
            int last = k;
            for (int x = k; x < ops.size(); x++) {
                if (ops.get(x).kind() != ' ') {
                    if (x - last > 2 * CONTEXT) {
                        break;
                    }
                    last = x;
                }
            }
            end = Math.min(ops.size(), last + CONTEXT + 1);
            int aStart = -1;
            int bStart = -1;
            int aCount = 0;
            int bCount = 0;
            for (int x = start; x < end; x++) {
                Op o = ops.get(x);
                if (o.kind() != '+') {
                    aStart = aStart < 0 ? o.aLine() : aStart;
                    aCount++;
                }
                if (o.kind() != '-') {
                    bStart = bStart < 0 ? o.bLine() : bStart;
                    bCount++;
                }
            }
            Op first = ops.get(start);
            out.append("@@ -").append(range(aStart < 0 ? first.aLine() : aStart, aCount))
                    .append(" +").append(range(bStart < 0 ? first.bLine() : bStart, bCount)).append(" @@\n");
            for (int x = start; x < end; x++) {
                Op o = ops.get(x);
                out.append(o.kind()).append(o.text()).append('\n');
                if (o.noNewline()) {
                    out.append("\\ No newline at end of file\n");
                }
            }
            k = end;
        }
        return out.toString();
    }

    /** {@code start,count} with 1-based start, as diff -u writes it (an empty range names the line before). */
    private static String range(int zeroBasedStart, int count) {
        if (count == 0) {
            return zeroBasedStart + ",0";
        }
        return count == 1 ? Integer.toString(zeroBasedStart + 1) : (zeroBasedStart + 1) + "," + count;
    }

    private static final String OPEN_END = "\u0000no-newline";

    private static List<String> keys(List<String> lines, boolean openEnd) {
        if (openEnd && !lines.isEmpty()) {
            lines.set(lines.size() - 1, lines.get(lines.size() - 1) + OPEN_END);
        }
        return lines;
    }

    private static String strip(String key) {
        return key.endsWith(OPEN_END) ? key.substring(0, key.length() - OPEN_END.length()) : key;
    }

    /** Lines without terminators ({@code \r} of CRLF dropped). */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                int e = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                out.add(text.substring(start, e));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }
}
