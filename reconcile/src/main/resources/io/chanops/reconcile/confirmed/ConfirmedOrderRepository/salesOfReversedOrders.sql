-- The month's confirmed sales of orders some run shows reversed (few: looked up from the reversals).
SELECT s.order_id, s.created_at, s.site_id, s.sku, s.qty, s.boss_net_fen
FROM (SELECT DISTINCT order_id FROM confirmed_order
      WHERE boss_live = 0 AND platform_status IN ('cancelled', 'refunded')) x
CROSS JOIN confirmed_sale s
WHERE s.created_month = :month AND s.order_id = x.order_id
