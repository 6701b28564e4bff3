package io.chanops.reconcile.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.reconcile.boss.BossRow;
import io.chanops.reconcile.platform.PlatformOrder;
import io.chanops.reconcile.platform.PlatformStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Whatever the files hold, every row is accounted for exactly once and the categories add back to the totals. */
class ReconcilerPropertyTest {

    @Property(tries = 300)
    void countsAndAmountsAlwaysAddBackToTheInputTotals(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 40) int orders,
            @ForAll @IntRange(min = 0, max = 60) int bossRows,
            @ForAll @IntRange(min = 0, max = 200) int toleranceFen) {
        Random rnd = new Random(seed);
        long base = Rows.at("2026-01-05 00:00:00");
        List<PlatformOrder> platform = new ArrayList<>();
        long platformTotal = 0;
        for (int i = 0; i < orders; i++) {
            // few ids, msisdns and amounts, so duplicates, groups and fallback candidates collide often
            long fen = 100L * (1 + rnd.nextInt(5));
            platformTotal += fen;
            platform.add(new PlatformOrder(
                    "O" + rnd.nextInt(orders + 1),
                    base + rnd.nextInt(7200),
                    "web",
                    "GZ-WEB",
                    "1380000000" + rnd.nextInt(3),
                    "SIM-STD",
                    1,
                    fen,
                    PlatformStatus.values()[rnd.nextInt(4)],
                    i + 2));
        }
        List<BossRow> boss = new ArrayList<>();
        long bossTotal = 0;
        for (int i = 0; i < bossRows; i++) {
            long fen = (rnd.nextInt(4) == 0 ? -100L : 100L) * (1 + rnd.nextInt(5)) + (rnd.nextInt(10) == 0 ? 1 : 0);
            bossTotal += fen;
            String ref = rnd.nextInt(3) == 0 ? "" : "O" + rnd.nextInt(orders + 3);
            boss.add(new BossRow(
                    "B" + rnd.nextInt(bossRows + 1),
                    ref,
                    "1380000000" + rnd.nextInt(3),
                    base + rnd.nextInt(7200),
                    fen,
                    rnd.nextBoolean(),
                    "GZ-WEB",
                    i + 2));
        }

        Reconciler.Result r = new Reconciler(toleranceFen, 1800).reconcile(platform, boss);
        Summary s = r.summary();

        assertThat(s.platformTotalFen()).isEqualTo(platformTotal);
        assertThat(s.bossTotalFen()).isEqualTo(bossTotal);
        assertThat(s.platformRows()).isEqualTo(platform.size());
        long countSum = 0;
        for (Category c : Category.values()) {
            countSum += s.count(c);
        }
        assertThat(countSum).isEqualTo(r.items().size());
        // every BOSS row is in exactly one item, every platform row is exactly one item
        Map<Long, Integer> bossSeen = new HashMap<>();
        Map<Long, Integer> platformSeen = new HashMap<>();
        for (Item item : r.items()) {
            if (item.group() != null) {
                item.group().rows().forEach(row -> bossSeen.merge(row.line(), 1, Integer::sum));
            }
            if (item.order() != null) {
                platformSeen.merge(item.order().line(), 1, Integer::sum);
            }
        }
        assertThat(bossSeen)
                .hasSize(boss.size())
                .allSatisfy((line, n) -> assertThat(n).isEqualTo(1));
        assertThat(platformSeen)
                .hasSize(platform.size())
                .allSatisfy((line, n) -> assertThat(n).isEqualTo(1));
        // matched live orders are within tolerance
        r.of(Category.MATCHED).stream()
                .filter(i -> i.order().status().live())
                .forEach(
                        i -> assertThat(Math.abs(i.platformFen() - i.bossFen())).isLessThanOrEqualTo(toleranceFen));
    }

    /**
     * The table-based Matcher finds exactly what the object-per-row reference implementation finds, in the same order.
     */
    @Property(tries = 400)
    void matcherAgreesWithTheReferenceImplementation(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 40) int orders,
            @ForAll @IntRange(min = 0, max = 60) int bossRows,
            @ForAll @IntRange(min = 0, max = 200) int toleranceFen,
            @ForAll @IntRange(min = 0, max = 4000) int windowSeconds) {
        Random rnd = new Random(seed);
        long base = Rows.at("2026-01-05 00:00:00");
        List<PlatformOrder> platform = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            platform.add(new PlatformOrder(
                    "O" + rnd.nextInt(orders + 1),
                    base + rnd.nextInt(7200),
                    "web",
                    "GZ-WEB",
                    rnd.nextInt(8) == 0 ? "" : "1380000000" + rnd.nextInt(3),
                    "SIM-STD",
                    1,
                    100L * (1 + rnd.nextInt(3)),
                    PlatformStatus.values()[rnd.nextInt(4)],
                    2 + i));
        }
        List<BossRow> boss = new ArrayList<>();
        for (int i = 0; i < bossRows; i++) {
            long fen = (rnd.nextInt(4) == 0 ? -100L : 100L) * (1 + rnd.nextInt(3)) + (rnd.nextInt(10) == 0 ? 1 : 0);
            String ref = rnd.nextInt(2) == 0 ? "" : "O" + rnd.nextInt(orders + 3);
            // equal times happen (latest-row ties are broken by line)
            boss.add(new BossRow(
                    "B" + rnd.nextInt(bossRows + 1),
                    ref,
                    "1380000000" + rnd.nextInt(3),
                    base + 60L * rnd.nextInt(120),
                    fen,
                    rnd.nextBoolean(),
                    "GZ-WEB",
                    2 + i));
        }
        List<CarriedOrder> carried = new ArrayList<>();
        for (int i = 0; i < rnd.nextInt(4); i++) {
            carried.add(new CarriedOrder(
                    10 + i,
                    1,
                    new PlatformOrder(
                            "O" + rnd.nextInt(orders + 3),
                            base,
                            "web",
                            "GZ-WEB",
                            "13800000000",
                            "SIM-STD",
                            1,
                            100,
                            PlatformStatus.PAID,
                            2)));
        }

        Reconciler.Result got = new Reconciler(toleranceFen, windowSeconds).reconcile(platform, boss, carried);
        Reconciler.Result want =
                new ReferenceReconciler(toleranceFen, windowSeconds).reconcile(platform, boss, carried);

        assertThat(describe(got.items())).containsExactlyElementsOf(describe(want.items()));
        for (Category c : Category.values()) {
            assertThat(got.summary().count(c))
                    .as("count " + c)
                    .isEqualTo(want.summary().count(c));
            assertThat(got.summary().platformFen(c))
                    .as("platform " + c)
                    .isEqualTo(want.summary().platformFen(c));
            assertThat(got.summary().bossFen(c))
                    .as("boss " + c)
                    .isEqualTo(want.summary().bossFen(c));
        }
    }

    private static List<String> describe(List<Item> items) {
        List<String> out = new ArrayList<>();
        for (Item i : items) {
            out.add(i.category() + " "
                    + (i.order() == null
                            ? "-"
                            : i.order().orderId() + "@" + i.order().line()) + " "
                    + (i.group() == null
                            ? "-"
                            : i.group().orderRef() + "[" + i.group().bossIds() + "] net "
                                    + i.group().netFen() + " " + i.group().status() + " latest "
                                    + i.group().latest().line() + " " + i.matchedBy())
                    + (i.carried() == null ? "" : " carried " + i.carried().itemId()));
        }
        return out;
    }
}
