package io.chanops.reconcile.boss;

import io.chanops.ledger.Problem;
import io.chanops.ledger.csv.ByteCsv;
import io.chanops.ledger.csv.Cells;
import io.chanops.ledger.money.Fen;
import io.chanops.ledger.text.Named;
import io.chanops.reconcile.platform.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The total rows of a BOSS export (a report's {@code 合计} line): a row whose first cell is one of the profile's
 * {@code total.label}s is left out of the BOSS rows. When the export has one total row, its amount is held against
 * the sum of the rows read: a total that differs means rows are missing (an export cut short) or added, and is warned
 * of. A profile without total labels gets a hint when a row it rejects starts with a label exports commonly use.
 */
final class TotalRows {
    /** Labels that start a total row in the exports seen; named by the hint only, never left out unless configured. */
    static final List<String> COMMON = List.of("合计", "总计", "小计", "合 计", "总 计", "Total", "TOTAL", "Sum");

    /** A total row: its line, and its amount cell as written. */
    record Found(long line, String amount) {}

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

    /** Whether the current record is a total row, kept aside (decoded only when its first cell is short enough). */
    boolean leftOut() {
        if (labels.isEmpty() || csv.to(0) - csv.from(0) > longestLabel || !labels.contains(csv.get(0))) {
            return false;
        }
        found.add(new Found(csv.line(), csv.get(amountColumn)));
        return true;
    }

    /** How many total rows were left out. */
    int count() {
        return found.size();
    }

    /**
     * After a problem of the current record: when it starts with a label exports commonly give a total row, and the
     * profile does not leave such rows out, one more problem says how to (once per file).
     */
    void hintIfUnmapped(Problems problems) {
        if (hinted) {
            return;
        }
        String first = csv.get(0);
        if (COMMON.contains(first) && !labels.contains(first)) {
            hinted = true;
            problems.add(csv.problem(
                    0,
                    "'" + first + "' starts a total row, not a BOSS row: add total.label=" + first
                            + " to the profile to leave such rows out"));
        }
    }

    /**
     * Warns when the export's one total row gives an amount other than the sum of its rows' amounts. Several total rows
     * (subtotals) or a total without a readable amount are not compared.
     */
    void checkAgainst(BossTable table, Consumer<String> warn) {
        if (found.size() != 1) {
            return;
        }
        Found total = found.get(0);
        Optional<Long> stated = amountOf(total.amount());
        if (stated.isEmpty() || stated.get() == table.totalFen()) {
            return;
        }
        warn.accept(new Problem(
                        csv.name(),
                        total.line(),
                        profile.names(BossProfile.Column.AMOUNT).get(0),
                        "the total row says " + Fen.format(stated.get()) + ", the sum of the "
                                + Named.count(table.size(), "row") + " read is " + Fen.format(table.totalFen()) + " ("
                                + difference(table.totalFen() - stated.get())
                                + "): rows missing (an export cut short?) or added; reconciled as read")
                .toString());
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
