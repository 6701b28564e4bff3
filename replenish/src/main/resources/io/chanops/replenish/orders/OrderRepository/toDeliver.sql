-- The open orders to deliver on a day, with units still to come: emergencies due that day, and (when regular
-- orders are included) regular orders due on or before it. By order id, so a plan reads them in a stable order.
SELECT order_id, site_id, sku, kind, qty, received_qty, status, raised_at, due_date, warehouse, vehicle_id,
       stop_no, planned_for, updated_at, reason, escalated_at
FROM replenishment_order
WHERE status = :open AND qty > received_qty
  AND ((kind = :emergency AND due_date = :day)
       OR (:regular = 1 AND kind = :regularKind AND due_date <= :day))
ORDER BY order_id
