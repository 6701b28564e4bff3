-- chanops ledger, version 14 (PostgreSQL): replenishment orders of kind 'transfer' (SPEC §12, replenish rebalance).
-- A transfer moves stock from a store above its S (the donor, kept in the order's warehouse column) to a store whose
-- order the warehouse cannot fill. The column's CHECK constraint (named by PostgreSQL's default rule) is swapped.

ALTER TABLE replenishment_order DROP CONSTRAINT IF EXISTS replenishment_order_kind_check;
ALTER TABLE replenishment_order ADD CONSTRAINT replenishment_order_kind_check
    CHECK (kind IN ('regular', 'emergency', 'transfer'));
