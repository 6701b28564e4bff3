package io.chanops.finance;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.testing.TestLedgers;
import io.chanops.reconcile.match.Category;
import io.chanops.reconcile.run.RunHistory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ledger of the row-per-order era (V3's confirmed_order) keeps its confirmed orders through V8 (which sets them
 * aside) and V13 (which makes them rows of V12's confirmed_order), and every report reads them as before.
 */
class ConfirmedStoreMigrationTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 2, 9, 30);

    @TempDir
    Path dir;

    /** run, order, created, site, sku, qty, net, status, boss live, accepted (null = none) */
    private static final List<Object[]> ORDERS = List.of(
            new Object[] {
                1L,
                "J-CT",
                "2026-01-20 10:00:00",
                "GZ-TH-01",
                "CT-5G-129-24",
                1L,
                12_900L,
                "completed",
                true,
                "2026-01-20 10:01:00"
            },
            new Object[] {
                1L,
                "J-HS",
                "2026-01-10 10:00:00",
                "GZ-PY-P1",
                "HS-MI15-256",
                1L,
                429_900L,
                "completed",
                true,
                "2026-01-10 10:01:00"
            },
            new Object[] {
                2L,
                "F-CT",
                "2026-02-03 10:00:00",
                "GZ-TH-01",
                "CT-5G-129-24",
                1L,
                12_900L,
                "completed",
                true,
                "2026-02-03 10:01:00"
            },
            new Object[] {
                2L,
                "F-CT199",
                "2026-02-04 11:00:00",
                "GZ-PY-P1",
                "CT-5G-199-24",
                2L,
                39_800L,
                "paid",
                true,
                "2026-02-04 11:01:00"
            },
            new Object[] {
                2L,
                "F-HS",
                "2026-02-05 12:00:00",
                "GZ-TH-P2",
                "HS-MI15-256",
                1L,
                429_900L,
                "completed",
                true,
                "2026-02-05 12:01:00"
            },
            new Object[] {
                2L,
                "F-SIM",
                "2026-02-06 13:00:00",
                "GZ-WEB",
                "SIM-STD",
                3L,
                3_000L,
                "completed",
                true,
                "2026-02-06 13:01:00"
            },
            new Object[] {
                2L,
                "F-UNK",
                "2026-02-07 14:00:00",
                "SZ-XX-01",
                "AC-CHG-20W",
                1L,
                14_900L,
                "completed",
                true,
                "2026-02-07 14:01:00"
            },
            new Object[] {2L, "F-NOT", "2026-02-08 14:00:00", "GZ-WEB", "SIM-STD", 1L, 1_000L, "paid", false, null},
            new Object[] {
                2L,
                "J-CT",
                "2026-01-20 10:00:00",
                "GZ-TH-01",
                "CT-5G-129-24",
                1L,
                0L,
                "refunded",
                false,
                "2026-02-10 09:00:00"
            },
            new Object[] {2L, "J-HS", "2026-01-10 10:00:00", "GZ-PY-P1", "HS-MI15-256", 1L, 0L, "refunded", false, null
            });

    @Test
    void aLedgerWithConfirmedOrderRowsMigratesAndReportsTheSameCommission() throws Exception {
        Path old = Files.createDirectories(dir.resolve("old"));
        Flyway.configure()
                .dataSource("jdbc:sqlite:" + old.resolve("test.db"), null, null)
                .locations("classpath:db/migration")
                .target("6")
                .load()
                .migrate();
        Jdbi v6 = Jdbi.create("jdbc:sqlite:" + old.resolve("test.db"));
        v6.useHandle(h -> {
            h.execute("INSERT INTO reconcile_run (run_id, run_at, platform_file, platform_sha256, boss_file, "
                    + "boss_sha256, profile_file, tolerance_fen, window_minutes, platform_rows, boss_rows, "
                    + "discrepancies, os_user) VALUES (1, '2026-02-01 09:00:00', 'p.csv', 'sha1', 'b.csv', "
                    + "'sha1', 'boss.properties', 0, 30, 0, 0, 0, 'test'), (2, '2026-03-01 09:00:00', 'p.csv', "
                    + "'sha2', 'b.csv', 'sha2', 'boss.properties', 0, 30, 0, 0, 0, 'test')");
            for (Object[] o : ORDERS) {
                h.execute(
                        "INSERT INTO confirmed_order (run_id, order_id, created_at, channel, site_id, msisdn, sku, "
                                + "qty, amount_fen, boss_net_fen, boss_accepted_at, platform_status, boss_live, "
                                + "matched_by) VALUES (?, ?, ?, 'web', ?, '13800138000', ?, ?, ?, ?, ?, ?, ?, "
                                + "'order_ref')",
                        o[0],
                        o[1],
                        o[2],
                        o[3],
                        o[4],
                        o[5],
                        o[6],
                        o[6],
                        o[9],
                        o[7],
                        (Boolean) o[8] ? 1 : 0);
            }
            h.execute("INSERT INTO confirmed_order (run_id, order_id, created_at, qty, amount_fen, boss_net_fen, "
                    + "platform_status, boss_live, matched_by) VALUES (1, 'NULLS', '2026-01-15', 1, 500, 500, "
                    + "'completed', 1, 'fallback')");
        });
        ReconciledLedger migrated = new ReconciledLedger(old); // opens it: V8 runs
        ReconciledLedger fresh = new ReconciledLedger(Files.createDirectories(dir.resolve("new")));
        fresh.run("2026-02-01 09:00:00");
        fresh.run("2026-03-01 09:00:00");
        for (Object[] o : ORDERS) {
            fresh.confirmed(
                    (Long) o[0],
                    (String) o[1],
                    (String) o[2],
                    (String) o[3],
                    (String) o[4],
                    (Long) o[5],
                    (Long) o[6],
                    (String) o[7],
                    (Boolean) o[8],
                    (String) o[9]);
        }

        int oldTablesLeft = migrated.ledger.read(h -> h.createQuery(
                        "SELECT count(*) FROM sqlite_master WHERE name IN ('confirmed_order_v3', 'confirmed_chunk')")
                .mapTo(Integer.class)
                .one());
        assertThat(oldTablesLeft).isZero();
        int rows = migrated.ledger.read(h -> h.createQuery("SELECT count(*) FROM confirmed_order")
                .mapTo(Integer.class)
                .one());
        assertThat(rows).isEqualTo(ORDERS.size() + 1);

        for (ReconciledLedger l : List.of(migrated, fresh)) {
            commission(l.ledger).loadRules(TestLedgers.sample("commission-rules.csv"), StandardCharsets.UTF_8, w -> {});
        }
        CommissionReport feb = commission(migrated.ledger).report(YearMonth.of(2026, 2));
        assertThat(feb.lines())
                .isEqualTo(
                        commission(fresh.ledger).report(YearMonth.of(2026, 2)).lines());
        assertThat(feb.lines())
                .hasSize(6)
                .filteredOn(CommissionLine::clawback)
                .extracting(CommissionLine::orderId)
                .containsExactly("J-CT");
        // J-HS's reversal has no BOSS time: it counts from the run (March)
        assertThat(commission(migrated.ledger).report(YearMonth.of(2026, 3)).lines())
                .isEqualTo(
                        commission(fresh.ledger).report(YearMonth.of(2026, 3)).lines());
        // the order with NULL strings counts in January, at an unknown site, as it did
        CommissionReport jan = commission(migrated.ledger).report(YearMonth.of(2026, 1));
        assertThat(jan.lines()).extracting(CommissionLine::orderId).containsExactlyInAnyOrder("J-CT", "J-HS", "NULLS");
        assertThat(jan.unknownSites()).containsExactly("(no site)");

        List<RunHistory.Finding> shown = new RunHistory(migrated.ledger).findings(2, Optional.of(Category.MATCHED));
        assertThat(shown).isEqualTo(new RunHistory(fresh.ledger).findings(2, Optional.of(Category.MATCHED)));
        assertThat(shown)
                .extracting(RunHistory.Finding::orderId)
                .containsExactly("J-HS", "J-CT", "F-CT", "F-CT199", "F-HS", "F-SIM", "F-UNK", "F-NOT");
        assertThat(new RunHistory(migrated.ledger).findings(1, Optional.of(Category.MATCHED)))
                .filteredOn(f -> f.orderId().equals("NULLS"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.createdAt()).isEqualTo("2026-01-15 00:00:00");
                    assertThat(f.msisdn()).isNull();
                    assertThat(f.bossAcceptedAt()).isNull();
                });
    }

    private static OperationContext context() {
        return OperationContext.at(NOW, ZoneId.of("Asia/Shanghai"));
    }

    private static CommissionService commission(Ledger ledger) {
        return new CommissionService(ledger, context());
    }
}
