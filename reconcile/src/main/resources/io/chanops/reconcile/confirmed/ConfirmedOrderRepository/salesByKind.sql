-- The month's confirmed sales by kind: the sum of the changes the writers recorded (see confirmed_sale_count).
SELECT site_id, sku, order_date, boss_net_fen, SUM(orders) AS orders, SUM(units) AS units
FROM confirmed_sale_count
WHERE created_month = :month
GROUP BY site_id, sku, order_date, boss_net_fen
HAVING SUM(orders) <> 0 OR SUM(units) <> 0
