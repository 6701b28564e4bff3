package io.chanops.cli.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.cli.ExitCode;
import io.chanops.cli.OnSampleLedger;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ledger restore}: a backup put back as the ledger in one transaction, the ledger as it was kept beside it (so
 * a restore is undone by another), a missing ledger created from the backup; a file that is not a backup, a backup of
 * another zone or the ledger itself refused with the ledger unchanged.
 */
class LedgerRestoreCliTest extends OnSampleLedger {
    private static final String[] ORDERS = {"replenish", "orders", "--format", "csv"};
    private static final String[] STOCK = {"stock", "show", "--format", "csv"};

    Path backup;

    @BeforeEach
    void backedUpThenChanged() {
        cli.importSample("stock", "moves.csv").importSample("policy", "policies.csv");
        cli.run("replenish", "check");
        backup = dir.resolve("backup.db");
        assertThat(cli.run("ledger", "backup", "--out", backup.toString()).code())
                .isZero();
    }

    /** {@code args} on the ledger at {@code db}, with the harness's zone and clock. */
    private static CliHarness.Result on(Path db, String... args) {
        return CliHarness.withoutLedger(db).at("2026-03-02 09:30").run(args);
    }

    @Test
    void aRestorePutsTheBackupBackAndKeepsTheLedgerAsItWasForUndo() throws Exception {
        String ordersAtBackup = cli.run(ORDERS).out();
        String stockAtBackup = cli.run(STOCK).out();
        // the day goes on after the backup: an order cancelled, a move added
        cli.run("replenish", "cancel", "RO-20260302-000001");
        assertThat(cli.run(
                                "stock",
                                "add",
                                "--site",
                                "GZ-TH-01",
                                "--sku",
                                "HS-IP16-128",
                                "--kind",
                                "receipt",
                                "--qty",
                                "5")
                        .code())
                .isIn(0, 3);
        String ordersAfter = cli.run(ORDERS).out();
        String stockAfter = cli.run(STOCK).out();
        assertThat(ordersAfter).isNotEqualTo(ordersAtBackup);

        CliHarness.Result r = cli.run("ledger", "restore", "--from", backup.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        List<Path> kept = undoCopies();
        assertThat(kept).hasSize(1);
        assertThat(r.out())
                .isEqualTo("restored " + cli.db() + " from " + backup + " (schema version "
                        + schemaVersion() + ")\nthe ledger as it was is in " + kept.get(0)
                        + ": restore from it to undo\n");
        assertThat(kept.get(0).getFileName().toString()).matches("chanops\\.before-restore-\\d{8}-\\d{6}\\.db");
        assertThat(cli.run(ORDERS).out()).isEqualTo(ordersAtBackup);
        assertThat(cli.run(STOCK).out()).isEqualTo(stockAtBackup);
        assertThat(cli.run("ledger", "info", "--format", "csv").out())
                .as("ledger info says when and from what the ledger was put back")
                .containsPattern("\nrestored,\"?\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d from "
                        + Pattern.quote(backup + "; the ledger before it is in " + kept.get(0)) + "\"?\r?\n");
        assertThat(backup).as("the backup is left as it is").exists();
        assertThat(on(backup, ORDERS).out()).isEqualTo(ordersAtBackup);

        // undone: restoring the copy brings back the day's work, and keeps a copy of its own
        CliHarness.Result undo =
                cli.run("ledger", "restore", "--from", kept.get(0).toString());
        assertThat(undo.code()).as(undo.toString()).isZero();
        assertThat(undo.err())
                .as("the copies no restore removes are counted, with their room")
                .containsPattern("note: an earlier restore's undo copy takes \\d+\\.\\d MB beside the ledger"
                        + " \\(chanops\\.before-restore-\\*\\.db\\): remove it when no longer needed");
        assertThat(r.err()).doesNotContain("undo cop");
        assertThat(cli.run(ORDERS).out()).isEqualTo(ordersAfter);
        assertThat(cli.run(STOCK).out()).isEqualTo(stockAfter);
        assertThat(undoCopies()).hasSize(2);
        // and the ledger goes on: a new write works
        assertThat(cli.run("replenish", "cancel", "RO-20260302-000002").code()).isZero();
    }

    /**
     * {@code --dry-run}: the restore's checks, then the backup beside the ledger as {@code ledger info} shows them;
     * nothing written (no copy of the ledger, the ledger, the backup and a missing ledger left as they are), an older
     * backup read without being migrated, a backup of another zone refused as the restore refuses it.
     */
    @Test
    void aDryRunShowsTheBackupBesideTheLedgerAndWritesNothing() throws Exception {
        cli.run("replenish", "cancel", "RO-20260302-000001");
        String orders = cli.run(ORDERS).out();
        byte[] backupBytes = Files.readAllBytes(backup);
        CliHarness.Result r = cli.run("ledger", "restore", "--from", backup.toString(), "--dry-run");
        assertThat(r.code()).as(r.toString()).isZero();
        String version = schemaVersion();
        assertThat(r.out().replace("\r\n", "\n"))
                .startsWith("item,ledger,backup\nzone,Asia/Shanghai,Asia/Shanghai\nschema_version," + version + ","
                        + version + "\n")
                .contains("\nlast_import.moves,\"2026-03-02 09:30:00, moves.csv (batch 3)\",\"2026-03-02 09:30:00,"
                        + " moves.csv (batch 3)\"\n")
                // the same moves: the cancel after the backup changed an order's status only
                .containsPattern("\nrows\\.stock_move,(\\d+),\\1\n")
                .endsWith("dry run: the restore would put " + backup + " in place of everything in " + cli.db()
                        + " (the backup column), after copying the ledger as it is beside it; nothing written\n");
        assertThat(undoCopies()).as("no copy of the ledger").isEmpty();
        assertThat(cli.run(ORDERS).out()).isEqualTo(orders);
        assertThat(Files.readAllBytes(backup)).as("the backup byte for byte").isEqualTo(backupBytes);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("no -wal, -shm or staged copy beside the backup")
                    .noneMatch(name -> name.startsWith("backup.db-") || name.contains(".restore-"));
        }

        Path fresh = dir.resolve("fresh").resolve("chanops.db");
        Files.createDirectories(fresh.getParent());
        CliHarness.Result create = on(fresh, "ledger", "restore", "--from", backup.toString(), "--dry-run");
        assertThat(create.code()).as(create.toString()).isZero();
        assertThat(create.out().replace("\r\n", "\n"))
                .contains("\nzone,,Asia/Shanghai\n")
                .endsWith("dry run: " + fresh + " does not exist; the restore would create it from " + backup
                        + "; nothing written\n");
        assertThat(fresh).doesNotExist();

        Path old = dir.resolve("old.db");
        TestLedgers.sqliteAtVersion(old, "8")
                .useHandle(h ->
                        h.execute("INSERT INTO site (site_id, name, kind) VALUES ('OLD-1', 'Old store', 'store')"));
        CliHarness.Result older = cli.run("ledger", "restore", "--from", old.toString(), "--dry-run");
        assertThat(older.code()).as(older.toString()).isZero();
        assertThat(older.out().replace("\r\n", "\n"))
                .contains("\nzone,Asia/Shanghai,\n")
                .contains("\nschema_version," + version + ",8\n")
                .containsPattern("\nrows\\.site,\\d+,1\n");
        int oldVersion = Jdbi.create("jdbc:sqlite:" + old)
                .withHandle(h -> h.createQuery("SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history")
                        .mapTo(Integer.class)
                        .one());
        assertThat(oldVersion).as("the older backup is read, not migrated").isEqualTo(8);

        Path elsewhere = dir.resolve("elsewhere.db");
        assertThat(CliHarness.withoutLedger(elsewhere)
                        .run("init", "--zone", "Europe/Berlin")
                        .code())
                .isZero();
        CliHarness.Result otherZone = cli.run("ledger", "restore", "--from", elsewhere.toString(), "--dry-run");
        assertThat(otherZone.code()).as(otherZone.toString()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(otherZone.err()).contains("a backup of a ledger in time zone Europe/Berlin");
    }

    @Test
    void aMissingLedgerIsCreatedFromTheBackup() {
        Path fresh = dir.resolve("fresh").resolve("chanops.db");
        fresh.getParent().toFile().mkdirs();
        CliHarness.Result r = on(fresh, "ledger", "restore", "--from", backup.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).endsWith(fresh + " did not exist: created from the backup\n");
        assertThat(on(fresh, ORDERS).out()).isEqualTo(cli.run(ORDERS).out());
    }

    @Test
    void whatIsNotABackupOfThisLedgerIsRefusedAndTheLedgerLeftAsItIs() throws Exception {
        String orders = cli.run(ORDERS).out();
        Path csv = TestLedgers.sample("moves.csv");
        CliHarness.Result notALedger = cli.run("ledger", "restore", "--from", csv.toString());
        assertThat(notALedger.code()).as(notALedger.toString()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(notALedger.err()).contains(csv + ": not a chanops ledger");

        CliHarness.Result missing =
                cli.run("ledger", "restore", "--from", dir.resolve("nope.db").toString());
        assertThat(missing.code()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(missing.err()).contains("nope.db: no such file");

        CliHarness.Result itself =
                cli.run("ledger", "restore", "--from", cli.db().toString());
        assertThat(itself.code()).isEqualTo(ExitCode.USAGE);
        assertThat(itself.err()).contains("is the ledger itself");

        Path elsewhere = dir.resolve("elsewhere.db");
        assertThat(CliHarness.withoutLedger(elsewhere)
                        .run("init", "--zone", "Europe/Berlin")
                        .code())
                .isZero();
        CliHarness.Result otherZone = cli.run("ledger", "restore", "--from", elsewhere.toString());
        assertThat(otherZone.code()).as(otherZone.toString()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(otherZone.err())
                .contains("a backup of a ledger in time zone Europe/Berlin, but ledger " + cli.db()
                        + " is in Asia/Shanghai: a backup of another ledger?");
        assertThat(cli.run(ORDERS).out()).isEqualTo(orders);
    }

    /**
     * A backup of a ledger from before zones were recorded (schema 8): restored over this ledger, which keeps its zone,
     * or into a new file, which takes --zone; both migrated forward.
     */
    @Test
    void aBackupFromBeforeZonesWereRecordedIsRestoredAndMigrated() {
        Path old = dir.resolve("old.db");
        TestLedgers.sqliteAtVersion(old, "8")
                .useHandle(h ->
                        h.execute("INSERT INTO site (site_id, name, kind) VALUES ('OLD-1', 'Old store', 'store')"));
        CliHarness.Result r = cli.run("ledger", "restore", "--from", old.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("(schema version 8, upgraded to " + schemaVersion() + ")");
        assertThat(cli.run("ledger", "info", "--format", "csv").out()).contains("\nzone,Asia/Shanghai");
        assertThat(cli.run("site", "list", "--format", "csv").out()).contains("OLD-1,Old store,store");

        Path fresh = dir.resolve("fresh").resolve("chanops.db");
        fresh.getParent().toFile().mkdirs();
        CliHarness.Result created = CliHarness.withoutLedger(fresh)
                .run("ledger", "restore", "--from", old.toString(), "--zone", "Asia/Shanghai");
        assertThat(created.code()).as(created.toString()).isZero();
        assertThat(on(fresh, "ledger", "info", "--format", "csv").out()).contains("\nzone,Asia/Shanghai");
    }

    /** A ledger file deleted without its -wal file: a new ledger of that name is refused until the -wal is moved. */
    @Test
    void aWalFileWithoutItsLedgerIsNotTakenIntoANewOne() throws Exception {
        Path db = dir.resolve("gone").resolve("chanops.db");
        Files.createDirectories(db.getParent());
        Files.writeString(db.resolveSibling("chanops.db-wal"), "frames of an earlier ledger");
        CliHarness.Result r = on(db, "ledger", "restore", "--from", backup.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.LEDGER_UNAVAILABLE);
        assertThat(r.err()).contains("chanops.db-wal is the write-ahead log of an earlier ledger");
        assertThat(db).doesNotExist();
        CliHarness.Result init = CliHarness.withoutLedger(db).run("init", "--zone", "Asia/Shanghai");
        assertThat(init.code()).isEqualTo(ExitCode.LEDGER_UNAVAILABLE);
    }

    private List<Path> undoCopies() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().contains(".before-restore-"))
                    .sorted()
                    .toList();
        }
    }

    private String schemaVersion() {
        return cli.run("ledger", "info", "--format", "csv")
                .out()
                .lines()
                .filter(l -> l.startsWith("schema_version,"))
                .findFirst()
                .orElseThrow()
                .substring("schema_version,".length());
    }
}
