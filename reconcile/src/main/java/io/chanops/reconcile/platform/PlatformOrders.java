package io.chanops.reconcile.platform;

import java.util.List;

/** The rows of one platform-orders file in file order, with the total read. */
public record PlatformOrders(String file, List<PlatformOrder> rows, long totalFen) {
}
