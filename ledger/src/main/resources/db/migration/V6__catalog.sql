-- Catalog history: every change an import made to a product, field by field, with the import batch that made it
-- (the batch gives when, which file and which OS user). Portable SQLite/PostgreSQL.

CREATE TABLE product_history (
    history_id INTEGER PRIMARY KEY,
    batch_id   INTEGER NOT NULL REFERENCES import_batch (batch_id),
    sku        TEXT    NOT NULL,
    change     TEXT    NOT NULL CHECK (change IN ('created', 'updated', 'unlisted')),
    field      TEXT    NOT NULL,              -- a catalog.csv column: type, name, brand, price, status, ...
    old_value  TEXT,                          -- as catalog.csv writes it (price in yuan, channels '|'-separated)
    new_value  TEXT
);
CREATE INDEX product_history_sku ON product_history (sku, history_id);
CREATE INDEX product_history_batch ON product_history (batch_id);
