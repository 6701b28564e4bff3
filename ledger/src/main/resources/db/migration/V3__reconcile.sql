-- Reconciliation runs against BOSS exports, their findings and the orders they confirmed.

CREATE TABLE reconcile_run (
    run_id          INTEGER PRIMARY KEY,
    run_at          TEXT    NOT NULL,
    platform_file   TEXT    NOT NULL,
    platform_sha256 TEXT    NOT NULL,
    boss_file       TEXT    NOT NULL,
    boss_sha256     TEXT    NOT NULL,
    profile_file    TEXT    NOT NULL,
    tolerance_fen   BIGINT  NOT NULL,
    window_minutes  INTEGER NOT NULL,
    platform_rows   INTEGER NOT NULL,
    boss_rows       INTEGER NOT NULL,
    discrepancies   INTEGER NOT NULL,
    os_user         TEXT    NOT NULL,
    forced          INTEGER NOT NULL DEFAULT 0,
    carry           INTEGER NOT NULL DEFAULT 0,  -- run with --carry
    platform_total_fen BIGINT NOT NULL DEFAULT 0, -- sum of the platform file's amounts (all rows)
    boss_total_fen  BIGINT  NOT NULL DEFAULT 0,  -- sum of the BOSS file's amounts (all rows)
    matched         INTEGER NOT NULL DEFAULT 0,  -- orders confirmed (MATCHED) by this run
    resolved_late   INTEGER NOT NULL DEFAULT 0,  -- earlier MISSING_IN_BOSS items this run closed
    out_dir         TEXT                         -- where the run wrote its CSV reports
);
CREATE INDEX reconcile_run_files ON reconcile_run (platform_sha256, boss_sha256);

-- One row per discrepancy (every category except MATCHED and OK_CANCELLED), and one per RESOLVED_LATE finding of a
-- --carry run (carried_item_id = the earlier MISSING_IN_BOSS item it closed).
CREATE TABLE reconcile_item (
    item_id          INTEGER PRIMARY KEY,
    run_id           INTEGER NOT NULL REFERENCES reconcile_run (run_id),
    category         TEXT    NOT NULL,
    order_id         TEXT,
    boss_ids         TEXT,                   -- '|'-separated
    msisdn           TEXT,
    site_id          TEXT,
    created_at       TEXT,                   -- platform order creation time
    platform_amount_fen BIGINT,
    boss_amount_fen  BIGINT,
    platform_status  TEXT,
    boss_status      TEXT,
    matched_by       TEXT,                   -- order_ref | fallback
    resolved_run_id  INTEGER,                -- set when a later --carry run found it (RESOLVED_LATE)
    channel          TEXT,                   -- platform order fields, so that a later --carry run can confirm it
    sku              TEXT,
    qty              BIGINT,
    boss_accepted_at TEXT,                   -- latest BOSS row of the group
    age_days         INTEGER,                -- RESOLVED_LATE: days from order creation to the BOSS acceptance
    carried_item_id  INTEGER                 -- RESOLVED_LATE: the earlier MISSING_IN_BOSS item
);
CREATE INDEX reconcile_item_run ON reconcile_item (run_id, category);
CREATE INDEX reconcile_item_order ON reconcile_item (order_id);
CREATE INDEX reconcile_item_open ON reconcile_item (category, resolved_run_id);

-- Orders a run confirmed (MATCHED): the basis of commission. Cancelled/refunded orders whose BOSS group was
-- reversed are MATCHED too (platform_status tells): a later one of these triggers a clawback.
CREATE TABLE confirmed_order (
    run_id          INTEGER NOT NULL REFERENCES reconcile_run (run_id),
    order_id        TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    channel         TEXT,                    -- the platform file's channel column (web|wap|app...)
    site_id         TEXT,
    msisdn          TEXT,
    sku             TEXT,
    qty             BIGINT  NOT NULL,
    amount_fen      BIGINT  NOT NULL,        -- platform order amount
    boss_net_fen    BIGINT  NOT NULL,        -- BOSS group net amount
    boss_accepted_at TEXT,                   -- latest BOSS row of the group
    platform_status TEXT    NOT NULL,
    boss_live       INTEGER NOT NULL,
    matched_by      TEXT    NOT NULL,
    -- order_id first: the key also serves "every confirmation of this order" (clawbacks) without a second index,
    -- which matters when a run confirms a million orders
    PRIMARY KEY (order_id, run_id)
);
CREATE INDEX confirmed_order_created ON confirmed_order (created_at);

-- BOSS rows per site and day, as read by a run: the transaction counts of the channel-cost report. Extra copies of a
-- boss_id (DUPLICATE_BOSS) are not transactions and are left out; reversal rows are counted (BOSS did the work).
-- site_id is '' for rows without a site. A forced re-run of the same export stores its rows again under its own run.
CREATE TABLE boss_activity (
    run_id      INTEGER NOT NULL REFERENCES reconcile_run (run_id),
    day         TEXT    NOT NULL,
    site_id     TEXT    NOT NULL,
    rows_count  INTEGER NOT NULL,
    amount_fen  BIGINT  NOT NULL,
    PRIMARY KEY (run_id, day, site_id)
);
