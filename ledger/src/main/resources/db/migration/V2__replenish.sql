-- (t,R,S,L) policies and replenishment orders.

CREATE TABLE policy (
    site_id      TEXT    NOT NULL REFERENCES site (site_id),
    sku          TEXT    NOT NULL REFERENCES product (sku),
    t_days       INTEGER NOT NULL CHECK (t_days >= 1),
    r_level      BIGINT  NOT NULL,
    s_level      BIGINT  NOT NULL,
    l_level      BIGINT  NOT NULL,
    locked       INTEGER NOT NULL DEFAULT 0,
    updated_at   TEXT    NOT NULL,
    PRIMARY KEY (site_id, sku),
    CHECK (0 <= l_level AND l_level <= r_level AND r_level <= s_level AND s_level > 0)
);

-- Shared with emergency planning: columns may be added, not renamed or removed.
CREATE TABLE replenishment_order (
    order_id     TEXT    PRIMARY KEY,
    site_id      TEXT    NOT NULL REFERENCES site (site_id),
    sku          TEXT    NOT NULL REFERENCES product (sku),
    kind         TEXT    NOT NULL CHECK (kind IN ('regular', 'emergency')),
    qty          BIGINT  NOT NULL CHECK (qty > 0),
    received_qty BIGINT  NOT NULL DEFAULT 0,
    status       TEXT    NOT NULL CHECK (status IN ('open', 'planned', 'shipped', 'received', 'cancelled')),
    raised_at    TEXT    NOT NULL,
    due_date     TEXT    NOT NULL,
    warehouse    TEXT,
    vehicle_id   TEXT,
    stop_no      INTEGER,
    updated_at   TEXT    NOT NULL
);
CREATE INDEX replenishment_order_position ON replenishment_order (site_id, sku, status);
CREATE INDEX replenishment_order_due ON replenishment_order (status, due_date);
