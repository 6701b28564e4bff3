-- Live confirmations, created in the month (and in [from, to)), of orders some run shows reversed.
SELECT c.order_id, c.created_at, c.run_id
FROM confirmed_order x
CROSS JOIN confirmed_order c
WHERE x.boss_live = 0 AND x.platform_status IN ('cancelled', 'refunded')
  AND c.created_month = :month AND c.order_id = x.order_id
  AND c.boss_live = 1 AND c.platform_status IN ('paid', 'completed')
  AND c.created_at >= :from AND c.created_at < :to
