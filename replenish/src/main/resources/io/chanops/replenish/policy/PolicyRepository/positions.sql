-- Every position with stock or a policy (optionally of one site and/or SKU), with its on hand and policy, by site
-- and SKU: what stock show lists.
SELECT k.site_id, k.sku, COALESCE(l.on_hand, 0) AS on_hand, p.t_days, p.r_level, p.s_level, p.l_level
FROM (SELECT site_id, sku FROM stock_level UNION SELECT site_id, sku FROM policy) k
LEFT JOIN stock_level l ON l.site_id = k.site_id AND l.sku = k.sku
LEFT JOIN policy p ON p.site_id = k.site_id AND p.sku = k.sku
WHERE (:site IS NULL OR k.site_id = :site) AND (:sku IS NULL OR k.sku = :sku)
ORDER BY k.site_id, k.sku
