package io.chanops.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chanops.ledger.testing.TestLedgers;
import io.chanops.ledger.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One contract for the references of stock_move, policy and confirmed_order on both ledgers: SQLite's declared
 * foreign keys, PostgreSQL's statement-level checks (V15, V16). A move naming a missing site, product or batch is
 * refused, in a multi-row statement too; a site, product or batch that a move names can be neither deleted nor
 * re-keyed; the same for a confirmed order and its reconciliation run; anything else goes through. The PostgreSQL
 * half needs a server ({@link TestPostgres}; skipped without one).
 */
class StockMoveReferencesTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final TestPostgres.Schemas schemas = new TestPostgres.Schemas();

    @Test
    void sqliteRefusesWhatTheForeignKeysRefuse() {
        checkContract(TestLedgers.fresh(dir));
    }

    @Test
    void postgresqlRefusesTheSameOncePerStatement() {
        String url = schemas.fresh();
        Ledger ledger = Ledger.init(url, Duration.ofSeconds(5), TestLedgers.ZONE);
        checkContract(ledger);
        int foreignKeys = ledger.read(h -> h.createQuery("SELECT count(*) FROM pg_catalog.pg_constraint c "
                        + "JOIN pg_catalog.pg_class t ON t.oid = c.conrelid "
                        + "JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace "
                        + "WHERE c.contype = 'f' AND t.relname IN ('stock_move', 'policy', 'confirmed_order') "
                        + "AND n.nspname = current_schema()")
                .mapTo(Integer.class)
                .one());
        assertThat(foreignKeys)
                .as("no per-row foreign key left on stock_move, policy and confirmed_order")
                .isZero();
    }

    private static void checkContract(Ledger ledger) {
        ledger.write(h -> {
            h.execute("INSERT INTO import_batch (batch_id, kind, file_name, sha256, rows_read, rows_written, "
                    + "imported_at, os_user) VALUES (1, 'moves', 'm.csv', 'x', 1, 1, '2026-03-01 00:00:00', 'u'), "
                    + "(2, 'moves', 'n.csv', 'y', 1, 1, '2026-03-01 00:00:00', 'u')");
            h.execute("INSERT INTO site (site_id, name, kind) VALUES ('S1', 'Store 1', 'store'), "
                    + "('S2', 'Store 2', 'store'), ('S3', 'Store 3', 'store'), ('S4', 'Store 4', 'store')");
            h.execute("INSERT INTO product (sku, type, name, price_fen, status, channels) VALUES "
                    + "('H1', 'handset', 'Phone', 100000, 'listed', 'hall'), "
                    + "('H2', 'handset', 'Phone 2', 100000, 'listed', 'hall'), "
                    + "('H3', 'handset', 'Phone 3', 100000, 'listed', 'hall')");
            return null;
        });
        // policies name a site and a product too: S4 and H3 only by a policy
        ledger.write(h -> policy(h, "('S4', 'H3'), ('S1', 'H1')"));
        assertRefused(ledger, h -> policy(h, "('S2', 'H1'), ('NOPE', 'H1')"));
        assertRefused(ledger, h -> policy(h, "('S2', 'NOPE')"));
        assertRefused(ledger, "DELETE FROM site WHERE site_id = 'S4'");
        assertRefused(ledger, "DELETE FROM product WHERE sku = 'H3'");
        // good moves, several rows in one statement
        ledger.write(h -> move(h, "(1, 'S1', 'H1', 1), (2, 'S2', 'H1', 1), (3, 'S1', 'H1', 1)"));
        // one bad row among good ones refuses the statement, whichever reference it breaks
        assertRefused(ledger, h -> move(h, "(4, 'S1', 'H1', 1), (5, 'NOPE', 'H1', 1)"));
        assertRefused(ledger, h -> move(h, "(4, 'S1', 'H1', 1), (5, 'S1', 'NOPE', 1)"));
        assertRefused(ledger, h -> move(h, "(4, 'S1', 'H1', 1), (5, 'S1', 'H1', 99)"));
        assertRefused(ledger, "UPDATE stock_move SET site_id = 'NOPE' WHERE move_id = 1");
        // a referenced site, product or batch stays, under its key
        assertRefused(ledger, "DELETE FROM site WHERE site_id = 'S2'");
        assertRefused(ledger, "UPDATE site SET site_id = 'S9' WHERE site_id = 'S1'");
        assertRefused(ledger, "DELETE FROM product WHERE sku = 'H1'");
        assertRefused(ledger, "DELETE FROM import_batch WHERE batch_id = 1");
        // what nothing names may go, and a referenced row may change anything but its key
        execute(
                ledger,
                "DELETE FROM site WHERE site_id = 'S3'",
                "DELETE FROM product WHERE sku = 'H2'",
                "DELETE FROM import_batch WHERE batch_id = 2",
                "UPDATE site SET name = 'Store One' WHERE site_id = 'S1'",
                "UPDATE stock_move SET site_id = 'S2' WHERE move_id = 3");
        assertThat(rows(ledger, "stock_move")).isEqualTo(3);
        checkConfirmedOrders(ledger);
    }

    private static void checkConfirmedOrders(Ledger ledger) {
        ledger.write(h -> {
            h.execute("INSERT INTO reconcile_run (run_id, run_at, platform_file, platform_sha256, boss_file, "
                    + "boss_sha256, profile_file, tolerance_fen, window_minutes, platform_rows, boss_rows, "
                    + "discrepancies, os_user) VALUES (1, '2026-03-01 10:00:00', 'p.csv', 'a', 'b.csv', 'b', "
                    + "'x.properties', 0, 0, 2, 2, 0, 'u'), (2, '2026-03-02 10:00:00', 'p2.csv', 'c', "
                    + "'b2.csv', 'd', 'x.properties', 0, 0, 0, 0, 0, 'u')");
            return confirmed(h, "(1, 'O1'), (1, 'O2')");
        });
        // one order of a missing run among good ones refuses the statement
        assertRefused(ledger, h -> confirmed(h, "(1, 'O3'), (99, 'O4')"));
        assertRefused(ledger, "UPDATE confirmed_order SET run_id = 99 WHERE order_id = 'O1'");
        // a run its orders name stays, under its id; one nothing names may go
        assertRefused(ledger, "DELETE FROM reconcile_run WHERE run_id = 1");
        assertRefused(ledger, "UPDATE reconcile_run SET run_id = 9 WHERE run_id = 1");
        execute(
                ledger,
                "UPDATE reconcile_run SET discrepancies = 1 WHERE run_id = 1",
                "UPDATE confirmed_order SET run_id = 2 WHERE order_id = 'O2'",
                "DELETE FROM confirmed_order WHERE order_id = 'O2'",
                "DELETE FROM reconcile_run WHERE run_id = 2");
        assertThat(rows(ledger, "confirmed_order")).isEqualTo(1);
    }

    private static int rows(Ledger ledger, String table) {
        return ledger.read(h -> h.createQuery("SELECT count(*) FROM " + table)
                .mapTo(Integer.class)
                .one());
    }

    private static Object confirmed(Handle h, String runsAndOrders) {
        h.execute("INSERT INTO confirmed_order (run_id, order_id, created_at, created_month, qty, amount_fen, "
                + "boss_net_fen, platform_status, boss_live, matched_by) VALUES "
                + runsAndOrders.replace(
                        ")", ", '2026-02-01 10:00:00', '2026-02', 1, 100, 100, 'paid', 1, 'order_id')"));
        return null;
    }

    private static Object policy(Handle h, String positions) {
        h.execute(
                "INSERT INTO policy (site_id, sku, t_days, r_level, s_level, l_level, source, review_from, updated_at) "
                        + "VALUES "
                        + positions.replace(")", ", 7, 2, 5, 1, 'manual', '2026-03-01', '2026-03-01 10:00:00')"));
        return null;
    }

    private static Object move(Handle h, String rows) {
        // (move_id, site_id, sku, batch_id) rows
        StringBuilder values = new StringBuilder();
        for (String row : rows.split("\\),\\s*")) {
            String r = row.replace("(", "").replace(")", "");
            String[] v = r.split(",\\s*");
            values.append(values.length() == 0 ? "" : ", ")
                    .append("(")
                    .append(v[0])
                    .append(", '2026-03-01 10:00:00', ")
                    .append(v[1])
                    .append(", ")
                    .append(v[2])
                    .append(", 'receipt', 5, NULL, ")
                    .append(v[3])
                    .append(")");
        }
        h.execute("INSERT INTO stock_move (move_id, at, site_id, sku, kind, qty, ref, batch_id) VALUES " + values);
        return null;
    }

    /** Runs {@code statements} in one write transaction. */
    private static void execute(Ledger ledger, String... statements) {
        ledger.write(h -> {
            for (String statement : statements) {
                h.execute(statement);
            }
            return null;
        });
    }

    private static void assertRefused(Ledger ledger, String statement) {
        assertRefused(ledger, h -> h.execute(statement));
    }

    private static void assertRefused(Ledger ledger, HandleCallback<Object, RuntimeException> work) {
        Throwable thrown = catchThrowable(() -> ledger.write(work));
        assertThat(thrown).as("refused").isNotNull();
        SQLException sql = null;
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SQLException e) {
                sql = e;
            }
        }
        assertThat((Object) sql).as("a database error: " + thrown).isNotNull();
        if (ledger.dialect() == Ledger.Dialect.POSTGRESQL) {
            assertThat(sql.getSQLState()).isEqualTo("23503");
        } else {
            assertThat(sql.getMessage()).contains("FOREIGN KEY");
        }
    }
}
