package io.chanops.cli.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.cli.ExitCode;
import io.chanops.cli.OnSampleLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ledger backup}: a consistent, checked copy of the SQLite ledger that is a ledger of its own. */
class LedgerBackupCliTest extends OnSampleLedger {
    @BeforeEach
    void stock() {
        cli.importSample("stock", "moves.csv").importSample("policy", "policies.csv");
        cli.run("replenish", "check");
    }

    /** {@code args} on the ledger at {@code db}, with the harness's zone and clock. */
    private CliHarness.Result on(Path db, String... args) {
        return CliHarness.withoutLedger(db).at("2026-03-02 09:30").run(args);
    }

    @Test
    void theCopyHoldsEveryCommitAndIsALedgerOfItsOwn() throws Exception {
        Path copy = dir.resolve("backup.db");
        CliHarness.Result r = cli.run("ledger", "backup", "--out", copy.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out())
                .startsWith("backed up " + cli.db() + " to " + copy + ": ")
                .contains("integrity checked");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)))
                .isEqualTo("rw-------");
        for (String[] args : new String[][] {
            {"stock", "show", "--format", "csv"},
            {"replenish", "orders", "--format", "csv"},
            {"policy", "list", "--format", "csv"}
        }) {
            assertThat(on(copy, args).out())
                    .as(String.join(" ", args))
                    .isEqualTo(cli.run(args).out());
        }
        assertThat(rowCounts(on(copy, "ledger", "info", "--format", "csv")))
                .contains("rows.stock_move,23438")
                .isEqualTo(rowCounts(cli.run("ledger", "info", "--format", "csv")));

        // a later backup of the same name replaces the older copy whole
        cli.run("replenish", "cancel", "RO-20260302-000001");
        assertThat(cli.run("ledger", "backup", "--out", copy.toString()).code()).isZero();
        assertThat(on(copy, "replenish", "orders", "--status", "cancelled", "--format", "csv")
                        .out())
                .contains("RO-20260302-000001,");
    }

    /** The {@code rows.TABLE,N} lines of {@code ledger info --format csv}. */
    private static List<String> rowCounts(CliHarness.Result info) {
        return info.out().lines().filter(l -> l.startsWith("rows.")).toList();
    }

    @Test
    void theLedgerItselfOrADirectoryIsNotATarget() {
        CliHarness.Result self = cli.run("ledger", "backup", "--out", cli.db().toString());
        assertThat(self.code()).as(self.toString()).isEqualTo(ExitCode.USAGE);
        CliHarness.Result folder = cli.run("ledger", "backup", "--out", dir.toString());
        assertThat(folder.code()).as(folder.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(dir.resolve("chanops.db")).exists();
    }

    /**
     * Another ledger in use (another city's, beside this one) is not a backup to replace; a backup someone opened as a
     * ledger to look into still is, so the nightly backup of that name goes on.
     */
    @Test
    void anotherLedgerInUseIsNotReplacedByABackup() throws Exception {
        Path other = dir.resolve("other-city.db");
        assertThat(CliHarness.withoutLedger(other)
                        .run("init", "--zone", "Asia/Shanghai")
                        .code())
                .isZero();
        byte[] before = Files.readAllBytes(other);
        CliHarness.Result r = cli.run("ledger", "backup", "--out", other.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .contains(other + ": already holds other data (it is an SQLite database in WAL mode, as a ledger in use"
                        + " is), not what this command writes there (a backup, an SQLite database not in use as a"
                        + " ledger)");
        assertThat(Files.readAllBytes(other)).isEqualTo(before);

        Path copy = dir.resolve("latest.db");
        assertThat(cli.run("ledger", "backup", "--out", copy.toString()).code()).isZero();
        assertThat(on(copy, "ledger", "info").code()).isZero(); // opened as a ledger: WAL mode from now on
        assertThat(cli.run("ledger", "backup", "--out", copy.toString()).code()).isZero();
    }
}
