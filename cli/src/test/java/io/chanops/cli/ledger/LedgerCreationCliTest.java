package io.chanops.cli.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.cli.ExitCode;
import io.chanops.ledger.imports.FileDigest;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only init creates a ledger (SPEC §3.1): a typo in --db, or cron without CHANOPS_DB, exits 5 and creates nothing. */
class LedgerCreationCliTest {
    @TempDir
    Path dir;

    @Test
    void aCommandWhereNoLedgerIsExitsFiveAndCreatesNothing() {
        Path typo = dir.resolve("chanpos.db");
        for (List<String> command : List.of(
                List.of("stock", "show"),
                List.of("replenish", "check", "--emergency-only"),
                List.of("site", "import", TestLedgers.sample("sites.csv").toString()),
                List.of("ledger", "info"))) {
            CliHarness.Result r = CliHarness.withoutLedger(typo).run(command);
            assertThat(r.code()).as(command + "\n" + r).isEqualTo(ExitCode.LEDGER_UNAVAILABLE);
            assertThat(r.err())
                    .isEqualTo("error: no ledger at " + typo + " (create one with: chanops init --db " + typo + ")\n");
        }
        assertThat(List.of(typo, Path.of(typo + "-wal"), Path.of(typo + "-shm")))
                .noneMatch(Files::exists);
        // with the ledger beside it, the mistyped name names it
        assertThat(CliHarness.withoutLedger(dir.resolve("chanops.db"))
                        .run("init")
                        .code())
                .isZero();
        CliHarness.Result r = CliHarness.withoutLedger(typo).run("stock", "show");
        assertThat(r.code()).isEqualTo(ExitCode.LEDGER_UNAVAILABLE);
        assertThat(r.err()).startsWith("error: no ledger at " + typo + " (did you mean chanops.db beside it?)");
        assertThat(typo).doesNotExist();
    }

    @Test
    void cronWithoutChanopsDbFindsNoLedgerInItsDirectoryInsteadOfMakingOne() {
        // no --db, no CHANOPS_DB, no config: ./chanops.db, which must not appear
        Path here = Path.of("chanops.db");
        Assumptions.assumeFalse(Files.exists(here));
        CliHarness.Result r = CliHarness.runExactly("replenish", "check");
        assertThat(r.code()).isEqualTo(ExitCode.LEDGER_UNAVAILABLE);
        assertThat(r.err())
                .startsWith("error: no ledger at chanops.db (create one with: chanops init --db chanops.db)");
        assertThat(here).doesNotExist();
    }

    /** A device or directory given as the ledger is named as such, not by the driver's failure on it. */
    @Test
    void initOnADeviceOrADirectorySaysItIsNotAFile() {
        CliHarness.Result device =
                CliHarness.withoutLedger(Path.of("/dev/null")).run("init");
        assertThat(device.code()).as(device.toString()).isEqualTo(ExitCode.LEDGER_UNAVAILABLE);
        assertThat(device.err()).contains("cannot create ledger /dev/null: it is not a regular file");
        CliHarness.Result directory = CliHarness.withoutLedger(dir).run("init");
        assertThat(directory.code()).as(directory.toString()).isEqualTo(ExitCode.LEDGER_UNAVAILABLE);
        assertThat(directory.err()).contains(dir + " is a directory, not a chanops ledger");
    }

    @Test
    void initCreatesThenUpgradesAndSaysWhich() {
        CliHarness cli = CliHarness.withoutLedger(dir.resolve("l.db"));
        CliHarness.Result made = cli.run("init");
        assertThat(made.code()).as(made.toString()).isZero();
        assertThat(made.out())
                .startsWith("created ledger " + dir.resolve("l.db") + " (sqlite, schema version ")
                .endsWith("; time zone Asia/Shanghai\n");
        CliHarness.Result again = cli.run("init");
        assertThat(again.out())
                .startsWith("ledger " + dir.resolve("l.db") + " (sqlite) is up to date, schema version ");
    }

    @Test
    void aForeignSqliteDatabaseIsRefusedWithExitFiveAndLeftUntouched() throws Exception {
        Path other = dir.resolve("app.db");
        TestLedgers.sqlite(other, "CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT)");
        String before = FileDigest.sha256(other);
        for (String command : List.of("init", "site")) {
            CliHarness.Result r = CliHarness.withoutLedger(other)
                    .run(command.equals("init") ? List.of("init") : List.of("site", "list"));
            assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.LEDGER_UNAVAILABLE);
            assertThat(r.err())
                    .isEqualTo("error: " + other
                            + " is not a chanops ledger (a database with other tables); it was left unchanged\n");
        }
        assertThat(FileDigest.sha256(other)).isEqualTo(before);
        assertThat(Path.of(other + "-wal")).doesNotExist();
    }

    @Test
    void aDbThatIsNeitherAFileNorAPostgresqlUrlIsAUsageError() throws Exception {
        for (String spec : List.of(
                "jdbc:h2:" + dir.resolve("h2"),
                "jdbc:mysql://localhost/" + dir.resolve("x"),
                "postgres://db/chanops")) {
            CliHarness.Result r = CliHarness.runExactly("--db", spec, "site", "list");
            assertThat(r.code()).as(spec + "\n" + r).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).startsWith("error: --db ").contains("jdbc:postgresql:");
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    /** Loopback port 1: refused at once, no network involved. */
    @Test
    void aPostgresqlLedgerThatCannotBeReachedIsOneLineExitFiveWithThePasswordMasked() {
        String url = "jdbc:postgresql://127.0.0.1:1/chanops?user=ops&password=s3cret&connectTimeout=2";
        CliHarness.Result r = CliHarness.runExactly("--db", url, "site", "list");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.LEDGER_UNAVAILABLE);
        assertThat(r.err())
                .startsWith("error: cannot connect to ledger "
                        + "jdbc:postgresql://127.0.0.1:1/chanops?user=ops&password=***&connectTimeout=2: ")
                .doesNotContain("s3cret");
        assertThat(r.err().lines()).hasSize(1);
    }

    /** The password from PGPASSWORD or the config file reaches the driver, and no message, even with -v, shows it. */
    @Test
    void aPasswordFromTheEnvironmentOrTheConfigFileIsNeverShownEvenVerbose() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:1/chanops?user=ops&connectTimeout=2&sslmode=disable";
        Path config = dir.resolve("chanops.properties");
        Files.writeString(config, "db.password=c0nfig-secret\n");
        for (Map<String, String> env : List.of(Map.of("PGPASSWORD", "env-s3cret"), Map.<String, String>of())) {
            CliHarness.Result r =
                    CliHarness.runExactly(env, "-v", "--config", config.toString(), "--db", url, "ledger", "info");
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.LEDGER_UNAVAILABLE);
            assertThat(r.err())
                    .startsWith("error: cannot connect to ledger " + url + ": ")
                    .doesNotContain("s3cret")
                    .doesNotContain("secret");
            assertThat(r.out()).doesNotContain("secret");
        }
    }

    @Test
    void aNewLedgerIsReadableByItsOwnerOnly() throws Exception {
        CliHarness cli = new CliHarness(dir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.db())))
                .isEqualTo("rw-------");
    }
}
