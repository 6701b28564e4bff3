-- chanops ledger, version 17 (PostgreSQL): stock_move is keyed by position as on SQLite, (site_id, sku, at, move_id),
-- instead of by move_id with a second index on (site_id, sku, at). Every read of moves names a position, or scans
-- positions in order, and wants a position's moves in time order, which this key gives; no read looks a move up by its
-- id alone. Move ids stay unique as on SQLite: every writer reserves them from id_counter under the ledger's write
-- lock. One index fewer is one index fewer for an import to maintain per move.
-- SQLite has had this key since V7 (db/sqlite/V17 changes nothing).

DO $$
DECLARE
    pk text;
BEGIN
    SELECT conname INTO pk FROM pg_constraint WHERE conrelid = 'stock_move'::regclass AND contype = 'p';
    IF pk IS NOT NULL THEN
        EXECUTE format('ALTER TABLE stock_move DROP CONSTRAINT %I', pk);
    END IF;
END
$$;

DROP INDEX IF EXISTS stock_move_position;

ALTER TABLE stock_move ADD CONSTRAINT stock_move_pkey PRIMARY KEY (site_id, sku, at, move_id);
