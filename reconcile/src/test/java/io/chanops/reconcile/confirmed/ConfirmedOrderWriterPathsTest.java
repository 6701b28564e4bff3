package io.chanops.reconcile.confirmed;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.testing.TestLedgers;
import io.chanops.ledger.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The writer's two ways of storing rows, SQLite's packed multi-row statements and the plain statement every database
 * takes, store the same rows and the same counts: generated runs of any length (so full statements and a shorter
 * last one), with NULLs, non-ASCII text, every status, and words the packed path does not know.
 */
class ConfirmedOrderWriterPathsTest {
    private static final List<String> STATUSES = List.of("paid", "completed", "cancelled", "refunded", "on hold");
    private static final List<String> MATCHED = List.of("order_ref", "fallback", "manual");

    @Property(tries = 12)
    void packedAndPlainStatementsStoreTheSameRows(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int orders)
            throws IOException {
        Path dir = Files.createTempDirectory("confirmed-writer-paths");
        try {
            List<List<ConfirmedOrder>> runs = generate(new Random(seed), orders);
            Ledger packed = TestLedgers.fresh(Files.createDirectory(dir.resolve("packed")));
            Ledger plain = TestLedgers.fresh(Files.createDirectory(dir.resolve("plain")));
            store(packed, runs, ConfirmedOrderWriter.Way.PACKED);
            store(plain, runs, ConfirmedOrderWriter.Way.PLAIN);
            for (String query : QUERIES) {
                assertThat(dump(packed, query)).isEqualTo(dump(plain, query));
            }
            assertThat(dump(packed, "SELECT COUNT(*) FROM confirmed_order"))
                    .containsExactly(List.of(
                            "Integer:" + runs.stream().mapToInt(List::size).sum()));
        } finally {
            TestLedgers.deleteTree(dir);
        }
    }

    private static final List<String> QUERIES = List.of(
            "SELECT * FROM confirmed_order ORDER BY run_id, order_id",
            "SELECT created_month, site_id, sku, order_date, boss_net_fen, SUM(orders), SUM(units) "
                    + "FROM confirmed_sale_count GROUP BY 1, 2, 3, 4, 5 HAVING SUM(orders) <> 0 ORDER BY 1, 2, 3, 4, "
                    + "5");

    /**
     * PostgreSQL's COPY stores what the plain statements store, with COPY chunks small enough that a run takes many
     * (the sale lookups run between two), and text COPY must escape (tab, backslash, newline). Needs a server
     * ({@link TestPostgres}; skipped without one).
     */
    @Test
    void copyAndPlainStatementsStoreTheSameRowsOnPostgresql() {
        String base = TestPostgres.url();
        for (long seed = 1; seed <= 4; seed++) {
            String copyUrl = TestPostgres.freshSchema();
            String plainUrl = TestPostgres.freshSchema();
            try {
                List<List<ConfirmedOrder>> runs = generate(new Random(seed), seed == 1 ? 0 : (int) (seed * 300));
                Ledger copy = Ledger.init(copyUrl, Duration.ofSeconds(5), TestLedgers.ZONE);
                Ledger plain = Ledger.init(plainUrl, Duration.ofSeconds(5), TestLedgers.ZONE);
                store(copy, runs, ConfirmedOrderWriter.Way.COPY);
                store(plain, runs, ConfirmedOrderWriter.Way.PLAIN);
                for (String query : QUERIES) {
                    assertThat(dump(copy, query)).isEqualTo(dump(plain, query));
                }
                assertThat(dump(copy, "SELECT COUNT(*) FROM confirmed_order"))
                        .containsExactly(List.of(
                                "Long:" + runs.stream().mapToInt(List::size).sum()));
            } finally {
                TestPostgres.drop(copyUrl);
                TestPostgres.drop(plainUrl);
            }
        }
        assertThat(base).isNotEmpty();
    }

