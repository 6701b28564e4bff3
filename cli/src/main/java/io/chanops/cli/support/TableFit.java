package io.chanops.cli.support;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits a table's columns into a terminal's width. Long text columns are shortened first, the widest first, down to
 * {@link #MIN_TEXT} columns each; cells of a shortened column end in {@code …}. Identifiers, numbers, dates and amounts
 * are never cut: when the table still does not fit, whole columns are left out, those the listing names as the first
 * to go ({@link Listing#hideFirst}) and then from the right, never the first column. Pure: widths in, widths out.
 */
public final class TableFit {
    /** The narrowest a shortened text column gets, ellipsis included. */
    static final int MIN_TEXT = 8;
    /** Between two columns. */
    static final int GAP = 2;
    /** The sign of a shortened cell. */
    public static final String ELLIPSIS = "…";

    /** The width of every column ({@code 0} for a column left out). */
    public record Layout(int[] widths) {
        public boolean shown(int column) {
            return widths[column] > 0;
        }

        public List<Integer> hidden() {
            List<Integer> hidden = new ArrayList<>();
            for (int c = 0; c < widths.length; c++) {
                if (widths[c] == 0) {
                    hidden.add(c);
                }
            }
            return hidden;
        }
    }

    private TableFit() {}

    /**
     * The layout of columns {@code natural} wide (the widest cell or header) in {@code width} terminal columns;
     * {@code cuttable[c]} says whether column {@code c} is free text that may be shortened; {@code hideOrder} lists the
     * columns to leave out first when cutting text is not enough.
     */
    public static Layout fit(int[] natural, boolean[] cuttable, List<Integer> hideOrder, int width) {
        return fit(natural, new int[natural.length], cuttable, hideOrder, width);
    }

    /** As above; no text column is cut below {@code floor} (its header's width, say), nor below {@link #MIN_TEXT}. */
    public static Layout fit(int[] natural, int[] floor, boolean[] cuttable, List<Integer> hideOrder, int width) {
        int n = natural.length;
        int[] least = new int[n];
        for (int c = 0; c < n; c++) {
            least[c] = Math.min(natural[c], Math.max(MIN_TEXT, floor[c]));
        }
        int[] w = natural.clone();
        int over = total(w) - width;
        // shorten text columns, widest first, one column at a time, so that the widest give up the most
        while (over > 0) {
            int widest = -1;
            for (int c = 0; c < n; c++) {
                if (cuttable[c] && w[c] > least[c] && (widest < 0 || w[c] > w[widest])) {
                    widest = c;
                }
            }
            if (widest < 0) {
                break;
            }
            int next = least[widest];
            for (int c = 0; c < n; c++) {
                if (c != widest && cuttable[c] && w[c] < w[widest]) {
                    next = Math.max(next, w[c]);
                }
            }
            int cut = Math.min(over, Math.max(1, w[widest] - next));
            w[widest] -= cut;
            over -= cut;
        }
        List<Integer> order = new ArrayList<>();
        for (int c : hideOrder) {
            if (c > 0 && c < n && !order.contains(c)) {
                order.add(c);
            }
        }
        for (int c = n - 1; c > 0; c--) {
            if (!order.contains(c)) {
                order.add(c);
            }
        }
        for (int i = 0; i < order.size() && total(w) > width; i++) {
            int c = order.get(i);
            w[c] = 0;
        }
        // text columns shortened before a column was left out get back the room it made
        int spare = width - total(w);
        for (int c = 0; c < n && spare > 0; c++) {
            if (w[c] > 0 && w[c] < natural[c]) {
                int back = Math.min(spare, natural[c] - w[c]);
                w[c] += back;
                spare -= back;
            }
        }
        return new Layout(w);
    }

    /** The width of the table's lines: the columns shown and the gaps between them. */
    static int total(int[] widths) {
        int sum = 0;
        int shown = 0;
        for (int x : widths) {
            if (x > 0) {
                sum += x;
                shown++;
            }
        }
        return sum + Math.max(0, shown - 1) * GAP;
    }

    /** {@code text} in at most {@code width} terminal columns: whole, or cut with {@link #ELLIPSIS} as its last. */
    public static String shorten(String text, int width) {
        if (DisplayWidth.of(text) <= width) {
            return text;
        }
        StringBuilder b = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int cw = DisplayWidth.of(new String(Character.toChars(cp)));
            if (used + cw > width - 1) {
                break;
            }
            b.appendCodePoint(cp);
            used += cw;
            i += Character.charCount(cp);
        }
        return b.toString().stripTrailing() + ELLIPSIS;
    }
}
