-- chanops ledger, version 18 (SQLite): nothing to change. PostgreSQL's V18 lets a bulk load check the references of
-- its rows by their keys; SQLite's bulk import checks them itself, with its declared foreign keys off for the insert.
SELECT 1;
