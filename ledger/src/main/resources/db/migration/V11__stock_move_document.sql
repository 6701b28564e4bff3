-- chanops ledger, version 11: a document is booked once (SPEC §3.1 "A document once").
-- A move whose (ref, site, SKU, kind) is already in the ledger, from any earlier file, is a duplicate row: the import
-- looks each of its references up here, one query per batch of references. Moves without a ref are never duplicates,
-- so they are left out of the index (partial indexes: SQLite 3.8+ and PostgreSQL alike).
CREATE INDEX stock_move_document ON stock_move (ref, site_id, sku, kind) WHERE ref IS NOT NULL;
