-- chanops ledger, version 17 (SQLite): nothing to change. PostgreSQL's V17 keys stock_move by position,
-- (site_id, sku, at, move_id), the key SQLite's stock_move has had since V7.
SELECT 1;
