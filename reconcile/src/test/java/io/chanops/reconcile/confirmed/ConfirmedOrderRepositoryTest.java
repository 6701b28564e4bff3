package io.chanops.reconcile.confirmed;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.testing.TestLedgers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfirmedOrderRepositoryTest {
    private static final YearMonth JAN = YearMonth.of(2026, 1);
    private static final YearMonth FEB = YearMonth.of(2026, 2);

    @TempDir
    Path dir;

    private static void run(Ledger ledger, long id, String at) {
        ledger.write(h -> h.execute(
                "INSERT INTO reconcile_run (run_id, run_at, platform_file, platform_sha256, boss_file, "
                        + "boss_sha256, profile_file, tolerance_fen, window_minutes, platform_rows, boss_rows, "
                        + "discrepancies, os_user) VALUES (?, ?, 'p', ?, 'b', ?, 'x', 0, 30, 0, 0, 0, 'test')",
                id,
                at,
                "p" + id,
                "b" + id));
    }

    /** A fresh ledger with the reconcile runs 1 to {@code count}, run i at 2026-03-0i 09:00:00. */
    private Ledger withRuns(int count) {
        Ledger ledger = TestLedgers.fresh(dir);
        for (int id = 1; id <= count; id++) {
            run(ledger, id, "2026-03-0" + id + " 09:00:00");
        }
        return ledger;
    }

    private static LocalDateTime at(String text) {
        return LocalDateTime.parse(text.replace(' ', 'T'));
    }

    private static ConfirmedOrder live(long run, String id, String created, String site, long netFen) {
        return new ConfirmedOrder(
                run,
                id,
                at(created),
                "web",
                site,
                "13800138000",
                "SIM-STD",
                1,
                netFen,
                netFen,
                at(created).plusMinutes(5),
                "completed",
                true,
                "order_ref");
    }

    private static ConfirmedOrder reversed(long run, String id, String created, String reversedAt) {
        return new ConfirmedOrder(
                run,
                id,
                at(created),
                "web",
                "GZ-WEB",
                "13800138000",
                "SIM-STD",
                1,
                1000,
                0,
                reversedAt == null ? null : at(reversedAt),
                "refunded",
                false,
                "order_ref");
    }

    private static void write(Ledger ledger, List<ConfirmedOrder> orders) {
        ledger.write(h -> {
            Map<Long, List<ConfirmedOrder>> byRun = orders.stream()
                    .collect(Collectors.groupingBy(ConfirmedOrder::runId, TreeMap::new, Collectors.toList()));
            byRun.forEach((run, ofRun) -> {
                try (ConfirmedOrderWriter w = new ConfirmedOrderRepository(h).writer(run)) {
                    ofRun.forEach(w::add);
                    assertThat(w.rows()).isEqualTo(ofRun.size());
                }
            });
            return null;
        });
    }

    private static <T> T query(Ledger ledger, Function<ConfirmedOrderRepository, T> query) {
        return ledger.read(h -> query.apply(new ConfirmedOrderRepository(h)));
    }

    private static List<ConfirmedSale> sales(Ledger ledger, YearMonth month) {
        List<ConfirmedSale> sales = new ArrayList<>();
        ledger.read(h -> {
            new ConfirmedOrderRepository(h).forEachSale(month, sales::add);
            return null;
        });
        return sales;
    }

    @Test
    void theOrdersOfARunComeBackAsWritten() {
        Ledger ledger = TestLedgers.fresh(dir);
        run(ledger, 1, "2026-02-01 09:00:00");
        List<ConfirmedOrder> orders = List.of(
                live(1, "B", "2026-01-02 10:00:00", "GZ-WEB", 1000),
                new ConfirmedOrder(
                        1,
                        "A",
                        at("2026-01-03 00:00:00"),
                        null,
                        null,
                        null,
                        null,
                        3,
                        -5,
                        7,
                        null,
                        "paid",
                        true,
                        "fallback"),
                reversed(1, "订单-1", "2025-12-31 23:59:59", "2026-01-05 12:00:00"));
        write(ledger, orders);
        write(ledger, List.of()); // no run, no rows
        List<ConfirmedOrder> back = query(ledger, r -> r.ofRun(1));
        assertThat(back).containsExactlyInAnyOrderElementsOf(orders);
        List<ConfirmedOrder> none = query(ledger, r -> r.ofRun(2));
        assertThat(none).isEmpty();
        List<String> months =
                ledger.read(h -> h.createQuery("SELECT created_month FROM confirmed_order ORDER BY created_month")
                        .mapTo(String.class)
                        .list());
        assertThat(months).containsExactly("2025-12", "2026-01", "2026-01");
    }

    @Test
    void aSaleIsTheLatestRunsLiveConfirmationOfAnOrderInTheMonthItWasCreatedIn() {
        Ledger ledger = withRuns(2);
        write(
                ledger,
                List.of(
                        live(1, "A", "2026-02-03 10:00:00", "GZ-WEB", 1000),
                        live(2, "A", "2026-02-03 10:00:00", "GZ-TH-01", 900), // reconciled again: the later run's facts
                        live(1, "B", "2026-02-04 10:00:00", "GZ-WEB", 500),
                        reversed(
                                2,
                                "B",
                                "2026-02-04 10:00:00",
                                "2026-02-20 10:00:00"), // not live: B's live confirmation stands
                        live(1, "C", "2026-01-31 23:00:00", "GZ-WEB", 100),
                        live(
                                2,
                                "C",
                                "2026-02-01 01:00:00",
                                "GZ-WEB",
                                100), // re-dated into February: a sale in each month
                        new ConfirmedOrder(
                                1,
                                "D",
                                at("2026-02-05 10:00:00"),
                                "web",
                                "GZ-WEB",
                                null,
                                "SIM-STD",
                                1,
                                100,
                                100,
                                null,
                                "paid",
                                false,
                                "order_ref"))); // BOSS not live: no sale
        assertThat(sales(ledger, FEB))
                .extracting(s -> s.orderId() + " " + s.siteId() + " " + s.bossNetFen())
                .containsExactly("C GZ-WEB 100", "A GZ-TH-01 900", "B GZ-WEB 500");
        assertThat(sales(ledger, JAN)).extracting(ConfirmedSale::orderId).containsExactly("C");
        List<ConfirmedSales> byKind = query(ledger, r -> r.salesByKind(FEB));
        assertThat(byKind)
                .containsExactlyInAnyOrder(
                        new ConfirmedSales("GZ-TH-01", "SIM-STD", LocalDate.of(2026, 2, 3), 900, 1, 1),
                        new ConfirmedSales("GZ-WEB", "SIM-STD", LocalDate.of(2026, 2, 1), 100, 1, 1),
                        new ConfirmedSales("GZ-WEB", "SIM-STD", LocalDate.of(2026, 2, 4), 500, 1, 1));
        List<ConfirmedSale> ofReversed = query(ledger, r -> r.salesOfReversedOrders(FEB));
        assertThat(ofReversed)
                .containsExactly(new ConfirmedSale("B", at("2026-02-04 10:00:00"), "GZ-WEB", "SIM-STD", 1, 500));
    }

    @Test
    void reversalsComeInRunOrderWithTheirRunsTime() {
        Ledger ledger = withRuns(2);
        write(
                ledger,
                List.of(
                        reversed(2, "A", "2026-02-01 10:00:00", null),
                        reversed(1, "B", "2026-01-01 10:00:00", "2026-01-09 08:00:00"),
                        live(1, "C", "2026-01-05 10:00:00", "GZ-WEB", 100)));
        List<Reversal> reversals = query(ledger, ConfirmedOrderRepository::reversals);
        assertThat(reversals)
                .containsExactly(
                        new Reversal(
                                "B",
                                at("2026-01-01 10:00:00"),
                                at("2026-01-09 08:00:00"),
                                "refunded",
                                1,
                                "2026-03-01 09:00:00"),
                        new Reversal("A", at("2026-02-01 10:00:00"), null, "refunded", 2, "2026-03-02 09:00:00"));
    }

    @Test
    void liveConfirmationsOfReversedOrdersSpanTheMonthsAskedFor() {
        Ledger ledger = withRuns(3);
        write(
                ledger,
                List.of(
                        live(2, "A", "2026-01-10 10:00:00", "GZ-WEB", 100),
                        live(1, "A", "2026-01-10 10:00:00", "GZ-WEB", 100),
                        live(1, "B", "2026-02-20 10:00:00", "GZ-WEB", 100),
                        live(1, "C", "2026-02-21 10:00:00", "GZ-WEB", 100),
                        live(1, "E", "2026-01-02 10:00:00", "GZ-WEB", 100), // before the span
                        reversed(3, "A", "2026-01-10 10:00:00", null),
                        reversed(3, "B", "2026-02-20 10:00:00", null),
                        reversed(3, "E", "2026-01-02 10:00:00", null)));
        List<LiveConfirmation> found = query(
                ledger, r -> r.liveConfirmationsOfReversedOrders(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 3, 1)));
        assertThat(found).extracting(c -> c.runId() + ":" + c.orderId()).containsExactlyInAnyOrder("1:A", "2:A", "1:B");
        assertThat(found.get(0).runId()).isEqualTo(1);
    }

    @Test
    void textOrderIsCodePointOrderAsSqliteSortsUtf8() {
        List<String> ids = new ArrayList<>(List.of("b", "\uFF21", "a", "\uD83D\uDE00", "ab", ""));
        ids.sort(ConfirmedOrderRepository.TEXT_ORDER);
        assertThat(ids).containsExactly("", "a", "ab", "b", "\uFF21", "\uD83D\uDE00");
    }

    private static Ledger shared;
    private static Path sharedDir;
    private static final AtomicInteger TRIES = new AtomicInteger();

    @AfterContainer
    static void removeSharedLedger() throws IOException {
        TestLedgers.deleteTree(sharedDir);
    }

    /**
     * The counts by kind the writers keep are the streamed sales counted, and the sales of reversed orders the ledger
     * picks are the streamed ones: random runs re-confirming, re-dating and reversing a small pool of orders over two
     * months, written in pieces by several writers per run, runs in any order.
     */
    @Property(tries = 25)
    void salesByKindAreTheStreamedSalesCounted(@ForAll long seed) throws Exception {
        synchronized (ConfirmedOrderRepositoryTest.class) {
            if (shared == null) {
                sharedDir = Files.createTempDirectory("confirmed-orders-property");
                shared = TestLedgers.fresh(sharedDir);
            }
        }
        int year = 2000 + TRIES.incrementAndGet(); // each try its own months
        Random random = new Random(seed);
        List<ConfirmedOrder> orders = new ArrayList<>();
        List<List<ConfirmedOrder>> pieces = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            long run = shared.read(h -> h.createQuery("SELECT COALESCE(MAX(run_id), 0) + 1 FROM reconcile_run")
                    .mapTo(Long.class)
                    .one());
            run(shared, run, year + "-03-0" + (r + 1) + " 09:00:00");
            Set<String> seen = new HashSet<>();
            List<ConfirmedOrder> piece = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = year + "-O" + random.nextInt(30); // ids of other tries never meet these
                if (!seen.add(id)) {
                    continue;
                }
                LocalDateTime created =
                        LocalDateTime.of(year, 1 + random.nextInt(2), 1 + random.nextInt(28), random.nextInt(24), 0);
                long net = 100L * (1 + random.nextInt(3));
                boolean isLive = random.nextInt(5) > 0;
                String status = isLive
                        ? (random.nextBoolean() ? "paid" : "completed")
                        : (random.nextBoolean() ? "refunded" : "paid");
                ConfirmedOrder o = new ConfirmedOrder(
                        run,
                        id,
                        created,
                        "web",
                        random.nextBoolean() ? "S1" : null,
                        "1",
                        random.nextBoolean() ? "K1" : "K2",
                        1 + random.nextInt(3),
                        net,
                        net,
                        created.plusHours(1),
                        status,
                        isLive && !status.equals("refunded"),
                        "order_ref");
                orders.add(o);
                piece.add(o);
                if (random.nextInt(8) == 0) {
                    pieces.add(piece);
                    piece = new ArrayList<>();
                }
            }
            pieces.add(piece);
        }
        Collections.shuffle(pieces, random);
        for (List<ConfirmedOrder> piece : pieces) {
            write(shared, piece);
        }
        Set<String> reversedOrders = orders.stream()
                .filter(o -> !o.bossLive() && !o.platformStatus().equals("paid"))
                .map(ConfirmedOrder::orderId)
                .collect(Collectors.toSet());
        for (YearMonth month : List.of(YearMonth.of(year, 1), YearMonth.of(year, 2))) {
            List<ConfirmedSale> streamed = sales(shared, month);
            assertThat(streamed).isSortedAccordingTo(Comparator.comparing(ConfirmedSale::createdAt));
            Map<List<Object>, long[]> counted = new HashMap<>();
            for (ConfirmedSale s : streamed) {
                long[] c = counted.computeIfAbsent(
                        Arrays.asList(s.siteId(), s.sku(), s.createdAt().toLocalDate(), s.bossNetFen()),
                        k -> new long[2]);
                c[0]++;
                c[1] += s.qty();
            }
            List<ConfirmedSales> expected = new ArrayList<>();
            counted.forEach((k, c) -> expected.add(new ConfirmedSales(
                    (String) k.get(0), (String) k.get(1), (LocalDate) k.get(2), (Long) k.get(3), c[0], c[1])));
            List<ConfirmedSales> byKind = query(shared, r -> r.salesByKind(month));
            assertThat(byKind).containsExactlyInAnyOrderElementsOf(expected);
            List<ConfirmedSale> ofReversed = query(shared, r -> r.salesOfReversedOrders(month));
            assertThat(ofReversed)
                    .containsExactlyInAnyOrderElementsOf(streamed.stream()
                            .filter(s -> reversedOrders.contains(s.orderId()))
                            .toList());
            // and each streamed sale is the latest live confirmation of its order in the month
            for (ConfirmedSale s : streamed) {
                ConfirmedOrder latest = orders.stream()
                        .filter(o -> o.orderId().equals(s.orderId())
                                && o.bossLive()
                                && YearMonth.from(o.createdAt()).equals(month))
                        .max(Comparator.comparingLong(ConfirmedOrder::runId))
                        .orElseThrow();
                assertThat(s)
                        .isEqualTo(new ConfirmedSale(
                                latest.orderId(),
                                latest.createdAt(),
                                latest.siteId(),
                                latest.sku(),
                                latest.qty(),
                                latest.bossNetFen()));
            }
            long liveOrders = orders.stream()
                    .filter(o -> o.bossLive() && YearMonth.from(o.createdAt()).equals(month))
                    .map(ConfirmedOrder::orderId)
                    .distinct()
                    .count();
            assertThat(streamed).hasSize((int) liveOrders);
        }
    }
}
