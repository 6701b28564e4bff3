package io.chanops.cli.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.cli.CliHarness;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerInfoCliTest {
    @TempDir
    Path dir;

    @Test
    void infoShowsLocationZoneSchemaPageSizeAndRowCounts() throws Exception {
        CliHarness cli = new CliHarness(dir);
        cli.run("site", "import", TestLedgers.sample("sites.csv").toString());
        CliHarness.Result r = cli.run("ledger", "info", "--format", "csv");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out().lines())
                .startsWith(
                        "item,value",
                        "location," + cli.db(),
                        "database,sqlite",
                        "zone,Asia/Shanghai",
                        "schema_version," + newestMigration(cli.db()),
                        "page_size,32768",
                        // when each feed last came in, one row per kind of import
                        "last_import.sites,\"2026-03-02 09:30:00, sites.csv (batch 1, 13 of 13 rows written, by "
                                + System.getProperty("user.name") + ")\"");
        assertThat(r.out().lines())
                .contains("rows.site,13", "rows.stock_move,0", "rows.import_batch,1")
                .noneMatch(l -> l.startsWith("rows.flyway_schema_history") || l.startsWith("rows.ledger_setting"));
        CliHarness.Result json = cli.run("ledger", "info", "--format", "json");
        assertThat(json.out()).contains("\"item\" : \"zone\"").contains("\"value\" : \"Asia/Shanghai\"");
    }

    private static int newestMigration(Path db) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
                var st = c.createStatement();
                var rs = st.executeQuery(
                        "SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
