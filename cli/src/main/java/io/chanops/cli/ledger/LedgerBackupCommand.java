package io.chanops.cli.ledger;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.UserException;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.LedgerBackup;
import io.chanops.ledger.files.OutputFile;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "backup",
        footerHeading = "%nExamples:%n",
        footer = {
            "  chanops ledger backup --out /srv/backup/chanops-2026-03-02.db",
            "  chanops --db /srv/chanops/chanops.db ledger backup --out \"/srv/backup/chanops-$(date +%%F).db\""
        },
        description =
                "Write a consistent copy of the SQLite ledger to --out FILE while other commands may be writing it: one"
                        + " snapshot, the commits still in the -wal file included (which copying the .db file alone misses),"
                        + " checked before it replaces FILE; readable by its owner only. A PostgreSQL ledger is backed up with"
                        + " pg_dump.")
public final class LedgerBackupCommand extends ChanopsCommand {
    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "The copy to write (an older copy of that name is replaced).")
    Path file;

    @Override
    protected int run() {
        Ledger ledger = ctx().ledger();
        if (ledger.dialect() != Ledger.Dialect.SQLITE) {
            throw UserException.usage("ledger " + ledger.location() + " is a PostgreSQL database: back it up with"
                    + " pg_dump (docs/usage/operations.md, Backups)");
        }
        OutputFile target = ctx().outputs().file(file);
        LedgerBackup.Copy copy = LedgerBackup.to(ledger, target);
        ctx().outputs().publish();
        out().printf(
                        "backed up %s to %s: %d bytes, schema version %d, integrity checked%n",
                        ledger.location(), file, copy.bytes(), copy.schemaVersion());
        return ExitCode.OK;
    }
}
