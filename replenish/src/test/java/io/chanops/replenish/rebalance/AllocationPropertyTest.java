package io.chanops.replenish.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.replenish.rebalance.Allocation.Action;
import io.chanops.replenish.rebalance.Allocation.Demand;
import io.chanops.replenish.rebalance.Allocation.Donor;
import io.chanops.replenish.rebalance.Allocation.Line;
import io.chanops.replenish.rebalance.Allocation.Supply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Whatever the orders, stock and donors: never more than available, never below S, every unit accounted for. */
class AllocationPropertyTest {
    private static final List<String> WAREHOUSES = List.of("WH-A", "WH-B");
    private static final List<String> SKUS = List.of("P1", "P2");

    record Day(List<Demand> demand, Map<Supply, Long> available, List<Donor> donors) {}

    private static Day generate(long seed) {
        Random r = new Random(seed);
        List<Demand> demand = new ArrayList<>();
        int orders = r.nextInt(25);
        for (int i = 0; i < orders; i++) {
            demand.add(new Demand(
                    String.format("O%03d", i),
                    "S" + r.nextInt(12),
                    SKUS.get(r.nextInt(SKUS.size())),
                    WAREHOUSES.get(r.nextInt(WAREHOUSES.size())),
                    r.nextBoolean(),
                    1 + r.nextInt(9),
                    r.nextInt(11) - 5));
        }
        Map<Supply, Long> available = new HashMap<>();
        for (String w : WAREHOUSES) {
            for (String k : SKUS) {
                if (r.nextInt(4) > 0) {
                    available.put(new Supply(w, k), (long) r.nextInt(30) - 3);
                }
            }
        }
        List<Donor> donors = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            // a store belongs to one warehouse
            String w = WAREHOUSES.get(s % 2);
            for (String k : SKUS) {
                if (r.nextBoolean()) {
                    long sLevel = 1 + r.nextInt(10);
                    donors.add(new Donor("S" + s, k, w, sLevel + r.nextInt(8) - 2, sLevel, r.nextInt(3)));
                }
            }
        }
        return new Day(demand, available, donors);
    }

    @Property(tries = 500)
    void neverMoreThanAvailableNeverBelowSAndEveryUnitAccountedFor(@ForAll long seed) {
        Day day = generate(seed);
        List<Line> lines = Allocation.allocate(day.demand(), day.available(), day.donors());

        Map<Supply, Long> allocated = new HashMap<>();
        Map<String, Long> given = new HashMap<>();
        Map<String, Long> accounted = new HashMap<>();
        Map<String, Donor> donors = new HashMap<>();
        day.donors().forEach(d -> donors.put(d.siteId() + "/" + d.sku() + "/" + d.warehouse(), d));
        for (Line l : lines) {
            accounted.merge(l.orderId(), l.qty(), Long::sum);
            assertThat(l.qty()).isPositive();
            if (l.action() == Action.ALLOCATE) {
                allocated.merge(new Supply(l.warehouse(), l.sku()), l.qty(), Long::sum);
            } else if (l.action() == Action.TRANSFER) {
                String key = l.fromSite() + "/" + l.sku() + "/" + l.warehouse();
                assertThat(donors).as("a donor of the same warehouse").containsKey(key);
                assertThat(l.fromSite()).isNotEqualTo(l.toSite());
                given.merge(key, l.qty(), Long::sum);
            }
        }
        allocated.forEach((s, units) -> assertThat(units)
                .as("allocated from %s", s)
                .isLessThanOrEqualTo(Math.max(0, day.available().getOrDefault(s, 0L))));
        given.forEach((key, units) -> {
            Donor d = donors.get(key);
            assertThat(d.onHand() - d.promised() - units)
                    .as("donor %s after giving", key)
                    .isGreaterThanOrEqualTo(d.s());
        });

        Map<Supply, Long> demand = new HashMap<>();
        day.demand().forEach(d -> demand.merge(d.supply(), d.units(), Long::sum));
        Set<Supply> shortSupplies = new HashSet<>();
        demand.forEach((s, units) -> {
            if (units > Math.max(0, day.available().getOrDefault(s, 0L))) {
                shortSupplies.add(s);
            }
        });
        for (Demand d : day.demand()) {
            if (shortSupplies.contains(d.supply())) {
                assertThat(accounted.get(d.orderId()))
                        .as("allocated + transferred + short of %s", d.orderId())
                        .isEqualTo(d.units());
            } else {
                assertThat(accounted)
                        .as("no line for %s: its warehouse has enough", d.orderId())
                        .doesNotContainKey(d.orderId());
            }
        }
    }
}
