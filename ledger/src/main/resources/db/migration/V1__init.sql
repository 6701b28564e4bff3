-- chanops ledger, version 1: master data, stock moves, import batches.
-- Portable SQL: this script runs unchanged on SQLite and PostgreSQL.
-- Conventions: ids assigned by the application inside the write transaction; money in fen (BIGINT);
-- dates 'YYYY-MM-DD' and date-times 'YYYY-MM-DD HH:MM:SS' (local time in the configured zone) as TEXT,
-- which sorts chronologically; booleans as INTEGER 0/1.

CREATE TABLE import_batch (
    batch_id     INTEGER PRIMARY KEY,
    kind         TEXT    NOT NULL,          -- sites, catalog, moves, policies, ...
    file_name    TEXT    NOT NULL,
    sha256       TEXT    NOT NULL,
    rows_read    INTEGER NOT NULL,
    rows_written INTEGER NOT NULL,
    imported_at  TEXT    NOT NULL,
    os_user      TEXT    NOT NULL,
    forced       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX import_batch_sha ON import_batch (kind, sha256);

CREATE TABLE site (
    site_id   TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('store', 'warehouse')),
    city      TEXT,
    warehouse TEXT,                          -- supplying warehouse (stores only)
    channel   TEXT,                          -- hall | partner | e-channel | self-service (stores only)
    lat       DOUBLE PRECISION,
    lon       DOUBLE PRECISION,
    opens     TEXT,                          -- HH:MM
    closes    TEXT,                          -- HH:MM
    batch_id  INTEGER REFERENCES import_batch (batch_id)
);

CREATE TABLE product (
    sku             TEXT PRIMARY KEY,
    type            TEXT    NOT NULL CHECK (type IN ('handset', 'accessory', 'sim', 'plan', 'contract')),
    name            TEXT    NOT NULL,
    brand           TEXT,
    price_fen       BIGINT  NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('listed', 'unlisted', 'draft')),
    channels        TEXT    NOT NULL,        -- '|'-separated: web|wap|app|partner|hall
    monthly_fee_fen BIGINT,
    months          INTEGER,
    batch_id        INTEGER REFERENCES import_batch (batch_id)
);

CREATE TABLE stock_move (
    move_id  INTEGER PRIMARY KEY,
    at       TEXT    NOT NULL,
    site_id  TEXT    NOT NULL REFERENCES site (site_id),
    sku      TEXT    NOT NULL REFERENCES product (sku),
    kind     TEXT    NOT NULL CHECK (kind IN ('receipt', 'sale', 'return', 'transfer_in', 'transfer_out', 'adjust', 'count')),
    qty      BIGINT  NOT NULL,               -- as in moves.csv: positive, signed for adjust, absolute for count
    ref      TEXT,
    batch_id INTEGER NOT NULL REFERENCES import_batch (batch_id)
);
CREATE INDEX stock_move_position ON stock_move (site_id, sku, at);

-- On hand per position, maintained in the same transaction as the moves that change it.
CREATE TABLE stock_level (
    site_id      TEXT    NOT NULL,
    sku          TEXT    NOT NULL,
    on_hand      BIGINT  NOT NULL,
    last_move_at TEXT    NOT NULL,
    last_move_id INTEGER NOT NULL,
    PRIMARY KEY (site_id, sku)
);
