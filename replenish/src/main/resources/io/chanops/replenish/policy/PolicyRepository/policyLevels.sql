-- Every position with a policy of the given SKUs, with its on hand (0 without stock), in no particular order: what
-- rebalance needs (each store's on hand - L, and the stores above S). A plain scan of policy joined by key to
-- stock_level: no union with stock-only positions and no sort, unlike positions.sql.
SELECT p.site_id, p.sku, COALESCE(l.on_hand, 0) AS on_hand, p.t_days, p.r_level, p.s_level, p.l_level
FROM policy p
LEFT JOIN stock_level l ON l.site_id = p.site_id AND l.sku = p.sku
WHERE p.sku IN (<skus>)
