package io.chanops.replenish.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.chanops.replenish.orders.OrderKind;
import io.chanops.replenish.orders.OrderStatus;
import io.chanops.replenish.policy.Policy;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class CheckPropertiesTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 2, 9, 30);

    @Property
    void anOrderBringsThePositionUpToSAndNeverBeyondIt(
            @ForAll @IntRange(min = 0, max = 20) int l,
            @ForAll @IntRange(min = 0, max = 20) int rAboveL,
            @ForAll @IntRange(min = 1, max = 20) int sAboveR,
            @ForAll @IntRange(min = -5, max = 60) int onHand,
            @ForAll @IntRange(min = 0, max = 3) int openRegular,
            @ForAll @IntRange(min = 0, max = 1) int openEmergency,
            @ForAll boolean reviewDue) {
        Policy p = new Policy(7, l + rAboveL, l + rAboveL + sAboveR, l);
        List<Check.OpenOrder> open = new ArrayList<>();
        for (int i = 0; i < openRegular; i++) {
            open.add(new Check.OpenOrder("R" + i, OrderKind.REGULAR, OrderStatus.OPEN, 2, 2, "2026-03-01 08:00:00"));
        }
        if (openEmergency == 1) {
            open.add(new Check.OpenOrder("E", OrderKind.EMERGENCY, OrderStatus.SHIPPED, 3, 3, "2026-03-01 08:00:00"));
        }
        long onOrder = open.stream().mapToLong(Check.OpenOrder::outstanding).sum();
        Check.PositionInput in = new Check.PositionInput("ST", "K", p, onHand, onOrder, reviewDue, open);
        Check.Outcome out = Check.decide(in, NOW, CheckSettings.defaults(), true);
        long ip = in.inventoryPosition();
        out.decision().ifPresent(d -> {
            assertThat(ip + d.qty()).isEqualTo(Math.max(ip, p.s()));
            assertThat(d.qty()).isGreaterThanOrEqualTo(0);
            if (d.action() == Check.Action.RAISED) {
                assertThat(d.qty()).isPositive();
            }
        });
        // exactly when an inequality fires strictly, something happens (or the position is already covered)
        boolean emergency = onHand < p.l();
        if (emergency && openEmergency == 0 && (openRegular > 0 || ip < p.s())) {
            assertThat(out.decision())
                    .hasValueSatisfying(d -> assertThat(d.kind()).isEqualTo(OrderKind.EMERGENCY));
        }
        if (!emergency && reviewDue && ip < p.r()) {
            assertThat(out.decision())
                    .hasValueSatisfying(d -> assertThat(d.kind()).isEqualTo(OrderKind.REGULAR));
        }
        if (!emergency && !(reviewDue && ip < p.r())) {
            assertThat(out.decision()).isEmpty();
        }
        if (emergency && openEmergency == 1) {
            // a pending emergency order covers the position: neither a second emergency nor a regular order
            assertThat(out.decision()).isEmpty();
        }
    }
}
