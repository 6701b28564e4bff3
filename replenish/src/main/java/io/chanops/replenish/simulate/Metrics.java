package io.chanops.replenish.simulate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What happened to one position, or to many summed, over the simulated window (SPEC §11): units demanded, served and
 * lost; position-days that ended with nothing on hand; orders that stayed regular, emergencies raised or escalated;
 * units ordered (after escalation); and the sum of end-of-day on hand over the position-days, for the mean.
 * Regular and emergency orders do not overlap: an escalated regular order counts as an emergency only.
 */
public record Metrics(
        long positions,
        long positionDays,
        long demand,
        long served,
        long lost,
        long stockoutDays,
        long regularOrders,
        long emergencyOrders,
        long unitsOrdered,
        long onHandSum) {
    public static final Metrics NONE = new Metrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The sum of two outcomes; a sum too large for a long fails loudly instead of wrapping. */
    public Metrics plus(Metrics o) {
        return new Metrics(
                Math.addExact(positions, o.positions),
                Math.addExact(positionDays, o.positionDays),
                Math.addExact(demand, o.demand),
                Math.addExact(served, o.served),
                Math.addExact(lost, o.lost),
                Math.addExact(stockoutDays, o.stockoutDays),
                Math.addExact(regularOrders, o.regularOrders),
                Math.addExact(emergencyOrders, o.emergencyOrders),
                Math.addExact(unitsOrdered, o.unitsOrdered),
                Math.addExact(onHandSum, o.onHandSum));
    }

    /** Served / demand with 4 decimals (half up); 1.0000 when nothing was demanded. */
    public BigDecimal fillRate() {
        if (demand == 0) {
            return BigDecimal.ONE.setScale(4);
        }
        return BigDecimal.valueOf(served).divide(BigDecimal.valueOf(demand), 4, RoundingMode.HALF_UP);
    }

    /** The mean end-of-day on hand over the position-days, with 2 decimals (half up); 0.00 without any. */
    public BigDecimal avgOnHand() {
        if (positionDays == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(onHandSum).divide(BigDecimal.valueOf(positionDays), 2, RoundingMode.HALF_UP);
    }
}
