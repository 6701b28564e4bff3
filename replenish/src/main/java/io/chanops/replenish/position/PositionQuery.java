package io.chanops.replenish.position;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.model.Position;
import io.chanops.replenish.orders.OrderRepository;
import io.chanops.replenish.policy.Policy;
import io.chanops.replenish.policy.PolicyRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Reads positions (every site/SKU with stock or a policy) with on hand, on order and policy. */
public record PositionQuery(Ledger ledger, PolicyRepository policies, OrderRepository orders) {
    /** The query on {@code ledger}'s repositories. */
    public static PositionQuery of(Ledger ledger) {
        return new PositionQuery(
                ledger, ledger.repository(PolicyRepository.class), ledger.repository(OrderRepository.class));
    }

    public List<PositionStatus> list(String site, String sku) {
        List<PositionStatus> out = new ArrayList<>();
        forEach(site, sku, out::add);
        return out;
    }

    /**
     * Streams positions by site and SKU without holding them all (1.5M positions fit, but need not); only the on-order
     * sums of the positions with open orders are held.
     */
    public void forEach(String site, String sku, Consumer<PositionStatus> each) {
        ledger.read(h -> {
            Map<Position, Long> onOrder = orders.onOrderByPosition(site, sku);
            policies.forEachPosition(site, sku, p -> {
                Policy policy = p.policy();
                long units = onOrder.isEmpty() ? 0 : onOrder.getOrDefault(new Position(p.siteId(), p.sku()), 0L);
                each.accept(new PositionStatus(
                        p.siteId(),
                        p.sku(),
                        p.onHand(),
                        units,
                        policy == null ? null : policy.t(),
                        policy == null ? null : policy.r(),
                        policy == null ? null : policy.s(),
                        policy == null ? null : policy.l()));
            });
            return null;
        });
    }
}
