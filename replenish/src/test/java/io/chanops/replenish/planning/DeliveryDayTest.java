package io.chanops.replenish.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chanops.ledger.OutputFailedException;
import io.chanops.ledger.testing.TestLedgers;
import io.chanops.replenish.check.ScenarioLedger;
import io.chanops.replenish.orders.OrderService;
import io.chanops.replenish.planning.solver.EmergencyPlanner;
import io.chanops.replenish.planning.solver.SolverSettings;
import io.chanops.replenish.planning.solver.SolverTuning;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --apply} marks a plan only while every order it read is still as read (SPEC §6). Four open regular orders
 * due Wednesday 2026-03-04, planned on Monday at 10:30 onto one van:
 *
 * <pre>
 * O-1 ST-1 PHONE 9   policy R 5 S 12 L 2, on hand 3: a sale of 2 escalates it (position 1 + 9 = 10, + 2 = 11, due today)
 * O-2 ST-1 CASE  5
 * O-3 ST-2 PHONE 6
 * O-4 ST-2 CASE  7
 * </pre>
 */
class DeliveryDayTest {
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 3, 4);
    private static final LocalDateTime PLANNED_AT = LocalDateTime.of(2026, 3, 2, 10, 30);
    private static final LocalDateTime SALE_AT = LocalDateTime.of(2026, 3, 2, 10, 45);
    private static final String SALE = "2026-03-02 10:40,ST-1,PHONE,sale,2,POS-9";

    @TempDir
    Path dir;

    ScenarioLedger s;
    Path vehicles;
    /** The delivery day as planned and applied at {@link #PLANNED_AT}. */
    DeliveryDay day;

    @BeforeEach
    void setUp() {
        s = new ScenarioLedger(dir);
        s.moves(
                ScenarioLedger.SETUP,
                "2026-02-23 08:00,ST-1,PHONE,count,3,",
                "2026-02-23 08:00,WH,PHONE,count,100,",
                "2026-02-23 08:00,WH,CASE,count,100,");
        s.policy("ST-1", "PHONE", 7, 5, 12, 2);
        order("O-1", "ST-1", "PHONE", 9);
        order("O-2", "ST-1", "CASE", 5);
        order("O-3", "ST-2", "PHONE", 6);
        order("O-4", "ST-2", "CASE", 7);
        vehicles = TestLedgers.write(
                dir, "vehicles.csv", "vehicle_id,depot,capacity,shift_start,shift_end", "VAN-1,WH,60,08:00,18:00");
        day = DeliveryDay.of(s.ledger, TestLedgers.at(PLANNED_AT));
    }

    private void order(String id, String site, String sku, long qty) {
        s.ledger.write(h -> h.createUpdate(
                        "INSERT INTO replenishment_order (order_id, site_id, sku, kind, qty, status, raised_at, "
                                + "due_date, warehouse, updated_at) VALUES (:id, :site, :sku, 'regular', :qty, 'open', "
                                + "'2026-03-02 09:30:00', '2026-03-04', 'WH', '2026-03-02 09:30:00')")
                .bind("id", id)
                .bind("site", site)
                .bind("sku", sku)
                .bind("qty", qty)
                .execute());
    }

    private void sql(String update) {
        s.ledger.write(h -> h.execute(update));
    }

    private DayPlan plan(EmergencyPlanner.Method method, Consumer<PlanResult.Improvement> whileSolving) {
        SolverSettings settings =
                new SolverSettings(Duration.ofSeconds(20), Duration.ofSeconds(5), 0, 50, SolverTuning.DEFAULT);
        return new DayPlanner(day)
                .plan(
                        new DayPlanner.Request(
                                WEDNESDAY, vehicles, null, StandardCharsets.UTF_8, 30, 10, true, settings, method),
                        w -> {},
                        whileSolving);
    }

    /** The nearest-neighbour plan: what apply checks does not depend on how the routes were found. */
    private DayPlan plan() {
        return plan(EmergencyPlanner.Method.GREEDY, i -> {});
    }

    /** order:status:vehicle, in order id order. */
    private List<String> orders() {
        return s.ledger.read(h -> h.createQuery("SELECT order_id || ':' || status || ':' || COALESCE(vehicle_id, '') "
                        + "FROM replenishment_order ORDER BY order_id")
                .mapTo(String.class)
                .list());
    }

    @Test
    void ordersChangedAfterThePlanReadThemAreNamedWithWhatChangedAndNothingIsMarked() {
        DayPlan plan = plan();
        assertThat(plan.result().stops()).isEqualTo(2);
        s.moves(SALE_AT, SALE); // the emergency step of the import escalates O-1
        sql("UPDATE replenishment_order SET qty = 7 WHERE order_id = 'O-2'");
        OrderService.of(s.ledger, TestLedgers.at(SALE_AT)).cancel("O-3");
        sql("UPDATE replenishment_order SET due_date = '2026-03-05' WHERE order_id = 'O-4'");
        AtomicBoolean published = new AtomicBoolean();

        DeliveryDay.Application applied = day.apply(plan, () -> published.set(true));

        assertThat(applied.refused()).isTrue();
        assertThat(applied.marked()).isZero();
        assertThat(applied.changed())
                .extracting(OrderChange::toString)
                .containsExactly(
                        "order O-1: kind regular -> emergency, qty 9 -> 11, due 2026-03-04 -> 2026-03-02",
                        "order O-2: qty 5 -> 7",
                        "order O-3: status open -> cancelled",
                        "order O-4: due 2026-03-04 -> 2026-03-05");
        assertThat(published).isFalse();
        assertThat(orders()).containsExactly("O-1:open:", "O-2:open:", "O-3:cancelled:", "O-4:open:");
    }

    @Test
    void oneChangedOrderRefusesTheWholePlan() {
        DayPlan plan = plan();
        OrderService.of(s.ledger, TestLedgers.at(SALE_AT)).receive("O-4", 3L);

        DeliveryDay.Application applied = day.apply(plan, () -> {});

        assertThat(applied.changed()).extracting(OrderChange::toString).containsExactly("order O-4: received 0 -> 3");
        assertThat(orders()).containsExactly("O-1:open:", "O-2:open:", "O-3:open:", "O-4:open:");
    }

    @Test
    void anOrderLeftUnservedCountsToo() {
        sql("UPDATE replenishment_order SET qty = 500 WHERE order_id = 'O-3'"); // more than WH has: unserved
        DayPlan plan = plan();
        assertThat(plan.result().unserved())
                .extracting(u -> u.order().orderId())
                .containsExactly("O-3");
        sql("UPDATE replenishment_order SET qty = 6 WHERE order_id = 'O-3'");

        DeliveryDay.Application applied = day.apply(plan, () -> {});

        assertThat(applied.changed()).extracting(OrderChange::toString).containsExactly("order O-3: qty 500 -> 6");
        assertThat(orders()).allMatch(o -> o.endsWith(":open:"));
    }

    @Test
    void anEscalationWhileTheSolverRunsRefusesTheApplyAndThePlanAfterItIsApplied() {
        // the greedy method reports its one solution from inside the planner: the sale lands mid-planning, every time
        AtomicInteger sales = new AtomicInteger();
        DayPlan plan = plan(EmergencyPlanner.Method.GREEDY, improvement -> {
            if (sales.getAndIncrement() == 0) {
                s.moves(SALE_AT, SALE);
            }
        });
        assertThat(sales).hasValue(1);
        assertThat(plan.result().routes().get(0).stops())
                .flatExtracting(PlanResult.Stop::lines)
                .anyMatch(o -> o.orderId().equals("O-1") && o.qty() == 9);

        DeliveryDay.Application refused = day.apply(plan, () -> {});
        assertThat(refused.changed()).extracting(OrderChange::orderId).containsExactly("O-1");
        assertThat(orders()).allMatch(o -> o.endsWith(":open:"));

        // planned again on the new state: O-1 is due today now, so Wednesday's plan leaves it out
        DayPlan again = plan();
        DeliveryDay.Application applied = day.apply(again, () -> {});
        assertThat(applied.refused()).isFalse();
        assertThat(applied.marked()).isEqualTo(3);
        assertThat(orders())
                .containsExactly("O-1:open:", "O-2:planned:VAN-1", "O-3:planned:VAN-1", "O-4:planned:VAN-1");
    }

    @Test
    void anUnchangedPlanIsMarkedAndPublishedInOneTransaction() {
        DayPlan plan = plan(EmergencyPlanner.Method.SOLVER, i -> {});
        AtomicBoolean published = new AtomicBoolean();

        DeliveryDay.Application applied = day.apply(plan, () -> {
            published.set(true);
            // published before the commit: another connection does not see the marks yet
            assertThat(CompletableFuture.supplyAsync(this::orders).join()).allMatch(o -> o.endsWith(":open:"));
        });

        assertThat(applied.refused()).isFalse();
        assertThat(applied.marked()).isEqualTo(4);
        assertThat(published).isTrue();
        assertThat(orders())
                .containsExactly("O-1:planned:VAN-1", "O-2:planned:VAN-1", "O-3:planned:VAN-1", "O-4:planned:VAN-1");
    }

    @Test
    void aPublishThatFailsMarksNothing() {
        DayPlan plan = plan();

        assertThatThrownBy(() -> day.apply(plan, () -> {
                    throw new OutputFailedException("cannot write to plan/: disk full");
                }))
                .isInstanceOf(OutputFailedException.class);

        assertThat(orders()).allMatch(o -> o.endsWith(":open:"));
    }
}
