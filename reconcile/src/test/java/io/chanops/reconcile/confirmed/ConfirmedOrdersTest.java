package io.chanops.reconcile.confirmed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.testing.TestLedgers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfirmedOrdersTest {
    private static final long DAY = 86_400L;
    private static final long JAN_1 = 1_767_225_600L; // 2026-01-01 00:00 local seconds

    @TempDir
    Path dir;

    private static void run(Ledger ledger, long id) {
        ledger.write(h -> h.execute(
                "INSERT INTO reconcile_run (run_id, run_at, platform_file, platform_sha256, boss_file, "
                        + "boss_sha256, profile_file, tolerance_fen, window_minutes, platform_rows, boss_rows, discrepancies, os_user) "
                        + "VALUES (?, '2026-02-01 09:00:00', 'p', ?, 'b', ?, 'x', 0, 30, 0, 0, 0, 'test')",
                id,
                "p" + id,
                "b" + id));
    }

    private static ConfirmedOrder order(long run, String id, long created, String status, boolean live) {
        return new ConfirmedOrder(
                run,
                id,
                created,
                "web",
                "GZ-WEB",
                "13800138000",
                "SIM-STD",
                1,
                1000,
                live ? 1000 : 0,
                created + 60,
                status,
                live,
                "order_ref");
    }

    private static void write(Ledger ledger, long run, int chunkRows, List<ConfirmedOrder> orders) {
        ledger.write(h -> {
            try (ConfirmedOrderWriter w = new ConfirmedOrderWriter(h, run, true, chunkRows)) {
                for (ConfirmedOrder o : orders) {
                    w.add(
                            o.orderId(),
                            o.createdAt(),
                            o.channel(),
                            o.siteId(),
                            o.msisdn(),
                            o.sku(),
                            o.qty(),
                            o.amountFen(),
                            o.bossNetFen(),
                            o.bossAcceptedAt(),
                            o.platformStatus(),
                            o.bossLive(),
                            o.matchedBy());
                }
                assertThat(w.rows()).isEqualTo(orders.size());
            }
            return null;
        });
    }

    private static List<ConfirmedOrder> read(Ledger ledger, ConfirmedOrders.Filter filter) {
        List<ConfirmedOrder> out = new ArrayList<>();
        ledger.read(h -> {
            ConfirmedOrders.forEach(h, filter, out::add);
            return null;
        });
        return out;
    }

    private static int chunks(Ledger ledger) {
        return ledger.read(h -> h.createQuery("SELECT count(*) FROM confirmed_chunk")
                .mapTo(Integer.class)
                .one());
    }

    /** Two runs: January in run 1 (chunks of 3), February and one late January order in run 2. */
    private Ledger twoRuns() {
        Ledger ledger = TestLedgers.fresh(dir);
        run(ledger, 1);
        run(ledger, 2);
        List<ConfirmedOrder> jan = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            jan.add(order(1, "J" + i, JAN_1 + i * DAY, i == 4 ? "refunded" : "completed", i != 4));
        }
        write(ledger, 1, 3, jan);
        write(
                ledger,
                2,
                3,
                List.of(
                        order(2, "F1", JAN_1 + 31 * DAY, "paid", true),
                        order(2, "F2", JAN_1 + 32 * DAY, "cancelled", false),
                        order(2, "J4", JAN_1 + 4 * DAY, "refunded", false)));
        return ledger;
    }

    @Test
    void ordersComeBackInRunOrderThenInTheOrderTheyWereAdded() {
        Ledger ledger = twoRuns();
        assertThat(chunks(ledger)).isEqualTo(5); // 10 orders in chunks of 3, then 3 in one
        assertThat(read(ledger, ConfirmedOrders.Filter.all()))
                .extracting(o -> o.runId() + ":" + o.orderId())
                .containsExactly(
                        "1:J0", "1:J1", "1:J2", "1:J3", "1:J4", "1:J5", "1:J6", "1:J7", "1:J8", "1:J9", "2:F1", "2:F2",
                        "2:J4");
        assertThat(read(ledger, ConfirmedOrders.Filter.all()).get(0))
                .isEqualTo(order(1, "J0", JAN_1, "completed", true));
    }

    @Test
    void filtersSelectByRunCreationTimeAndLiveOrCancelled() {
        Ledger ledger = twoRuns();
        assertThat(read(ledger, ConfirmedOrders.Filter.all().run(2)))
                .extracting(ConfirmedOrder::orderId)
                .containsExactly("F1", "F2", "J4");
        assertThat(read(ledger, ConfirmedOrders.Filter.all().createdIn(JAN_1 + 2 * DAY, JAN_1 + 5 * DAY)))
                .extracting(ConfirmedOrder::orderId)
                .containsExactly("J2", "J3", "J4", "J4");
        assertThat(read(ledger, ConfirmedOrders.Filter.all().cancelled()))
                .extracting(o -> o.runId() + ":" + o.orderId())
                .containsExactly("1:J4", "2:F2", "2:J4");
        assertThat(read(ledger, ConfirmedOrders.Filter.all().live().createdIn(JAN_1 + 3 * DAY, JAN_1 + 40 * DAY)))
                .extracting(ConfirmedOrder::orderId)
                .containsExactly("J3", "J5", "J6", "J7", "J8", "J9", "F1");
        assertThat(read(ledger, ConfirmedOrders.Filter.all().live().cancelled()))
                .isEmpty();
        assertThat(read(ledger, ConfirmedOrders.Filter.all().run(3))).isEmpty();
    }

    @Test
    void aWriterWithNoOrdersWritesNothingAndALaterWriterForTheRunAppendsChunks() {
        Ledger ledger = TestLedgers.fresh(dir);
        run(ledger, 1);
        write(ledger, 1, 3, List.of());
        assertThat(chunks(ledger)).isZero();
        write(ledger, 1, 3, List.of(order(1, "A", JAN_1, "paid", true)));
        write(ledger, 1, 3, List.of(order(1, "B", JAN_1, "paid", true)));
        assertThat(read(ledger, ConfirmedOrders.Filter.all()))
                .extracting(ConfirmedOrder::orderId)
                .containsExactly("A", "B");
    }

    @Test
    void aDamagedChunkFailsNamingRunAndChunk() {
        Ledger ledger = twoRuns();
        ledger.write(h -> h.execute(
                "UPDATE confirmed_chunk SET payload = substr(payload, 1, 20) WHERE run_id = 1 AND chunk_no = 2"));
        assertThatThrownBy(() -> read(ledger, ConfirmedOrders.Filter.all()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run 1, chunk 2");
    }

    @Test
    void textOrderIsCodePointOrderAsSqliteSortsUtf8() {
        List<String> ids = new ArrayList<>(List.of("b", "\uFF21", "a", "\uD83D\uDE00", "ab", ""));
        ids.sort(ConfirmedOrders.TEXT_ORDER);
        assertThat(ids).containsExactly("", "a", "ab", "b", "\uFF21", "\uD83D\uDE00");
    }

    private static Ledger shared;
    private static Path sharedDir;

    @AfterContainer
    static void removeSharedLedger() throws java.io.IOException {
        TestLedgers.deleteTree(sharedDir);
    }

    private static final AtomicLong RUNS = new AtomicLong();

    @Property(tries = 40)
    void randomOrdersWrittenComeBackIdenticalAndInOrder(
            @ForAll("orders") List<ConfirmedOrder> orders, @ForAll("chunkRows") int chunkRows) throws Exception {
        synchronized (ConfirmedOrdersTest.class) {
            if (shared == null) {
                sharedDir = Files.createTempDirectory("confirmed-orders-property");
                shared = TestLedgers.fresh(sharedDir);
            }
        }
        long runId = RUNS.incrementAndGet();
        run(shared, runId);
        List<ConfirmedOrder> expected = orders.stream()
                .map(o -> new ConfirmedOrder(
                        runId,
                        o.orderId(),
                        o.createdAt(),
                        o.channel(),
                        o.siteId(),
                        o.msisdn(),
                        o.sku(),
                        o.qty(),
                        o.amountFen(),
                        o.bossNetFen(),
                        o.bossAcceptedAt(),
                        o.platformStatus(),
                        o.bossLive(),
                        o.matchedBy()))
                .toList();
        write(shared, runId, chunkRows, expected);
        assertThat(read(shared, ConfirmedOrders.Filter.all().run(runId))).containsExactlyElementsOf(expected);
    }

    @Provide
    Arbitrary<Integer> chunkRows() {
        return Arbitraries.of(1, 2, 7, 64, 16_384);
    }

    @Provide
    Arbitrary<List<ConfirmedOrder>> orders() {
        Arbitrary<String> id = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20),
                Arbitraries.longs().between(0, 99_999_999).map(n -> "WO" + String.format("%09d", n)));
        Arbitrary<String> msisdn = Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofMaxLength(20),
                Arbitraries.strings().ofMaxLength(5));
        Arbitrary<String> word =
                Arbitraries.of("", "web", "广州天河", "SIM-STD", "paid", "completed", "cancelled", "refunded", "fallback");
        Arbitrary<Long> time = Arbitraries.longs().between(-5_000_000_000L, 250_000_000_000L);
        Arbitrary<Long> money =
                Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-100_000, 10_000_000));
        return Combinators.combine(
                        Combinators.combine(id, time, word, word, msisdn, word).as(List::<Object>of),
                        Combinators.combine(money, money, money, time, word, Arbitraries.of(true, false), word)
                                .as(List::<Object>of))
                .as((a, b) -> new ConfirmedOrder(
                        0,
                        (String) a.get(0),
                        (Long) a.get(1),
                        (String) a.get(2),
                        (String) a.get(3),
                        (String) a.get(4),
                        (String) a.get(5),
                        (Long) b.get(0),
                        (Long) b.get(1),
                        (Long) b.get(2),
                        (Long) b.get(3),
                        (String) b.get(4),
                        (Boolean) b.get(5),
                        (String) b.get(6)))
                .list()
                .ofMaxSize(200);
    }
}
