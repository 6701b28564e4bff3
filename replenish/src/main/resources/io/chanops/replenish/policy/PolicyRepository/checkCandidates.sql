-- The positions where an inequality of the check can fire: on hand below L, or (when reviewing) the review is due and
-- on hand is below R. On order is left out on purpose: it only raises the inventory position, so on hand below R is a
-- safe pre-filter for inventory position below R, and the exact test runs in Java with on order summed from the
-- open orders. This keeps the scan to policy x stock_level. With :every = 1, every policy is read (the on hand
-- compared is then another one, given by the caller). The review is due unless the period's mark for the
-- current cycle covers the policy, or it was reviewed on its own. The review periods in use come as an inline table
-- cur (t_days, cycle_start, mark_at), a CTE over VALUES (portable).
WITH cur (t_days, cycle_start, mark_at) AS (VALUES <periods>)
SELECT p.site_id, p.sku, p.t_days, p.r_level, p.s_level, p.l_level, COALESCE(l.on_hand, 0) AS on_hand,
       CASE WHEN ((c.mark_at IS NOT NULL AND p.review_from <= c.mark_at) OR COALESCE(p.reviewed_cycle, '') = c.cycle_start)
            THEN 0 ELSE 1 END AS review_due
FROM policy p
JOIN cur c ON c.t_days = p.t_days
LEFT JOIN stock_level l ON l.site_id = p.site_id AND l.sku = p.sku
WHERE :every = 1
   OR COALESCE(l.on_hand, 0) < p.l_level
   OR (:review = 1 AND COALESCE(l.on_hand, 0) < p.r_level
       AND NOT ((c.mark_at IS NOT NULL AND p.review_from <= c.mark_at) OR COALESCE(p.reviewed_cycle, '') = c.cycle_start))
