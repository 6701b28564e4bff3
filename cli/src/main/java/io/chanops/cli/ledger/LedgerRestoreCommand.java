package io.chanops.cli.ledger;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.UserException;
import io.chanops.cli.support.ColumnType;
import io.chanops.cli.support.Format;
import io.chanops.cli.support.Listing;
import io.chanops.cli.support.Renderer;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.LedgerBackup;
import io.chanops.ledger.LedgerInfo;
import io.chanops.ledger.LedgerLocation;
import io.chanops.ledger.LedgerRestore;
import io.chanops.ledger.LedgerSettings;
import io.chanops.ledger.time.LocalTimes;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "restore",
        footerHeading = "%nExamples:%n",
        footer = {
            "  chanops ledger restore --from /srv/backup/chanops-2026-03-01.db",
            "  chanops --db /srv/chanops/chanops.db ledger restore --from /srv/backup/chanops-2026-03-01.db"
        },
        description = "Put a backup (chanops ledger backup) back as the SQLite ledger, in one transaction that other"
                + " commands wait for: not cp, which leaves the ledger's -wal file to be replayed onto the copy. The"
                + " backup is checked first (a chanops ledger, integrity, schema version, the ledger's time zone) and"
                + " left as it is. The ledger as it was is first copied beside it (NAME.before-restore-TIME.db), so"
                + " that restoring from that copy undoes the restore. A missing ledger is created from the backup.")
public final class LedgerRestoreCommand extends ChanopsCommand {
    @Option(
            names = "--from",
            required = true,
            paramLabel = "FILE",
            description = "The backup to restore (written by chanops ledger backup).")
    Path from;

    @Option(
            names = "--dry-run",
            description = "Check the backup as the restore would, and show what it holds beside the ledger (zone,"
                    + " schema version, last imports, rows per table); restore nothing.")
    boolean dryRun;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Override
    protected int run() {
        LedgerLocation location = ctx().ledgerLocation();
        if (location.dialect() != Ledger.Dialect.SQLITE) {
            throw UserException.usage("ledger " + location.display() + " is a PostgreSQL database: restore it with"
                    + " pg_restore or psql from a pg_dump (docs/usage/operations.md, Backups)");
        }
        Path file = location.file();
        if (Files.exists(from) && Files.exists(file) && sameFile(from, file)) {
            throw UserException.usage("--from " + from + " is the ledger itself: give a backup of it");
        }
        LedgerRestore.Backup backup = LedgerRestore.check(from, ctx().busyTimeout());
        if (dryRun) {
            return dryRun(location, backup);
        }
        Path undo = null;
        Ledger ledger;
        ZoneId zone;
        if (holdsALedger(file)) {
            ledger = ctx().ledger();
            zone = ledger.zone();
            undo = undoCopy(file);
            LedgerBackup.to(ledger, ctx().outputs().file(undo));
            ctx().outputs().publish();
        } else {
            // a backup of a ledger from before zones were recorded has none: --zone, else this machine's
            zone = backup.zone() != null
                    ? ZoneId.of(backup.zone())
                    : ctx().requestedZone().orElseGet(ZoneId::systemDefault);
            ledger = Ledger.init(location, ctx().busyTimeout(), zone);
        }
        LedgerRestore.into(ledger, backup);
        // the backup's zone when it has one (checked against the ledger's); the ledger's when it is older than zones
        Ledger restored = Ledger.open(location, ctx().busyTimeout(), zone);
        LedgerSettings.put(
                restored,
                LedgerSettings.RESTORED,
                LocalTimes.format(ctx().machineNow()) + " from " + from.toAbsolutePath()
                        + (undo == null ? " (created)" : "; the ledger before it is in " + undo.toAbsolutePath()));
        out().printf(
                        "restored %s from %s (schema version %d%s)%n",
                        location.display(),
                        from,
                        backup.schemaVersion(),
                        restored.opening().upgraded()
                                ? ", upgraded to " + restored.opening().toVersion()
                                : "");
        if (undo != null) {
            out().printf("the ledger as it was is in %s: restore from it to undo%n", undo);
            noteEarlierUndoCopies(file, undo);
        } else {
            out().printf("%s did not exist: created from the backup%n", location.display());
        }
        return ExitCode.OK;
    }

