package io.chanops.finance;

import io.chanops.ledger.money.Fen;
import io.chanops.ledger.text.Named;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When a cancellation reverses commission. Pure.
 *
 * <ul>
 *   <li>Cancelled in the order's own month (or earlier): the order simply earns nothing that month; no clawback.</li>
 *   <li>Cancelled in a later month, within the rule's {@code clawback_days} of the order date (inclusive): one negative
 *   line, booked in the month of the cancellation, for minus the commission the order earned in its month.</li>
 *   <li>Cancelled after the window, or under a rule without {@code clawback_days}: the commission stands.</li>
 * </ul>
 */
public final class Clawbacks {
    private Clawbacks() {}

    /** The month a clawback for {@code c} is booked in. */
    public static YearMonth bookedIn(Cancellation c) {
        return YearMonth.from(c.cancelledOn());
    }

    /** True when the cancellation falls in the order's own month (or before it): the order earns nothing. */
    public static boolean voidsOwnMonth(Sale sale, Cancellation c) {
        return !bookedIn(c).isAfter(YearMonth.from(sale.orderDate()));
    }

    /**
     * Whether a cancellation can claw back an order of {@code orderDate} paid under {@code rule}: the rule claws back,
     * and the cancellation falls in a later month than the order, within the rule's days.
     */
    public static boolean inWindow(CommissionRule rule, LocalDate orderDate, Cancellation c) {
        return rule.clawbackDays() != null
                && bookedIn(c).isAfter(YearMonth.from(orderDate))
                && ChronoUnit.DAYS.between(orderDate, c.cancelledOn()) <= rule.clawbackDays();
    }

    /** The clawback line for {@code paid} (the order's line in its own month) under {@code rule}, if any. */
    public static Optional<CommissionLine> of(CommissionLine paid, CommissionRule rule, Cancellation c) {
        if (paid.clawback() || paid.commissionFen() == 0 || !inWindow(rule, paid.orderDate(), c)) {
            return Optional.empty();
        }
        YearMonth paidIn = YearMonth.from(paid.orderDate());
        long days = ChronoUnit.DAYS.between(paid.orderDate(), c.cancelledOn());
        String explain = "clawback: order of " + paid.orderDate() + " " + c.status() + " on " + c.cancelledOn() + ", "
                + Named.count(days, "day")
                + " after the order (rule " + rule.ruleId() + " claws back within "
                + Named.count(rule.clawbackDays(), "day") + "); reverses " + Fen.format(paid.commissionFen())
                + " paid for " + paidIn
                + " (found by reconcile run "
                + c.runId() + ")";
        return Optional.of(new CommissionLine(
                paid.orderId(),
                paid.orderDate(),
                paid.siteId(),
                paid.channel(),
                paid.sku(),
                paid.type(),
                paid.ruleId(),
                paid.basis(),
                paid.units(),
                paid.amountFen(),
                -paid.commissionFen(),
                explain,
                true));
    }
}
