package io.chanops.finance;

import java.time.LocalDate;

/**
 * Sales of one kind in a month: the same site (and its channel), SKU (and its type), order date and amount, so the same
 * rule and the same commission per order (percent) or per unit (fixed, tiered). How many orders and units.
 *
 * @param channel the channel of the site in the ledger; null when the site is unknown
 * @param type    the product type of the SKU in the catalog; null when the SKU is unknown
 */
public record SaleGroup(
        String siteId,
        String channel,
        String sku,
        String type,
        LocalDate orderDate,
        long amountFen,
        long orders,
        long units) {
    /** The group of one sale. */
    public static SaleGroup of(Sale s) {
        return new SaleGroup(s.siteId(), s.channel(), s.sku(), s.type(), s.orderDate(), s.amountFen(), 1, s.units());
    }

    public boolean siteKnown() {
        return channel != null;
    }

    /** What a rule looks at: any order of the group (rules match on the date, place and product, never the order). */
    Sale typical() {
        return new Sale(null, orderDate.atStartOfDay(), siteId, channel, sku, type, units, amountFen);
    }
}
