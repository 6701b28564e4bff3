-- The orders one run confirmed.
SELECT run_id, order_id, created_at, channel, site_id, msisdn, sku, qty, amount_fen, boss_net_fen, boss_accepted_at,
       platform_status, boss_live, matched_by
FROM confirmed_order
WHERE run_id = :run
