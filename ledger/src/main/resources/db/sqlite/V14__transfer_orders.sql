-- chanops ledger, version 14 (SQLite): replenishment orders of kind 'transfer' (SPEC §12, replenish rebalance).
-- A transfer moves stock from a store above its S (the donor, kept in the order's warehouse column) to a store whose
-- order the warehouse cannot fill. SQLite cannot change a CHECK constraint in place, so the table is rebuilt with the
-- same columns, rows and indexes; no other table, view or trigger refers to it.

CREATE TABLE replenishment_order_v14 (
    order_id     TEXT    PRIMARY KEY,            -- RO-YYYYMMDD-NNNNNN: raising day, then a per-day sequence
    site_id      TEXT    NOT NULL REFERENCES site (site_id),
    sku          TEXT    NOT NULL REFERENCES product (sku),
    kind         TEXT    NOT NULL CHECK (kind IN ('regular', 'emergency', 'transfer')),
    qty          BIGINT  NOT NULL CHECK (qty > 0),
    received_qty BIGINT  NOT NULL DEFAULT 0,
    status       TEXT    NOT NULL CHECK (status IN ('open', 'planned', 'shipped', 'received', 'cancelled')),
    raised_at    TEXT    NOT NULL,
    due_date     TEXT    NOT NULL,
    warehouse    TEXT,                           -- the supplying warehouse; for a transfer, the donor store
    vehicle_id   TEXT,
    stop_no      INTEGER,
    updated_at   TEXT    NOT NULL,
    reason       TEXT,                           -- the inequality that fired and the quantity's arithmetic
    escalated_at TEXT,                           -- when a regular order became an emergency
    run_id       INTEGER                         -- the check run that raised it (NULL: none)
);

INSERT INTO replenishment_order_v14 (order_id, site_id, sku, kind, qty, received_qty, status, raised_at, due_date,
                                     warehouse, vehicle_id, stop_no, updated_at, reason, escalated_at, run_id)
SELECT order_id, site_id, sku, kind, qty, received_qty, status, raised_at, due_date,
       warehouse, vehicle_id, stop_no, updated_at, reason, escalated_at, run_id
FROM replenishment_order;

DROP TABLE replenishment_order;
ALTER TABLE replenishment_order_v14 RENAME TO replenishment_order;
CREATE INDEX replenishment_order_position ON replenishment_order (site_id, sku, status);
CREATE INDEX replenishment_order_due ON replenishment_order (status, due_date);
