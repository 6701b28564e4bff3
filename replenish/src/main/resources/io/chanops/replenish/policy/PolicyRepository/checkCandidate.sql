-- One position as checkCandidates.sql sees it, whatever its levels: the emergency step after a small stock import
-- looks the touched positions up one by one instead of scanning.
WITH cur (t_days, cycle_start, mark_at) AS (VALUES <periods>)
SELECT p.site_id, p.sku, p.t_days, p.r_level, p.s_level, p.l_level, COALESCE(l.on_hand, 0) AS on_hand,
       CASE WHEN ((c.mark_at IS NOT NULL AND p.review_from <= c.mark_at) OR COALESCE(p.reviewed_cycle, '') = c.cycle_start)
            THEN 0 ELSE 1 END AS review_due
FROM policy p
JOIN cur c ON c.t_days = p.t_days
LEFT JOIN stock_level l ON l.site_id = p.site_id AND l.sku = p.sku
WHERE p.site_id = :site AND p.sku = :sku
