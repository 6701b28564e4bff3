package io.chanops.reconcile.boss;

import io.chanops.ledger.Problem;
import io.chanops.ledger.csv.ByteCsv;
import io.chanops.ledger.csv.Cells;
import io.chanops.ledger.money.Fen;
import io.chanops.ledger.text.Named;
import io.chanops.reconcile.platform.Problems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The total rows of a BOSS export (a report's {@code 合计} line, its {@code 小计} lines): a row whose first cell is one
 * of the profile's {@code total.label}s is left out of the BOSS rows. Each total's amount is held against the rows
 * read: it must be the sum of a run of rows ending just above it and starting at the file's first row or just below an
 * earlier total row (a grand total, a subtotal of its group, a total of nested subtotals' groups), the sum of a run of
 * rows starting just below it and ending at the file's last row or just above a later total row (a subtotal printed
 * above its group), or the sum of all the file's rows. A total that is none of these means rows are missing (an export
 * cut short) or added, and is warned of. A profile without total labels gets a hint when a row it rejects starts with a
 * label exports commonly use.
 */
final class TotalRows {
    /** Labels that start a total row in the exports seen; named by the hint only, never left out unless configured. */
    static final List<String> COMMON = List.of("合计", "总计", "小计", "合 计", "总 计", "Total", "TOTAL", "Sum");

    /** A total row: its line, its amount cell as written, and how many BOSS rows above it sum to how much. */
    record Found(long line, String amount, int rowsAbove, long fenAbove) {}

    /** Disagreeing total rows warned of one by one; the rest are counted in one more warning. */
    static final int WARNED_ONE_BY_ONE = 5;

    private final ByteCsv csv;
    private final BossProfile profile;
    private final int amountColumn;
    private final Set<String> labels;
    private final int longestLabel;
    private final List<Found> found = new ArrayList<>();
    private boolean hinted;

    TotalRows(ByteCsv csv, BossProfile profile, int amountColumn) {
        this.csv = csv;
        this.profile = profile;
        this.amountColumn = amountColumn;
        this.labels = Set.copyOf(profile.totalLabels());
        this.longestLabel = profile.totalLabels().stream()
                .mapToInt(l -> l.getBytes(csv.byteCharset()).length)
                .max()
                .orElse(0);
    }

    /**
     * Whether the current record is a total row, kept aside with the rows read so far (decoded only when its first cell
     * is short enough).
     */
    boolean leftOut(BossTable rowsSoFar) {
        if (labels.isEmpty() || csv.to(0) - csv.from(0) > longestLabel || !labels.contains(csv.get(0))) {
            return false;
        }
        found.add(new Found(csv.line(), csv.get(amountColumn), rowsSoFar.size(), rowsSoFar.totalFen()));
        return true;
    }

    /** How many total rows were left out. */
    int count() {
        return found.size();
    }

    /**
     * After the problems of the current record (those since there were {@code before}): when it starts with a label
     * exports commonly give a total row, and the profile does not leave such rows out, one problem that says how to
     * takes the place of the record's (once per file; its columns' problems only say it is not a BOSS row).
     */
    void hintIfUnmapped(Problems problems, long before) {
        if (hinted) {
            return;
        }
        String first = csv.get(0);
        if (COMMON.contains(first) && !labels.contains(first)) {
            hinted = true;
            problems.replaceSince(
                    before,
                    csv.problem(
                            0,
                            "'" + first + "' starts a total row, not a BOSS row: add total.label=" + first
                                    + " to the profile to leave such rows out"));
        }
    }

    /**
     * Warns of each total row whose amount is not the sum of a run of rows ending above it (from the first row or from
     * below an earlier total row), nor of a run starting below it (to the last row or to above a later total row), nor
     * of all the file's rows. A total without a readable amount is not compared.
     */
    void checkAgainst(BossTable table, Consumer<String> warn) {
        List<Found> disagreeing = new ArrayList<>();
        Set<Long> runStarts = new HashSet<>(); // the sums above the first row and above each earlier total row
        runStarts.add(0L);
        Map<Long, Integer> lastTotalAbove = lastTotalAbove();
        for (int i = 0; i < found.size(); i++) {
            Found total = found.get(i);
            Optional<Long> stated = amountOf(total.amount());
            boolean agrees = stated.isEmpty()
                    || stated.get() == table.totalFen()
                    || runStarts.contains(total.fenAbove() - stated.get())
                    || total.fenAbove() + stated.get() == table.totalFen()
                    || lastTotalAbove.getOrDefault(total.fenAbove() + stated.get(), -1) > i;
            if (!agrees) {
                disagreeing.add(total);
                if (disagreeing.size() <= WARNED_ONE_BY_ONE) {
                    warn.accept(disagreement(total, stated.get(), i, table));
                }
            }
            runStarts.add(total.fenAbove());
        }
        if (disagreeing.size() > WARNED_ONE_BY_ONE) {
            warn.accept(csv.name() + ": " + Named.count(disagreeing.size() - WARNED_ONE_BY_ONE, "more total row")
                    + " disagreeing with the rows " + (subtotalsAboveTheirRows() ? "next to" : "above")
                    + " them, the last on line "
                    + disagreeing.get(disagreeing.size() - 1).line());
        }
    }

