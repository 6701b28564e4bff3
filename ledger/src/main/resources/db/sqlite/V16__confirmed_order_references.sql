-- chanops ledger, version 16 (SQLite): nothing to change. PostgreSQL's V16 checks confirmed_order's reference to
-- reconcile_run once per statement instead of once per row; SQLite keeps its declared foreign key.
SELECT 1;
