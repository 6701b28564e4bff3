-- chanops ledger, version 14 (PostgreSQL): replenishment orders of kind 'transfer' (SPEC §12, replenish rebalance).
-- A transfer moves stock from a store above its S (the donor, kept in the order's warehouse column) to a store whose
-- order the warehouse cannot fill. The CHECK constraint on kind is swapped: found by its definition rather than by
-- the name PostgreSQL gave it, so a ledger whose constraint was named otherwise is migrated all the same.
DO $$
DECLARE
    c text;
BEGIN
    FOR c IN
        SELECT conname FROM pg_constraint
        WHERE conrelid = 'replenishment_order'::regclass AND contype = 'c'
          AND pg_get_constraintdef(oid) LIKE '%kind%'
    LOOP
        EXECUTE format('ALTER TABLE replenishment_order DROP CONSTRAINT %I', c);
    END LOOP;
END
$$;

ALTER TABLE replenishment_order ADD CONSTRAINT replenishment_order_kind_check
    CHECK (kind IN ('regular', 'emergency', 'transfer'));