    /**
     * The restore's checks (the backup's, then its zone against the ledger's), and the backup beside the ledger as
     * {@code ledger info} shows them; nothing written, the backup opened read-only (an older schema is not migrated).
     */
    private int dryRun(LedgerLocation location, LedgerRestore.Backup backup) {
        LedgerInfo current = null;
        if (holdsALedger(location.file())) {
            Ledger ledger = ctx().ledger();
            LedgerRestore.refuseOtherZone(ledger, backup);
            current = LedgerInfo.of(ledger);
        }
        LedgerInfo restored = LedgerRestore.inspect(backup, ctx().busyTimeout());
        Map<String, Object> before = current == null ? Map.of() : items(current);
        Map<String, Object> after = items(restored);
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        Listing listing = Listing.of("item", "ledger", "backup").type(ColumnType.VALUE, "ledger", "backup");
        for (String name : names) {
            listing.add(name, before.get(name), after.get(name));
        }
        Renderer.render(
                listing,
                ctx().interactive() ? Format.TABLE : Format.CSV,
                out(),
                false,
                ctx().colour(),
                ctx().tableWidth());
        if (current == null) {
            out().printf(
                            "dry run: %s does not exist; the restore would create it from %s; nothing written%n",
                            location.display(), from);
        } else {
            out().printf(
                            "dry run: the restore would put %s in place of everything in %s (the backup column), after"
                                    + " copying the ledger as it is beside it; nothing written%n",
                            from, location.display());
        }
        return ExitCode.OK;
    }

    /** {@code ledger info}'s items of a ledger or backup, its last imports named by file and batch. */
    private static Map<String, Object> items(LedgerInfo info) {
        return LedgerInfoCommand.items(
                info, b -> b.importedAt() + ", " + b.fileName() + " (batch " + b.batchId() + ")");
    }

    /**
     * Where the ledger as it was goes: beside it, named after it and the machine's time, never over an earlier copy.
     */
    private Path undoCopy(Path ledgerFile) {
        String stamp = undoPrefix(ledgerFile) + ctx().machineNow().format(STAMP);
        Path copy = ledgerFile.resolveSibling(stamp + ".db");
        for (int n = 2; Files.exists(copy); n++) {
            copy = ledgerFile.resolveSibling(stamp + "-" + n + ".db");
        }
        return copy;
    }

    /** How the undo copies of a ledger's restores are named before their time: {@code chanops.before-restore-}. */
    private static String undoPrefix(Path ledgerFile) {
        String name = ledgerFile.getFileName().toString();
        return (name.endsWith(".db") ? name.substring(0, name.length() - 3) : name) + ".before-restore-";
    }

    /**
     * A note of the undo copies earlier restores left beside the ledger: each is a whole ledger, and none is ever
     * removed by chanops (any may be the one to go back to), so their room is said, for someone to remove old ones.
     */
    private void noteEarlierUndoCopies(Path ledgerFile, Path undo) {
        String prefix = undoPrefix(ledgerFile);
        long count = 0;
        long bytes = 0;
        try (DirectoryStream<Path> copies =
                Files.newDirectoryStream(ledgerFile.toAbsolutePath().getParent(), prefix + "*.db")) {
            for (Path copy : copies) {
                if (!copy.getFileName().equals(undo.getFileName()) && Files.isRegularFile(copy)) {
                    count++;
                    bytes += Files.size(copy);
                }
            }
        } catch (IOException e) {
            return; // only a note
        }
        if (count > 0) {
            ctx().info(String.format(
                    Locale.ROOT,
                    count == 1
                            ? "note: an earlier restore's undo copy takes %2$.1f MB beside the ledger (%3$s*.db):"
                                    + " remove it when no longer needed"
                            : "note: %1$d earlier restores' undo copies take %2$.1f MB beside the ledger (%3$s*.db):"
                                    + " remove those no longer needed",
                    count,
                    bytes / 1e6,
                    prefix));
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether there is a ledger to restore over (else the restore creates one): a file that is not empty. */
    private static boolean holdsALedger(Path file) {
        return Files.exists(file) && sizeOf(file) > 0;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1; // opening it names what is wrong
        }
    }
}
