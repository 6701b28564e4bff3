-- (t,R,S,L) policies, their review record, replenishment orders and the check runs.

CREATE TABLE policy (
    site_id        TEXT    NOT NULL REFERENCES site (site_id),
    sku            TEXT    NOT NULL REFERENCES product (sku),
    t_days         INTEGER NOT NULL CHECK (t_days >= 1),
    r_level        BIGINT  NOT NULL,
    s_level        BIGINT  NOT NULL,
    l_level        BIGINT  NOT NULL,
    locked         INTEGER NOT NULL DEFAULT 0,   -- 1: tuning never changes it (until locked_until, if set)
    locked_until   TEXT,                         -- YYYY-MM-DD: after this date tuning may change it again
    source         TEXT    NOT NULL CHECK (source IN ('tuned', 'manual', 'import')),
    set_by         TEXT,                         -- OS user who set or imported the values (manual/import)
    reason         TEXT,                         -- why (policy set --reason, or the imported file)
    tuned_at       TEXT,                         -- last tuning that produced these values, and its inputs:
    tune_from      TEXT,                         --   history window, first and last day (YYYY-MM-DD)
    tune_to        TEXT,
    tune_days      INTEGER,                      --   days used (stock-out days left out)
    tune_mu        DOUBLE PRECISION,             --   daily mean and standard deviation of sales
    tune_sigma     DOUBLE PRECISION,
    tune_level     DOUBLE PRECISION,             --   service level, and the method (normal|poisson|no-sales)
    tune_method    TEXT,
    review_from    TEXT    NOT NULL,             -- when its review schedule started (created, or t changed)
    reviewed_cycle TEXT,                         -- first day of the cycle it was last reviewed in on its own
                                                 -- (when it joined after that cycle's review mark)
    updated_at     TEXT    NOT NULL,
    PRIMARY KEY (site_id, sku),
    CHECK (0 <= l_level AND l_level <= r_level AND r_level <= s_level AND s_level > 0)
);

-- The periodic review, recorded once per review period t and cycle instead of once per position: every policy
-- with period t whose review_from <= at was reviewed in the cycle starting cycle_start. (Writing a review flag
-- into 1.5M policy rows every cycle cost more than the rest of the check.)
CREATE TABLE review_mark (
    t_days      INTEGER NOT NULL,
    cycle_start TEXT    NOT NULL,
    at          TEXT    NOT NULL,
    run_id      INTEGER NOT NULL,
    PRIMARY KEY (t_days, cycle_start)
);

-- Shared with emergency planning: columns may be added, not renamed or removed.
CREATE TABLE replenishment_order (
    order_id     TEXT    PRIMARY KEY,            -- RO-YYYYMMDD-NNNNNN: raising day, then a per-day sequence
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
    updated_at   TEXT    NOT NULL,
    reason       TEXT,                           -- the inequality that fired and the quantity's arithmetic
    escalated_at TEXT,                           -- when a regular order became an emergency
    run_id       INTEGER                         -- the check run that raised it (NULL: none)
);
CREATE INDEX replenishment_order_position ON replenishment_order (site_id, sku, status);
CREATE INDEX replenishment_order_due ON replenishment_order (status, due_date);

-- One row per check (full, emergency-only, or after a stock import): what `explain` calls "the last check".
CREATE TABLE check_run (
    run_id      INTEGER PRIMARY KEY,
    at          TEXT    NOT NULL,
    scope       TEXT    NOT NULL CHECK (scope IN ('full', 'emergency', 'import')),
    positions   BIGINT  NOT NULL,                -- positions examined
    reviewed    BIGINT  NOT NULL,                -- periodic reviews recorded
    regular     BIGINT  NOT NULL,                -- regular orders raised
    emergency   BIGINT  NOT NULL,                -- emergency orders raised
    escalated   BIGINT  NOT NULL,                -- regular orders escalated
    os_user     TEXT    NOT NULL
);
