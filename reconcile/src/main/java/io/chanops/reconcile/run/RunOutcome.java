package io.chanops.reconcile.run;

import io.chanops.reconcile.match.Item;
import io.chanops.reconcile.match.Summary;
import java.nio.file.Path;
import java.util.List;

/**
 * What a run found and where it put it; {@code bossTotalRows}: the export's total rows its profile left out (not among
 * its {@code bossRows}).
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
        List<Item> resolvedLate) {

    public boolean hasDiscrepancies() {
        return summary.discrepancies() > 0;
    }
}
