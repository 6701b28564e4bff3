package io.chanops.replenish.simulate;

import io.chanops.replenish.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The day model of {@code policy simulate} (SPEC §11) for one position under one policy, as a pure function: a
 * {@link Replay} in, {@link Metrics} out. Each day d of the window, in this order:
 * <ol>
 *   <li><b>Start of day.</b> On hand carries over from the day before (the first day starts from the ledger's on hand);
 *       the simulated orders arriving on d are added. Nothing is on order at the start of the window.</li>
 *   <li><b>Review</b>, on review days: inventory position IP = on hand + on order. If IP &lt; R, a regular order of
 *       S - IP arrives on d + lead days. With lead 0 it arrives at once, before the day's sales.</li>
 *   <li><b>Sales.</b> Served = min(demand, max(on hand, 0)); lost = demand - served; on hand -= served.</li>
 *   <li><b>Emergency.</b> If on hand &lt; L and no emergency order is outstanding: IP = on hand + on order. If a
 *       regular order is outstanding, the oldest one is escalated: it becomes an emergency, its quantity grows by
 *       max(0, S - IP) and it now arrives on d + 1. Otherwise, if S - IP &gt; 0, an emergency order of S - IP
 *       arrives on d + 1.</li>
 * </ol>
 * The inequalities are the check's own ({@link Policy#belowEmergencyPoint}, {@link Policy#belowReorderPoint}), so
 * they are strict as in SPEC §5. A day counts as a stock-out day when it ends with on hand &lt;= 0.
 */
public final class DayModel {
    /** What an emergency step did on a day. */
    public enum Emergency {
        NONE,
        RAISED,
        ESCALATED
    }

    /**
     * One simulated day, for tracing: units that arrived at the start, the regular order raised at the review (0:
     * none), demand, served, lost, the emergency step (with the units it ordered or added), and on hand and on order
     * at the end of the day.
     */
    public record Day(
            int day,
            long arrived,
            long regularOrdered,
            long demand,
            long served,
            long lost,
            Emergency emergency,
            long emergencyUnits,
            long onHand,
            long onOrder) {}

    /** A simulated order not yet arrived. */
    private static final class Order {
        boolean emergency;
        long qty;
        int arrives;

        Order(boolean emergency, long qty, int arrives) {
            this.emergency = emergency;
            this.qty = qty;
            this.arrives = arrives;
        }
    }

    private DayModel() {}

    public static Metrics run(Replay replay) {
        return run(replay, null);
    }

    /** Runs the window; {@code trace}, when not null, receives every day as it ends. */
    public static Metrics run(Replay replay, Consumer<Day> trace) {
        Policy policy = replay.policy();
        long[] demandOf = replay.demand();
        int days = demandOf.length;
        List<Order> outstanding = new ArrayList<>(4); // in the order raised: the first regular one is the oldest
        long onHand = replay.onHandAtStart();
        long onOrder = 0;
        long demandSum = 0;
        long servedSum = 0;
        long lostSum = 0;
        long stockoutDays = 0;
        long regularOrders = 0;
        long emergencyOrders = 0;
        long unitsOrdered = 0;
        long onHandSum = 0;
        for (int d = 0; d < days; d++) {
            // 1. Start of day: the orders due today arrive.
            long arrived = 0;
            for (int i = outstanding.size() - 1; i >= 0; i--) {
                Order o = outstanding.get(i);
                if (o.arrives == d) {
                    arrived += o.qty;
                    outstanding.remove(i);
                }
            }
            onHand += arrived;
            onOrder -= arrived;

            // 2. Review.
            long regularOrdered = 0;
            if (replay.reviewDays().on(d)) {
                long ip = onHand + onOrder;
                if (policy.belowReorderPoint(ip)) {
                    regularOrdered = policy.upToS(ip);
                    regularOrders++;
                    unitsOrdered += regularOrdered;
                    if (replay.leadDays() == 0) {
                        onHand += regularOrdered;
                    } else {
                        outstanding.add(new Order(false, regularOrdered, d + replay.leadDays()));
                        onOrder += regularOrdered;
                    }
                }
            }

            // 3. Sales: what is not on the shelf is lost.
            long demand = demandOf[d];
            long served = Math.min(demand, Math.max(onHand, 0));
            long lost = demand - served;
            onHand -= served;
            demandSum += demand;
            servedSum += served;
            lostSum += lost;

            // 4. Emergency.
            Emergency emergency = Emergency.NONE;
            long emergencyUnits = 0;
            if (policy.belowEmergencyPoint(onHand) && !anyEmergency(outstanding)) {
                long ip = onHand + onOrder;
                Order regular = oldestRegular(outstanding);
                if (regular != null) {
                    emergency = Emergency.ESCALATED;
                    emergencyUnits = Math.max(0, policy.upToS(ip));
                    regular.emergency = true;
                    regular.qty += emergencyUnits;
                    regular.arrives = d + 1;
                    regularOrders--;
                } else if (policy.upToS(ip) > 0) {
                    emergency = Emergency.RAISED;
                    emergencyUnits = policy.upToS(ip);
                    outstanding.add(new Order(true, emergencyUnits, d + 1));
                }
                if (emergency != Emergency.NONE) {
                    emergencyOrders++;
                    unitsOrdered += emergencyUnits;
                    onOrder += emergencyUnits;
                }
            }

            // End of day.
            if (onHand <= 0) {
                stockoutDays++;
            }
            onHandSum += onHand;
            if (trace != null) {
                trace.accept(new Day(
                        d, arrived, regularOrdered, demand, served, lost, emergency, emergencyUnits, onHand, onOrder));
            }
        }
        return new Metrics(
                1,
                days,
                demandSum,
                servedSum,
                lostSum,
                stockoutDays,
                regularOrders,
                emergencyOrders,
                unitsOrdered,
                onHandSum);
    }

    private static boolean anyEmergency(List<Order> outstanding) {
        for (Order o : outstanding) {
            if (o.emergency) {
                return true;
            }
        }
        return false;
    }

    private static Order oldestRegular(List<Order> outstanding) {
        for (Order o : outstanding) {
            if (!o.emergency) {
                return o;
            }
        }
        return null;
    }
}
