package io.chanops.reconcile.boss;

import java.util.List;

/** The rows of one BOSS export in file order, with the totals read (the reference the reconciliation adds back to). */
public record BossExport(String file, List<BossRow> rows, long totalFen) {
}
