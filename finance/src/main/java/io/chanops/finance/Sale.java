package io.chanops.finance;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * An order reconciliation confirmed live (MATCHED, paid or completed, BOSS group live), with what commission rules
 * need: where it was sold (the site and, if the ledger knows the site, its channel), what (SKU and its product type,
 * if the catalog knows it), how many units and the BOSS net amount.
 *
 * @param channel the channel of the site in the ledger; null when the site is unknown
 * @param type    the product type of the SKU in the catalog; null when the SKU is unknown
 */
public record Sale(
        String orderId,
        LocalDateTime createdAt,
        String siteId,
        String channel,
        String sku,
        String type,
        long units,
        long amountFen) {
    public LocalDate orderDate() {
        return createdAt.toLocalDate();
    }

    public boolean siteKnown() {
        return channel != null;
    }
}
