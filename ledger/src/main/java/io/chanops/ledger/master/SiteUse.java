package io.chanops.ledger.master;

import org.jdbi.v3.core.Handle;

/**
 * What the site rules need to know of what replenishment keeps per store, whose tables are not the ledger module's to
 * read: a store with policies cannot become a warehouse (policies apply to stores, and the check would raise orders
 * for it that no warehouse supplies). Calls run on the caller's handle, in its transaction.
 */
@FunctionalInterface
public interface SiteUse {
    /** Nothing is kept for any site: for ledgers used without replenishment (tests of other capabilities). */
    SiteUse NONE = (h, siteId) -> 0;

    /** How many (t,R,S,L) policies the ledger holds for {@code siteId}. */
    long policiesAt(Handle h, String siteId);
}
