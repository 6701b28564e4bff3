package io.chanops.cli.demo;

import java.util.List;

/** The day's end: a consistent, checked copy of the ledger, as the nightly cron line of the sample crontab takes. */
public final class BackupDemo implements DemoSection {
    @Override
    public List<String> sampleFiles() {
        return List.of();
    }

    @Override
    public List<DemoStep> steps() {
        return List.of(DemoStep.of(
                "Back up the ledger: one consistent, checked copy while others may write (cp of the .db file misses"
                        + " the WAL's commits)",
                "ledger",
                "backup",
                "--out",
                "out/chanops-backup.db"));
    }
}
