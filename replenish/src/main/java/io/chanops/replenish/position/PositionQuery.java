package io.chanops.replenish.position;

import io.chanops.ledger.Ledger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.statement.Query;

/** Reads positions (every site/SKU with stock or a policy) with on hand, on order and policy. */
public final class PositionQuery {
    private static final String SQL = """
            SELECT k.site_id, k.sku, COALESCE(l.on_hand, 0) AS on_hand, COALESCE(o.on_order, 0) AS on_order,
                   p.t_days, p.r_level, p.s_level, p.l_level
            FROM (SELECT site_id, sku FROM stock_level UNION SELECT site_id, sku FROM policy) k
            LEFT JOIN stock_level l ON l.site_id = k.site_id AND l.sku = k.sku
            LEFT JOIN policy p ON p.site_id = k.site_id AND p.sku = k.sku
            LEFT JOIN (SELECT site_id, sku, SUM(qty - received_qty) AS on_order FROM replenishment_order
                       WHERE %s GROUP BY site_id, sku) o
                   ON o.site_id = k.site_id AND o.sku = k.sku
            WHERE (:site IS NULL OR k.site_id = :site) AND (:sku IS NULL OR k.sku = :sku)
            ORDER BY k.site_id, k.sku
            """.formatted(io.chanops.replenish.check.OrderStatus.ON_ORDER);

    private PositionQuery() {
    }

    public static List<PositionStatus> list(Ledger ledger, String site, String sku) {
        List<PositionStatus> out = new ArrayList<>();
        forEach(ledger, site, sku, out::add);
        return out;
    }

    /** Streams positions without holding them all (1.5M positions fit, but need not). */
    public static void forEach(Ledger ledger, String site, String sku, Consumer<PositionStatus> each) {
        ledger.read(h -> {
            Query q = h.createQuery(SQL).bind("site", site).bind("sku", sku);
            q.setFetchSize(10_000);
            q.map((rs, ctx) -> {
                int t = rs.getInt("t_days");
                boolean hasPolicy = !rs.wasNull();
                return new PositionStatus(rs.getString("site_id"), rs.getString("sku"), rs.getLong("on_hand"),
                        rs.getLong("on_order"), hasPolicy ? t : null,
                        hasPolicy ? rs.getLong("r_level") : null, hasPolicy ? rs.getLong("s_level") : null,
                        hasPolicy ? rs.getLong("l_level") : null);
            }).forEach(each);
            return null;
        });
    }
}
