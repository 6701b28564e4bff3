-- The month's confirmed sales, one row per order, in the order they were created.
SELECT s.order_id, s.created_at, s.site_id, s.sku, s.qty, s.boss_net_fen
FROM confirmed_sale s
WHERE s.created_month = :month
ORDER BY s.created_at
