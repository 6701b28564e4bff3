package io.chanops.replenish.check;

import io.chanops.catalog.ProductRepository;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.OperationContext;
import io.chanops.ledger.model.Product;
import io.chanops.ledger.model.Site;
import io.chanops.ledger.site.SiteRepository;
import io.chanops.ledger.text.Named;
import io.chanops.replenish.orders.Order;
import io.chanops.replenish.orders.OrderRepository;
import io.chanops.replenish.orders.OrderStatus;
import io.chanops.replenish.policy.Policy;
import io.chanops.replenish.policy.PolicyFile;
import io.chanops.replenish.policy.PolicyRecord;
import io.chanops.replenish.policy.PolicyRepository;
import io.chanops.replenish.policy.ReviewCycle;
import io.chanops.replenish.position.PositionFilter;
import io.chanops.replenish.stock.StockRepository;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code replenish explain}: everything behind one position's numbers and its last decision, as (topic, value) facts
 * in reading order: stock, policy and where each level came from, the review cycle, the last check, and the two
 * inequalities evaluated now.
 */
public record Explanation(
        Ledger ledger,
        SiteRepository sites,
        StockRepository stock,
        OrderRepository orders,
        PolicyRepository policies,
        OperationContext context) {
    public record Fact(String topic, String value) {}

    /** The explanation on {@code ledger}'s repositories. */
    public static Explanation of(Ledger ledger, OperationContext context) {
        return new Explanation(
                ledger,
                ledger.repository(SiteRepository.class),
                new StockRepository(ledger),
                ledger.repository(OrderRepository.class),
                ledger.repository(PolicyRepository.class),
                context);
    }

    /** What a position without a policy needs: one set or tuned, unless policies cannot apply to it at all. */
    private String whyNoPolicy(String site, String sku) {
        Optional<Site> where = sites.find(site);
        Optional<Product> product = ledger.repository(ProductRepository.class).find(sku);
        return where.isPresent() && product.isPresent()
                ? PolicyFile.outsidePolicies(where.get(), product.get()).orElse(SET_ONE)
                : SET_ONE;
    }

    private static final String SET_ONE = "set one with 'policy set' or 'policy tune'";

    /** The facts of one position now (the context's time), in one read. */
    public List<Fact> explain(String site, String sku, CheckSettings settings) {
        LocalDateTime now = context.now();
        // a mistyped SKU would otherwise be explained as a position with nothing on hand and no policy
        new PositionFilter(site, sku).requireKnown(ledger, "replenish explain");
        return ledger.read(h -> {
            List<Fact> f = new ArrayList<>();
            String siteName = sites.find(site).map(Site::name).orElse(site);
            long onHand = stock.onHand(site, sku).orElse(0L);
            // all of them, as the check counts them (not only the latest few)
            List<Order> open = orders.onOrder(site, sku);
            long onOrder = open.stream().mapToLong(Order::outstanding).sum();
            long ip = onHand + onOrder;
            f.add(new Fact("position", site + " (" + siteName + ") / " + sku));
            f.add(new Fact("on hand", Long.toString(onHand)));
            f.add(new Fact(
                    "on order",
                    onOrder
                            + (onOrder > 0
                                    ? " ("
                                            + String.join(
                                                    ", ",
                                                    open.stream()
                                                            .map(o -> o.orderId() + " " + o.kind() + " " + o.status()
                                                                    + " " + o.outstanding() + onVehicle(o))
                                                            .toList())
                                            + ")"
                                    : "")));
            f.add(new Fact("inventory position", ip + " (on hand + on order)"));
            Optional<PolicyRecord> found = policies.find(site, sku);
            if (found.isEmpty()) {
                f.add(new Fact("policy", "none: the check ignores this position (" + whyNoPolicy(site, sku) + ")"));
                return f;
            }
            PolicyRecord p = found.get();
            f.add(new Fact("policy", p.policy().toString()));
            f.add(new Fact("source", source(p)));
            if (p.tunedAt() != null && p.source().equals("tuned")) {
                f.add(new Fact(
                        "tuned",
                        String.format(
                                Locale.ROOT,
                                "at %s from %s..%s: %d in-stock days, mu %.3f/day, sigma %.3f, "
                                        + "service level %.3f, method %s",
                                p.tunedAt(),
                                p.tuneFrom(),
                                p.tuneTo(),
                                p.tuneDays(),
                                p.tuneMu(),
                                p.tuneSigma(),
                                p.tuneLevel(),
                                p.tuneMethod())));
            }
            if (p.locked()) {
                f.add(new Fact(
                        "locked",
                        p.lockedUntil() == null
                                ? "yes: tuning never changes it"
                                : "until " + p.lockedUntil()
                                        + (p.lockedOn(now.toLocalDate()) ? "" : " (expired: tuning may change it)")));
            }
            ReviewCycle cycle = new ReviewCycle(settings.anchor(), p.policy().t());
            LocalDate today = now.toLocalDate();
            LocalDate start = cycle.startOf(today);
            String mark = policies.reviewMark(p.policy().t(), start.toString()).orElse(null);
            boolean onItsOwn = start.toString().equals(p.reviewedCycle());
            boolean due = !(onItsOwn || mark != null && p.reviewFrom().compareTo(mark) <= 0);
            f.add(new Fact(
                    "review cycle",
                    "cycle " + cycle.cycleOf(today) + " (every "
                            + Named.count(p.policy().t(), "day") + " from " + settings.anchor() + "): " + start + " .. "
                            + cycle.nextStart(today).minusDays(1)));
            f.add(new Fact(
                    "last review",
                    due
                            ? "not yet in this cycle"
                            : onItsOwn
                                    ? "this cycle (on its own: the policy is newer than " + "the cycle's review at "
                                            + mark + ")"
                                    : "this cycle, at " + mark));
            f.add(new Fact(
                    "next review",
                    due ? "due at the next full check" : "on the first full check from " + cycle.nextStart(today)));
            orders.lastRun()
                    .ifPresentOrElse(
                            s -> f.add(new Fact("last check", s)), () -> f.add(new Fact("last check", "never")));
            Optional<Order> last = orders.lastOf(site, sku);
            last.ifPresent(o -> f.add(new Fact(
                    "last order",
                    o.orderId() + " " + o.kind() + " " + o.qty() + " " + o.status() + onVehicle(o) + ", raised "
                            + o.raisedAt() + ", due " + o.dueDate() + (o.reason() == null ? "" : ": " + o.reason()))));
            Policy policy = p.policy();
            long l = policy.l();
            long r = policy.r();
            boolean emergency = policy.belowEmergencyPoint(onHand);
            boolean below = policy.belowReorderPoint(ip);
            boolean emergencyOpen = open.stream().anyMatch(o -> o.kind().answersEmergency());
            f.add(new Fact(
                    "emergency (on hand < L)",
                    emergency
                            ? "fires: " + onHand + " < " + l
                                    + (emergencyOpen ? ", already covered by an open emergency or transfer order" : "")
                            : "does not fire: " + onHand + " >= " + l));
            f.add(new Fact(
                    "reorder (position < R)",
                    (below ? "below: " + ip + " < " + r : "not below: " + ip + " >= " + r)
                            + (due
                                    ? "; review due: a check now would "
                                            + (below && !emergency ? "order " + policy.upToS(ip) : "not order")
                                    : "; reviewed this cycle: no regular order until " + cycle.nextStart(today))));
            return f;
        });
    }

    /** " on GZ-VAN-1 (stop 2, 2026-03-02)" for a planned order; nothing for another. */
    private static String onVehicle(Order o) {
        if (o.status() != OrderStatus.PLANNED || o.vehicleId() == null) {
            return "";
        }
        return " on " + o.vehicleId() + " (stop " + o.stopNo() + (o.plannedFor() == null ? "" : ", " + o.plannedFor())
                + ")";
    }

    private static String source(PolicyRecord p) {
        return switch (p.source()) {
            case "manual" ->
                "set by " + p.setBy() + " at " + p.updatedAt() + (p.reason() == null ? "" : ": " + p.reason());
            case "import" ->
                "imported by " + p.setBy() + " at " + p.updatedAt()
                        + (p.reason() == null ? "" : " (" + p.reason() + ")");
            default -> "tuned";
        };
    }
}