    @Property(tries = 200)
    void theCodeKeepsStatusLivenessAndMatchApart(
            @ForAll @IntRange(min = 0, max = 3) int status, @ForAll boolean live, @ForAll boolean fallback) {
        String[] statuses = {"paid", "completed", "cancelled", "refunded"};
        int code = ConfirmedOrderWriter.code(statuses[status], live, fallback ? "fallback" : "order_ref");
        assertThat(code >> 2).isEqualTo(status);
        assertThat((code >> 1) & 1).isEqualTo(live ? 1 : 0);
        assertThat(code & 1).isEqualTo(fallback ? 1 : 0);
        assertThat(ConfirmedOrderWriter.code("PAID", live, "order_ref")).isEqualTo(-1);
        assertThat(ConfirmedOrderWriter.code("paid", live, "manual")).isEqualTo(-1);
    }

    /** Two or three runs over a pool of orders, so that later runs re-confirm earlier runs' orders. */
    private static List<List<ConfirmedOrder>> generate(Random random, int orders) {
        List<List<ConfirmedOrder>> runs = new ArrayList<>();
        int runCount = 2 + random.nextInt(2);
        for (int run = 1; run <= runCount; run++) {
            List<ConfirmedOrder> ofRun = new ArrayList<>();
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < orders * 2; i++) {
                ids.add(i);
            }
            Collections.shuffle(ids, random);
            for (int id : ids.subList(0, orders)) {
                LocalDateTime created = LocalDateTime.of(2026, 1 + random.nextInt(2), 1 + random.nextInt(28), 8, 0)
                        .plusSeconds(random.nextInt(36_000));
                long net = random.nextInt(5) == 0 ? -random.nextInt(10_000) : random.nextInt(500_000);
                String status = STATUSES.get(random.nextInt(random.nextInt(10) == 0 ? STATUSES.size() : 2));
                ofRun.add(new ConfirmedOrder(
                        run,
                        (random.nextBoolean() ? "订单-" : random.nextInt(20) == 0 ? "P\\t\t\n" : "P") + id,
                        created,
                        random.nextInt(6) == 0 ? null : random.nextBoolean() ? "web" : "app",
                        random.nextInt(6) == 0 ? null : "GZ-" + random.nextInt(4),
                        random.nextInt(6) == 0 ? null : "138" + (10_000_000 + random.nextInt(1_000_000)),
                        random.nextInt(6) == 0 ? null : "SKU-" + random.nextInt(3),
                        1 + random.nextInt(3),
                        net + random.nextInt(100),
                        net,
                        random.nextInt(5) == 0 ? null : created.plusMinutes(random.nextInt(600)),
                        status,
                        random.nextInt(8) > 0,
                        MATCHED.get(random.nextInt(random.nextInt(10) == 0 ? MATCHED.size() : 2))));
            }
            runs.add(ofRun);
        }
        return runs;
    }

    private static void store(Ledger ledger, List<List<ConfirmedOrder>> runs, ConfirmedOrderWriter.Way way) {
        for (int i = 0; i < runs.size(); i++) {
            List<ConfirmedOrder> ofRun = runs.get(i);
            long run = i + 1;
            ledger.write(h -> {
                h.execute(
                        "INSERT INTO reconcile_run (run_id, run_at, platform_file, platform_sha256, boss_file, "
                                + "boss_sha256, profile_file, tolerance_fen, window_minutes, platform_rows, boss_rows, "
                                + "discrepancies, os_user) VALUES (?, ?, 'p', ?, 'b', ?, 'x', 0, 30, 0, 0, 0, 'test')",
                        run,
                        "2026-03-0" + run + " 09:00:00",
                        "p" + run,
                        "b" + run);
                try (ConfirmedOrderWriter w = new ConfirmedOrderWriter(h, run, way, 1024)) {
                    ofRun.forEach(w::add);
                }
                return null;
            });
        }
    }

    private static List<List<String>> dump(Ledger ledger, String query) {
        return ledger.read(h -> h.createQuery(query)
                .map((rs, ctx) -> {
                    List<String> row = new ArrayList<>();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        Object v = rs.getObject(c);
                        row.add(v == null ? "NULL" : v.getClass().getSimpleName() + ":" + v);
                    }
                    return row;
                })
                .list());
    }
}
