-- Every position with a policy or stock (optionally of one site and/or SKU), with its policy and lock if it has one.
-- Tuning keeps the store positions of stocked SKUs among them.
SELECT k.site_id, k.sku, p.t_days, p.r_level, p.s_level, p.l_level, p.locked, p.locked_until
FROM (SELECT site_id, sku FROM policy UNION SELECT site_id, sku FROM stock_level) k
LEFT JOIN policy p ON p.site_id = k.site_id AND p.sku = k.sku
WHERE (:site IS NULL OR k.site_id = :site) AND (:sku IS NULL OR k.sku = :sku)
