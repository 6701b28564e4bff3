package io.chanops.replenish.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.replenish.rebalance.Allocation.Action;
import io.chanops.replenish.rebalance.Allocation.Demand;
import io.chanops.replenish.rebalance.Allocation.Donor;
import io.chanops.replenish.rebalance.Allocation.Line;
import io.chanops.replenish.rebalance.Allocation.Supply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-computed allocations of SPEC §12. */
class AllocationTest {
    private static Demand emergency(String id, String site, long units, long belowL) {
        return new Demand(id, site, "PHONE", "WH", true, units, belowL);
    }

    private static Demand regular(String id, String site, long units, long belowL) {
        return new Demand(id, site, "PHONE", "WH", false, units, belowL);
    }

    private static Donor donor(String site, long onHand, long s, long promised) {
        return new Donor(site, "PHONE", "WH", onHand, s, promised);
    }

    private static Line line(Action action, String order, String from, String to, long qty) {
        return new Line(action, "WH", order, from, to, "PHONE", qty);
    }

    /**
     * WH has 10. Allocation order: E1 (emergency, on hand - L = -2), E2 (emergency, -1), R1 (regular, 3). E1 takes 6
     * (4 left); E2's 5 no longer fits and is skipped; R1's 4 still fits. E2 from donors: ST-4 excess 15 - 12 = 3 first,
     * then ST-5 13 - 12 = 1; 1 short.
     */
    @Test
    void aShortWarehouseServesEmergenciesFirstAndTakesOrdersWhole() {
        List<Line> lines = Allocation.allocate(
                List.of(regular("R1", "ST-3", 4, 3), emergency("E2", "ST-2", 5, -1), emergency("E1", "ST-1", 6, -2)),
                Map.of(new Supply("WH", "PHONE"), 10L),
                List.of(donor("ST-5", 13, 12, 0), donor("ST-4", 15, 12, 0)));
        assertThat(lines)
                .containsExactly(
                        line(Action.ALLOCATE, "E1", "WH", "ST-1", 6),
                        line(Action.TRANSFER, "E2", "ST-4", "ST-2", 3),
                        line(Action.TRANSFER, "E2", "ST-5", "ST-2", 1),
                        line(Action.SHORT, "E2", null, "ST-2", 1),
                        line(Action.ALLOCATE, "R1", "WH", "ST-3", 4));
    }

    /** Nothing at WH; 7 units from ST-2 (excess 4) and ST-3 (excess 4, after ST-2 by id), ST-4 (2) not needed. */
    @Test
    void severalDonorsCoverOneOrderLargestExcessFirstTiesBySite() {
        List<Line> lines = Allocation.allocate(
                List.of(regular("R1", "ST-1", 7, 1)),
                Map.of(),
                List.of(donor("ST-4", 7, 5, 0), donor("ST-3", 9, 5, 0), donor("ST-2", 14, 10, 0)));
        assertThat(lines)
                .containsExactly(
                        line(Action.TRANSFER, "R1", "ST-2", "ST-1", 4), line(Action.TRANSFER, "R1", "ST-3", "ST-1", 3));
    }

    /**
     * ST-2 has 12 above S 10: it gives 2, never more; ST-3 at S gives nothing; ST-4 is 2 above S but already promised
     * 1 to another store: it gives 1. 5 - 2 - 1 = 2 short.
     */
    @Test
    void aDonorIsNeverTakenBelowS() {
        List<Line> lines = Allocation.allocate(
                List.of(emergency("E1", "ST-1", 5, -1)),
                Map.of(new Supply("WH", "PHONE"), 0L),
                List.of(donor("ST-2", 12, 10, 0), donor("ST-3", 10, 10, 0), donor("ST-4", 7, 5, 1)));
        assertThat(lines)
                .containsExactly(
                        line(Action.TRANSFER, "E1", "ST-2", "ST-1", 2),
                        line(Action.TRANSFER, "E1", "ST-4", "ST-1", 1),
                        line(Action.SHORT, "E1", null, "ST-1", 2));
    }

    @Test
    void nothingShortGivesNoLines() {
        assertThat(Allocation.allocate(
                        List.of(emergency("E1", "ST-1", 4, -1), regular("R1", "ST-2", 6, 2)),
                        Map.of(new Supply("WH", "PHONE"), 10L),
                        List.of(donor("ST-3", 20, 10, 0))))
                .isEmpty();
    }

    /** WH-A is short and its only store above S is the recipient itself; WH-B's store above S must not give. */
    @Test
    void twoWarehousesNeverShareDonors() {
        List<Line> lines = Allocation.allocate(
                List.of(
                        new Demand("A1", "A-1", "PHONE", "WH-A", true, 3, -1),
                        new Demand("B1", "B-1", "PHONE", "WH-B", false, 2, 0)),
                Map.of(new Supply("WH-A", "PHONE"), 1L, new Supply("WH-B", "PHONE"), 0L),
                List.of(new Donor("B-2", "PHONE", "WH-B", 30, 10, 0), new Donor("A-1", "PHONE", "WH-A", 30, 10, 0)));
        assertThat(lines)
                .containsExactly(
                        new Line(Action.SHORT, "WH-A", "A1", null, "A-1", "PHONE", 3),
                        new Line(Action.TRANSFER, "WH-B", "B1", "B-2", "B-1", "PHONE", 2));
    }
}
