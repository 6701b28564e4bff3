package io.chanops.finance;

import java.time.LocalDate;

/**
 * One line of the commission detail: an order's commission in its month, or (clawback) minus the commission an
 * earlier month paid for an order since cancelled. Units and amount are the order's own on both kinds of line; only
 * the commission is negative on a clawback. An order no rule matches has a null rule and commission 0.
 */
public record CommissionLine(
        String orderId,
        LocalDate orderDate,
        String siteId,
        String channel,
        String sku,
        String type,
        String ruleId,
        Basis basis,
        long units,
        long amountFen,
        long commissionFen,
        String explain,
        boolean clawback) {}
