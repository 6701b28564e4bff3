-- chanops ledger, version 12 (SQLite): confirmed orders as rows. PostgreSQL has the same table as a heap
-- (db/postgresql/V12); V13 converts the chunks of the former format.
--
-- One row per order a reconcile run confirmed (MATCHED, or RESOLVED_LATE with both sides live and equal amounts): the
-- basis of commission. A later run may confirm an order again; the reports take the latest run's row. Cancelled or
-- refunded orders whose BOSS group was reversed are confirmed too (platform_status and boss_live tell): a later one of
-- these is the evidence of a clawback.
--
-- Rows are kept in key order (created_month, order_id, run_id): a month's report reads one stretch of the table, with
-- every confirmation of an order side by side, and a run that writes its orders in that order appends.
CREATE TABLE confirmed_order (
    run_id           INTEGER NOT NULL REFERENCES reconcile_run (run_id),
    order_id         TEXT    NOT NULL,
    created_at       TEXT    NOT NULL,        -- YYYY-MM-DD HH:MM:SS, when the platform order was created (local time)
    created_month    TEXT    NOT NULL,        -- YYYY-MM of created_at: the month whose commission the order counts in
    channel          TEXT,                    -- the platform file's channel column (web|wap|app...)
    site_id          TEXT,
    msisdn           TEXT,
    sku              TEXT,
    qty              BIGINT  NOT NULL,
    amount_fen       BIGINT  NOT NULL,        -- platform order amount
    boss_net_fen     BIGINT  NOT NULL,        -- BOSS group net amount: what commission is paid on
    boss_accepted_at TEXT,                    -- YYYY-MM-DD HH:MM:SS of the group's latest BOSS row (NULL: none known)
    platform_status  TEXT    NOT NULL,        -- paid|completed|cancelled|refunded
    boss_live        INTEGER NOT NULL,        -- 1: the BOSS group stands; 0: BOSS reversed it
    matched_by       TEXT    NOT NULL,        -- order_ref|fallback
    PRIMARY KEY (created_month, order_id, run_id)
) WITHOUT ROWID;
CREATE INDEX confirmed_order_run ON confirmed_order (run_id);
-- The evidence of cancellations (a small share of the rows): looked up by order.
CREATE INDEX confirmed_order_reversed ON confirmed_order (order_id) WHERE boss_live = 0;

-- What commission counts: each order confirmed live (the platform says paid or completed and the BOSS group stands),
-- once per month it was created in, as the latest run that confirmed it so saw it.
CREATE VIEW confirmed_sale AS
SELECT c.run_id, c.order_id, c.created_at, c.created_month, c.channel, c.site_id, c.msisdn, c.sku, c.qty, c.amount_fen,
       c.boss_net_fen, c.boss_accepted_at, c.platform_status, c.matched_by
FROM confirmed_order c
LEFT JOIN confirmed_order later
       ON later.created_month = c.created_month AND later.order_id = c.order_id AND later.run_id > c.run_id
      AND later.boss_live = 1 AND later.platform_status IN ('paid', 'completed')
WHERE c.boss_live = 1 AND c.platform_status IN ('paid', 'completed') AND later.order_id IS NULL;

-- confirmed_sale counted by what decides a commission (month, site, SKU, order date, BOSS net), so that a month's report
-- reads a few thousand rows instead of its orders. Rows are changes: the writer of a run adds its orders, and takes
-- back those of earlier runs that it confirms again. A month by kind is the sum of its rows:
--   SELECT site_id, sku, order_date, boss_net_fen, SUM(orders), SUM(units) FROM confirmed_sale_count
--   WHERE created_month = '2026-02' GROUP BY site_id, sku, order_date, boss_net_fen
-- Kept by ConfirmedOrderRepository's writer: confirmed orders are written through it only.
CREATE TABLE confirmed_sale_count (
    created_month TEXT    NOT NULL,
    site_id       TEXT,
    sku           TEXT,
    order_date    TEXT    NOT NULL,           -- YYYY-MM-DD of created_at
    boss_net_fen  BIGINT  NOT NULL,
    orders        BIGINT  NOT NULL,
    units         BIGINT  NOT NULL
);
CREATE INDEX confirmed_sale_count_month ON confirmed_sale_count (created_month);
