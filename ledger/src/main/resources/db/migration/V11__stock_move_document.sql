-- chanops ledger, version 11: a document is booked once (SPEC §3.1 "A document once").
-- A move whose (ref, site, SKU, kind) is already in the ledger, from any earlier file, is a duplicate row: an import
-- looks its documents up here, a batch of them per query. The key starts with the position, as stock_move's does:
-- an import inserts its moves position by position, so each new entry lands beside the last one instead of at a
-- random place of a large tree. Moves without a ref are never duplicates and stay out of the index (partial indexes:
-- SQLite and PostgreSQL alike).
CREATE INDEX stock_move_document ON stock_move (site_id, sku, kind, ref) WHERE ref IS NOT NULL;
