-- Commission (酬金): rule sets loaded from commission-rules.csv, and the clawbacks already booked.

-- Every rule file loaded with --rules is kept; the one with the highest set_id is the active set.
CREATE TABLE commission_rule_set (
    set_id     INTEGER PRIMARY KEY,
    file_name  TEXT    NOT NULL,
    sha256     TEXT    NOT NULL,
    rules      INTEGER NOT NULL,
    loaded_at  TEXT    NOT NULL,
    os_user    TEXT    NOT NULL
);

-- The rules of a set, as validated: rate and tiers keep the file's text (parsed again by the same code on use).
CREATE TABLE commission_rule (
    set_id        INTEGER NOT NULL REFERENCES commission_rule_set (set_id),
    rule_id       TEXT    NOT NULL,
    line          INTEGER NOT NULL,          -- line in the file it came from
    channel       TEXT,                      -- empty = any
    site_id       TEXT,
    type          TEXT,
    sku           TEXT,
    basis         TEXT    NOT NULL CHECK (basis IN ('percent', 'fixed', 'tiered')),
    rate          TEXT,                      -- percent of amount, or yuan per unit
    tiers         TEXT,                      -- 1-100:10.00;101-300:12.00;301-:15.00
    valid_from    TEXT,                      -- YYYY-MM-DD, inclusive; empty = always
    valid_to      TEXT,                      -- YYYY-MM-DD, inclusive; empty = open-ended
    clawback_days INTEGER,                   -- empty = no clawback
    PRIMARY KEY (set_id, rule_id)
);

-- One negative line per order whose paid commission was reversed: booked once, in `month`, never again.
CREATE TABLE commission_clawback (
    order_id        TEXT    PRIMARY KEY,
    month           TEXT    NOT NULL,        -- YYYY-MM the clawback is booked in (the month of the cancellation)
    order_date      TEXT    NOT NULL,
    site_id         TEXT,
    channel         TEXT,
    sku             TEXT,
    type            TEXT,
    rule_id         TEXT    NOT NULL,
    basis           TEXT    NOT NULL,
    units           BIGINT  NOT NULL,
    amount_fen      BIGINT  NOT NULL,
    commission_fen  BIGINT  NOT NULL,        -- negative: minus the commission paid in the order's month
    cancelled_on    TEXT    NOT NULL,
    platform_status TEXT    NOT NULL,
    found_run_id    INTEGER NOT NULL REFERENCES reconcile_run (run_id),
    set_id          INTEGER NOT NULL REFERENCES commission_rule_set (set_id),
    explain         TEXT    NOT NULL,
    recorded_at     TEXT    NOT NULL
);
CREATE INDEX commission_clawback_month ON commission_clawback (month);
