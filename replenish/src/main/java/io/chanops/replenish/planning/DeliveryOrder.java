package io.chanops.replenish.planning;

import java.time.LocalDate;

/** An open replenishment order to deliver: {@code qty} is what is still to come (ordered minus received). */
public record DeliveryOrder(
        String orderId, String siteId, String sku, boolean emergency, long qty, String warehouse, LocalDate dueDate) {
    public String kind() {
        return emergency ? "emergency" : "regular";
    }
}
