package io.chanops.cli.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.cli.ExitCode;
import io.chanops.ledger.testing.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ledger copy}: the demo's SQLite ledger copied to PostgreSQL gives the same reports; a target holding rows is
 * refused. Needs a server ({@link TestPostgres}; skipped without one).
 */
class LedgerCopyCliTest {
    private static final List<List<String>> REPORTS = List.of(
            List.of("stock", "show", "--format", "csv"),
            List.of("replenish", "orders", "--format", "csv"),
            List.of("policy", "list", "--format", "csv"),
            List.of("commission", "report", "--month", "2026-02", "--by", "rule", "--format", "csv"),
            List.of("cost", "report", "--month", "2026-02", "--format", "csv"),
            List.of("reconcile", "list", "--format", "csv"),
            List.of("catalog", "list", "--format", "csv"),
            List.of("site", "list", "--format", "csv"));

    @TempDir
    Path dir;

    @RegisterExtension
    final TestPostgres.Schemas schemas = new TestPostgres.Schemas();

    @Test
    void theDemoLedgerCopiedToPostgresqlGivesTheSameReportsAndASecondCopyIsRefused() {
        String url = schemas.fresh();
        CliHarness.Result demo = CliHarness.withoutLedger(dir.resolve("unused.db"))
                .run("demo", "--without-planning", "--dir", dir.toString());
        assertThat(demo.code()).as(demo.toString()).isZero();
        String sqlite = dir.resolve("chanops.db").toString();

        CliHarness.Result copy =
                CliHarness.runExactly("ledger", "copy", "--from", sqlite, "--to", url, "--format", "csv");
        assertThat(copy.code()).as(copy.toString()).isZero();
        List<String> tables = copy.out()
                .lines()
                .map(line -> line.substring(0, line.indexOf(',')))
                .toList();
        assertThat(tables.get(0)).isEqualTo("table");
        assertThat(tables).contains("site", "stock_move", "confirmed_order", "ledger_setting");
        assertThat(tables.indexOf("site")).isLessThan(tables.indexOf("stock_move"));
        assertThat(tables.indexOf("reconcile_run")).isLessThan(tables.indexOf("confirmed_order"));
        assertThat(copy.err()).contains("row counts and checksums verified");

        for (List<String> report : REPORTS) {
            CliHarness.Result fromSqlite = CliHarness.runExactly(with("--db", sqlite, report));
            CliHarness.Result fromPostgresql = CliHarness.runExactly(with("--db", url, report));
            assertThat(fromSqlite.code()).as(fromSqlite.toString()).isIn(0, 3);
            assertThat(fromPostgresql.out()).as(String.join(" ", report)).isEqualTo(fromSqlite.out());
            assertThat(fromPostgresql.code()).isEqualTo(fromSqlite.code());
        }

        CliHarness.Result again = CliHarness.runExactly("ledger", "copy", "--from", sqlite, "--to", url);
        assertThat(again.code()).as(again.toString()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(again.err()).contains("is not empty").contains("nothing was copied");
        assertThat(again.err().lines()).hasSize(2).last().isEqualTo("error: input rejected");
    }

    @Test
    void theTargetMustBePostgresqlAndTheSourceAFile() {
        CliHarness.Result r = CliHarness.runExactly(
                "ledger", "copy", "--from", dir.resolve("a.db").toString(), "--to", "b.db");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("error: --to b.db");
    }

    private static List<String> with(String option, String value, List<String> args) {
        List<String> all = new ArrayList<>(List.of(option, value, "--now", "2026-03-02 09:30"));
        all.addAll(args);
        return all;
    }
}
