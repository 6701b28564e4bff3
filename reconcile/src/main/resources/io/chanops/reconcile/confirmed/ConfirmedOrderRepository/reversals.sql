-- Every confirmed order whose platform status is cancelled or refunded and whose BOSS group was reversed, with when the
-- run that found it ran (read through the partial index confirmed_order_reversed).
SELECT x.order_id, x.created_at, x.boss_accepted_at, x.platform_status, x.run_id, r.run_at
FROM confirmed_order x
JOIN reconcile_run r ON r.run_id = x.run_id
WHERE x.boss_live = 0 AND x.platform_status IN ('cancelled', 'refunded')