    /** For each sum of the rows above a total row: the last total row with that sum above it. */
    private Map<Long, Integer> lastTotalAbove() {
        Map<Long, Integer> last = new HashMap<>();
        for (int i = 0; i < found.size(); i++) {
            last.put(found.get(i).fenAbove(), i);
        }
        return last;
    }

    private String disagreement(Found total, long stated, int i, BossTable table) {
        String says = "the total row says " + Fen.format(stated);
        String why;
        if (found.size() == 1) {
            why = says + ", the sum of the " + Named.count(table.size(), "row") + " read is "
                    + Fen.format(table.totalFen()) + " (" + difference(table.totalFen() - stated)
                    + "): rows missing (an export cut short?) or added; reconciled as read";
        } else if (headsRowsBelow(i, table)) {
            why = says + ", which no run of rows below it adds up to (" + runBelow(i, table)
                    + "): rows missing or added; reconciled as read";
        } else {
            String since = i == 0 || total.rowsAbove() == found.get(i - 1).rowsAbove()
                    ? ""
                    : ", the "
                            + Named.count(total.rowsAbove() - found.get(i - 1).rowsAbove(), "row")
                            + " since the total row on line " + found.get(i - 1).line() + " "
                            + Fen.format(total.fenAbove() - found.get(i - 1).fenAbove());
            why = says + ", which no run of rows above it adds up to (the " + Named.count(total.rowsAbove(), "row")
                    + " above it " + Fen.format(total.fenAbove()) + since
                    + "): rows missing or added; reconciled as read";
        }
        return new Problem(
                        csv.name(),
                        total.line(),
                        profile.names(BossProfile.Column.AMOUNT).get(0),
                        why)
                .toString();
    }

    /** Whether the file starts with a total row: its subtotals then head their groups. */
    private boolean subtotalsAboveTheirRows() {
        return found.get(0).rowsAbove() == 0;
    }

    /**
     * Whether total row {@code i} heads the rows below it: the file's subtotals head their groups and rows follow it
     * (a grand total at the end of such a file sums the rows above it, and is worded so).
     */
    private boolean headsRowsBelow(int i, BossTable table) {
        return subtotalsAboveTheirRows()
                && rowsAboveNextBoundary(i, table) > found.get(i).rowsAbove();
    }

    /** The index of the first total row below total row {@code i} with BOSS rows between them, or the count. */
    private int nextBoundary(int i) {
        int next = i + 1;
        while (next < found.size()
                && found.get(next).rowsAbove() == found.get(i).rowsAbove()) {
            next++;
        }
        return next;
    }

    private int rowsAboveNextBoundary(int i, BossTable table) {
        int next = nextBoundary(i);
        return next == found.size() ? table.size() : found.get(next).rowsAbove();
    }

    /** The rows from just below a total row to the next total row below them, or to the end of the file. */
    private String runBelow(int i, BossTable table) {
        Found total = found.get(i);
        int next = nextBoundary(i);
        boolean toTheEnd = next == found.size();
        int rows = rowsAboveNextBoundary(i, table) - total.rowsAbove();
        long fen = (toTheEnd ? table.totalFen() : found.get(next).fenAbove()) - total.fenAbove();
        return "the " + Named.count(rows, "row") + " below it "
                + (toTheEnd
                        ? "to the end "
                        : "up to the total row on line " + found.get(next).line() + " ")
                + Fen.format(fen);
    }

    private Optional<Long> amountOf(String text) {
        if (profile.amountUnit() == BossProfile.AmountUnit.YUAN) {
            return Fen.parseYuan(text);
        }
        return Optional.ofNullable(Cells.whole(text, Long.MAX_VALUE));
    }

    private static String difference(long fen) {
        return Fen.format(Math.abs(fen)) + (fen < 0 ? " less" : " more");
    }
}
