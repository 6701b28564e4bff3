-- The orders whose received quantity is not what their receipts booked: `replenish receive` writes a transfer_in at
-- the order's store and a transfer_out at the site that supplies it, both with the order id as ref, in the transaction
-- that raises received_qty. Each sum is read through stock_move's document index (site_id, sku, kind, ref). By order id.
SELECT order_id, site_id, warehouse, sku, received_qty, booked_in, booked_out
FROM (SELECT o.order_id, o.site_id, o.warehouse, o.sku, o.received_qty,
             (SELECT COALESCE(SUM(m.qty), 0) FROM stock_move m
              WHERE m.site_id = o.site_id AND m.sku = o.sku AND m.kind = :in AND m.ref = o.order_id
                AND m.ref IS NOT NULL) AS booked_in,
             (SELECT COALESCE(SUM(m.qty), 0) FROM stock_move m
              WHERE m.site_id = o.warehouse AND m.sku = o.sku AND m.kind = :out AND m.ref = o.order_id
                AND m.ref IS NOT NULL) AS booked_out
      FROM replenishment_order o) receipts
WHERE received_qty <> booked_in OR (warehouse IS NOT NULL AND received_qty <> booked_out)
ORDER BY order_id
