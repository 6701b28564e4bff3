package io.chanops.replenish.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.ledger.model.Position;
import io.chanops.replenish.policy.Policy;
import io.chanops.replenish.policy.PolicyFile;
import io.chanops.replenish.policy.ReviewCycle;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class SimulationPropertyTest {
    private static final LocalDate FROM = LocalDate.of(2026, 2, 2);

    /** One generated position: its current policy, on hand at the start, and demand per day. */
    record Generated(Policy policy, long onHand, long[] demand) {}

    @Provide
    Arbitrary<Policy> policies() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 10),
                        Arbitraries.longs().between(0, 20),
                        Arbitraries.longs().between(0, 20),
                        Arbitraries.longs().between(1, 30))
                .as((t, a, b, s) -> {
                    long r = Math.min(Math.max(a, b), s);
                    long l = Math.min(Math.min(a, b), r);
                    return new Policy(t, r, s, l);
                });
    }

    @Provide
    Arbitrary<List<Generated>> positions() {
        Arbitrary<long[]> demand =
                Arbitraries.longs().between(0, 6).array(long[].class).ofSize(21);
        return Combinators.combine(policies(), Arbitraries.longs().between(-5, 30), demand)
                .as(Generated::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(12);
    }

    private static RecordedPosition recorded(int i, Generated g) {
        List<Integer> days = new ArrayList<>();
        for (int d = 0; d < g.demand().length; d++) {
            if (g.demand()[d] > 0) {
                days.add(d);
            }
        }
        int[] saleDays = days.stream().mapToInt(Integer::intValue).toArray();
        long[] units = days.stream().mapToLong(d -> g.demand()[d]).toArray();
        return new RecordedPosition(
                new Position("ST-" + i / 3, "SKU-" + i % 3), g.policy(), g.onHand(), saleDays, units);
    }

    /**
     * A policies file that holds exactly the current policies (in any order, locked or not, with rows for positions
     * that have no current policy) gives the same rows as {@code current}, position by position.
     */
    @Property(tries = 300)
    void aPoliciesFileEqualToTheCurrentPoliciesGivesTheSameRowsAsCurrent(
            @ForAll("positions") List<Generated> generated,
            @ForAll @IntRange(min = 0, max = 4) int lead,
            @ForAll long seed) {
        List<RecordedPosition> positions = new ArrayList<>();
        List<PolicyFile.Row> rows = new ArrayList<>();
        Random random = new Random(seed);
        for (int i = 0; i < generated.size(); i++) {
            RecordedPosition p = recorded(i, generated.get(i));
            positions.add(p);
            rows.add(new PolicyFile.Row(p.position().siteId(), p.position().sku(), p.current(), random.nextBoolean()));
        }
        rows.add(new PolicyFile.Row("ST-99", "SKU-0", new Policy(7, 1, 2, 0), false));
        Collections.shuffle(rows, random);
        SimulationService.Request request = new SimulationService.Request(
                FROM,
                FROM.plusDays(20),
                null,
                null,
                Path.of("same.csv"),
                StandardCharsets.UTF_8,
                List.of(),
                28,
                lead,
                ReviewCycle.DEFAULT_ANCHOR,
                Map.of(),
                true);
        List<Candidate> candidates = List.of(
                SimulationService.current(positions),
                SimulationService.fromFile("same", positions, rows, request, w -> {}));
        SimulationReport report = Simulation.run(
                positions,
                candidates,
                new Simulation.Window(FROM, FROM.plusDays(20), ReviewCycle.DEFAULT_ANCHOR, lead),
                true);
        SimulationReport.Result current = report.candidates().get(0);
        SimulationReport.Result same = report.candidates().get(1);
        assertThat(same.candidate()).isEqualTo("same");
        assertThat(same.total()).isEqualTo(current.total());
        assertThat(same.positions()).isEqualTo(current.positions());
    }

    /**
     * Units are conserved day by day: on hand at the end = on hand at the start + units arrived (or put on the shelf
     * at once with lead 0) - units served; served + lost = demand; nothing is served from an empty shelf.
     */
    @Property(tries = 500)
    void unitsAreConservedEveryDay(
            @ForAll("policies") Policy policy,
            @ForAll @LongRange(min = -5, max = 30) long onHand,
            @ForAll @IntRange(min = 0, max = 4) int lead,
            @ForAll @IntRange(min = 0, max = 6) int first,
            @ForAll("demand") long[] demand) {
        List<DayModel.Day> days = new ArrayList<>();
        Replay replay = new Replay(onHand, demand, policy, lead, new ReviewDays(first, policy.t()));
        Metrics m = DayModel.run(replay, days::add);
        long shelf = onHand;
        long onHandSum = 0;
        for (DayModel.Day d : days) {
            long atOnce = lead == 0 ? d.regularOrdered() : 0;
            assertThat(d.served() + d.lost()).isEqualTo(d.demand());
            assertThat(d.served()).isLessThanOrEqualTo(Math.max(0, shelf + d.arrived() + atOnce));
            shelf = shelf + d.arrived() + atOnce - d.served();
            assertThat(d.onHand()).isEqualTo(shelf);
            assertThat(d.onOrder()).isGreaterThanOrEqualTo(0);
            onHandSum += d.onHand();
        }
        assertThat(m.onHandSum()).isEqualTo(onHandSum);
        assertThat(m.served() + m.lost()).isEqualTo(m.demand());
        assertThat(m.fillRate()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
        // everything ordered has arrived, or is still on order at the end
        long arrived = days.stream()
                .mapToLong(d -> d.arrived() + (lead == 0 ? d.regularOrdered() : 0))
                .sum();
        long stillOnOrder = days.isEmpty() ? 0 : days.get(days.size() - 1).onOrder();
        assertThat(arrived + stillOnOrder).isEqualTo(m.unitsOrdered());
    }

    @Provide
    Arbitrary<long[]> demand() {
        return Arbitraries.longs()
                .between(0, 8)
                .array(long[].class)
                .ofMinSize(0)
                .ofMaxSize(40);
    }
}
