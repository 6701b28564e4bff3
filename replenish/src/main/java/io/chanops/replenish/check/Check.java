package io.chanops.replenish.check;

import io.chanops.replenish.orders.OrderKind;
import io.chanops.replenish.orders.OrderStatus;
import io.chanops.replenish.policy.Policy;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The (t,R,S,L) check for one position, as pure logic (SPEC §5): positions in, decisions out.
 *
 * <ol>
 *   <li>Emergency, on every run: on hand &lt; L and no open emergency or transfer order (a transfer that rebalance
 *       raised answers the emergency): escalate the oldest open regular order
 *       (kind emergency, due recomputed, qty + max(0, S - inventory position)), else raise an emergency order for
 *       S - inventory position when that is &gt; 0. Due today before the cutoff, else tomorrow.</li>
 *   <li>Periodic review, once per cycle: when due, the review is recorded; if no emergency was handled for the
 *       position in this run and inventory position &lt; R, a regular order for S - inventory position is raised, due
 *       today + lead days.</li>
 * </ol>
 * Comparisons are strict. A position whose on hand is below L counts as "emergency handled" even when an open
 * emergency order already covers it: a second, regular order next to a pending emergency would double the supply.
 */
public final class Check {
    /** An order of the position that still counts as on order. */
    public record OpenOrder(
            String orderId, OrderKind kind, OrderStatus status, long qty, long outstanding, String raisedAt) {}

    /** What the check knows of one position. {@code reviewDue}: this cycle was not reviewed yet. */
    public record PositionInput(
            String siteId,
            String sku,
            Policy policy,
            long onHand,
            long onOrder,
            boolean reviewDue,
            List<OpenOrder> openOrders) {
        public long inventoryPosition() {
            return onHand + onOrder;
        }
    }

    public enum Action {
        RAISED,
        ESCALATED
    }

    /** One order raised or escalated. For an escalation, {@code qty} is the quantity added (may be 0). */
    public record Decision(
            Action action,
            String siteId,
            String sku,
            OrderKind kind,
            long qty,
            LocalDate dueDate,
            String escalatedOrderId,
            String reason) {
        public boolean isEmergency() {
            return kind == OrderKind.EMERGENCY;
        }
    }

    /** The outcome for one position: at most one decision, and whether the periodic review was recorded. */
    public record Outcome(Optional<Decision> decision, boolean reviewed, boolean emergencyHandled) {}

    private Check() {}

    public static LocalDate emergencyDue(LocalDateTime now, CheckSettings settings) {
        LocalDate today = now.toLocalDate();
        return now.toLocalTime().isBefore(settings.cutoff()) ? today : today.plusDays(1);
    }

    public static LocalDate regularDue(LocalDateTime now, CheckSettings settings) {
        return now.toLocalDate().plusDays(settings.leadDays());
    }

    /**
     * Decides one position. {@code review} false runs the emergency step only ({@code --emergency-only}, and after a
     * stock import).
     */
    public static Outcome decide(PositionInput p, LocalDateTime now, CheckSettings settings, boolean review) {
        Policy policy = p.policy();
        long ip = p.inventoryPosition();
        Decision decision = null;
        boolean handled = false;
        if (policy.belowEmergencyPoint(p.onHand())) {
            handled = true;
            boolean emergencyOpen =
                    p.openOrders().stream().anyMatch(o -> o.kind().answersEmergency());
            if (!emergencyOpen) {
                LocalDate due = emergencyDue(now, settings);
                Optional<OpenOrder> regular = p.openOrders().stream()
                        .filter(o -> o.kind() == OrderKind.REGULAR && o.status() == OrderStatus.OPEN)
                        .min(Comparator.comparing(OpenOrder::raisedAt).thenComparing(OpenOrder::orderId));
                if (regular.isPresent()) {
                    long add = Math.max(0, policy.upToS(ip));
                    decision = new Decision(
                            Action.ESCALATED,
                            p.siteId(),
                            p.sku(),
                            OrderKind.EMERGENCY,
                            add,
                            due,
                            regular.get().orderId(),
                            "on hand " + p.onHand() + " < L " + policy.l() + ": regular order "
                                    + regular.get().orderId() + " escalated, qty + max(0, S " + policy.s()
                                    + " - position " + ip + ") = +" + add);
                } else if (policy.upToS(ip) > 0) {
                    long qty = policy.upToS(ip);
                    decision = raise(
                            p,
                            OrderKind.EMERGENCY,
                            qty,
                            due,
                            "on hand " + p.onHand() + " < L " + policy.l() + ": S " + policy.s() + " - position " + ip
                                    + " = " + qty);
                }
            }
        }
        boolean reviewed = review && p.reviewDue();
        if (reviewed && !handled && policy.belowReorderPoint(ip)) {
            long qty = policy.upToS(ip);
            decision = raise(
                    p,
                    OrderKind.REGULAR,
                    qty,
                    regularDue(now, settings),
                    "review: position " + ip + " < R " + policy.r() + ": S " + policy.s() + " - position " + ip + " = "
                            + qty);
        }
        return new Outcome(Optional.ofNullable(decision), reviewed, handled);
    }

    /** A new order of {@code kind} for the position: the emergency step's and the review's decision alike. */
    private static Decision raise(PositionInput p, OrderKind kind, long qty, LocalDate due, String reason) {
        return new Decision(Action.RAISED, p.siteId(), p.sku(), kind, qty, due, null, reason);
    }
}
