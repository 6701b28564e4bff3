-- chanops ledger, version 15 (SQLite): nothing to change. PostgreSQL's V15 checks the references of stock_move and
-- policy once per statement instead of once per row; SQLite keeps its declared foreign keys (its bulk import turns
-- them off for its transaction and checks the references itself, once per distinct value:
-- MoveImport.checkReferences).
SELECT 1;
