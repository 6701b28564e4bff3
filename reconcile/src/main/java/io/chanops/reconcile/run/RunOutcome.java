package io.chanops.reconcile.run;

import io.chanops.reconcile.match.Item;
import io.chanops.reconcile.match.Summary;
import java.nio.file.Path;
import java.util.List;

/** What a run found and where it put it. */
public record RunOutcome(
        long runId,
        Path outDir,
        Summary summary,
        long platformRows,
        long platformTotalFen,
        long bossRows,
        long bossTotalFen,
        boolean carry,
        List<Item> resolvedLate) {

    public boolean hasDiscrepancies() {
        return summary.discrepancies() > 0;
    }
}
