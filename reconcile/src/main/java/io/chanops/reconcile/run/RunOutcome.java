package io.chanops.reconcile.run;

import io.chanops.reconcile.match.Category;
import io.chanops.reconcile.match.Item;
import io.chanops.reconcile.match.Summary;
import java.nio.file.Path;
import java.util.List;

/**
 * What a run found and where it put it; {@code bossTotalRows}: the export's total rows its profile left out (not among
 * its {@code bossRows}); {@code toleranceFen}: the run's amount tolerance.
 */
public record RunOutcome(
        long runId,
        Path outDir,
        Summary summary,
        long platformRows,
        long platformTotalFen,
        long bossRows,
        long bossTotalFen,
        int bossTotalRows,
        boolean carry,
        List<Item> resolvedLate,
        long toleranceFen) {

    /** Whether the run found a discrepancy, or an order found late that disagrees with its BOSS group. */
    public boolean hasDiscrepancies() {
        return summary.discrepancies() > 0 || lateDisagreeing() > 0;
    }

    /**
     * The orders found late whose BOSS group disagrees with them (STATUS_MISMATCH or AMOUNT_MISMATCH, had they been
     * found in one run): closed as RESOLVED_LATE, not confirmed, so they earn no commission.
     */
    public long lateDisagreeing() {
        return resolvedLate.stream()
                .filter(item -> item.lateAs(toleranceFen) != Category.MATCHED)
                .count();
    }
}
