package io.chanops.cli.demo;

import java.util.List;

/**
 * The day's end: the ledger checked, then a consistent, checked copy of it, as the cron lines of the sample crontab
 * take them; and the way back from a mistake made after it, restoring that copy.
 */
public final class BackupDemo implements DemoSection {
    @Override
    public List<DemoStep> steps() {
        return List.of(
                DemoStep.of(
                        "Check the ledger: the file's pages and indexes, and on hand at every position against the fold"
                                + " of its moves (exit 3 naming what differs; --repair sets the levels from the moves)",
                        "ledger",
                        "check"),
                DemoStep.of(
                        "Back up the ledger: one consistent, checked copy while others may write (cp of the .db file"
                                + " misses the WAL's commits)",
                        "ledger",
                        "backup",
                        "--out",
                        "out/chanops-backup.db"),
                DemoStep.of(
                        "A mistake after the backup: an order cancelled that should not have been",
                        "replenish",
                        "cancel",
                        "RO-20260302-000001"),
                DemoStep.of(
                        "Before putting it back: what the backup holds beside the ledger (zone, schema, last imports,"
                                + " rows per table); a dry run writes nothing",
                        "ledger",
                        "restore",
                        "--from",
                        "out/chanops-backup.db",
                        "--dry-run"),
                DemoStep.of(
                        "The way back: restore the backup in one transaction (not cp: the WAL); the ledger as it was is"
                                + " kept beside it, to undo the restore",
                        "ledger",
                        "restore",
                        "--from",
                        "out/chanops-backup.db"),
                DemoStep.of(
                        "The order is open again",
                        "replenish",
                        "orders",
                        "--site",
                        "GZ-BY-01",
                        "--sku",
                        "AC-CHG-20W",
                        "--format",
                        "table"));
    }
}
