package io.chanops.reconcile.match;

import io.chanops.reconcile.platform.PlatformOrder;

/**
 * A platform order an earlier run left MISSING_IN_BOSS and that is still open: with {@code --carry} it is matched
 * again, by order_ref, against the BOSS groups of this run that have no platform order.
 *
 * @param itemId the open reconcile_item
 * @param runId  the run that found it missing
 */
public record CarriedOrder(long itemId, long runId, PlatformOrder order) {}
