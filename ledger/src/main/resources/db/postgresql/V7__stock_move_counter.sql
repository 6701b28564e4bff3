-- chanops ledger, version 7 (PostgreSQL): the move id counter. SQLite's V7 also clusters stock_move by position
-- (WITHOUT ROWID); PostgreSQL keeps its heap and the (site_id, sku, at) index, and shares the counter so that both
-- ledgers allocate move ids the same way (Ids.reserve).

CREATE TABLE id_counter (
    name    TEXT    PRIMARY KEY,
    next_id BIGINT  NOT NULL
);
INSERT INTO id_counter (name, next_id) SELECT 'stock_move', COALESCE(MAX(move_id), 0) + 1 FROM stock_move;
