-- On hand at the start of a day per position, from all moves before it: the last count before the day (by time, then
-- move id) plus the signed quantities of the moves after it; without a count, the signed quantities of all moves.
-- The same fold as the ledger's on hand (MoveKind.apply), whose signed quantity comes in as signedQty.
WITH last_count AS (
    SELECT site_id, sku, at, move_id, qty FROM (
        SELECT site_id, sku, at, move_id, qty,
               ROW_NUMBER() OVER (PARTITION BY site_id, sku ORDER BY at DESC, move_id DESC) AS nth
        FROM stock_move
        WHERE kind = :count AND at < :from AND (:site IS NULL OR site_id = :site) AND (:sku IS NULL OR sku = :sku)
    ) counts
    WHERE nth = 1
)
SELECT m.site_id, m.sku, COALESCE(MAX(c.qty), 0) + SUM(CASE
           WHEN c.at IS NOT NULL AND (m.at < c.at OR (m.at = c.at AND m.move_id <= c.move_id)) THEN 0
           ELSE <signedQty> END) AS on_hand
FROM stock_move m
LEFT JOIN last_count c ON c.site_id = m.site_id AND c.sku = m.sku
WHERE m.at < :from AND (:site IS NULL OR m.site_id = :site) AND (:sku IS NULL OR m.sku = :sku)
GROUP BY m.site_id, m.sku
