-- chanops ledger, version 19: the delivery day a plan put an order on. `replenish plan --date D --apply` records D
-- with the vehicle and stop, so that `replenish ship --vehicle V` ships one day's load: a van may hold today's planned
-- orders and tomorrow's when tomorrow is planned before today's van is shipped. Orders planned before this version
-- have none (NULL), as have orders never planned.
ALTER TABLE replenishment_order ADD COLUMN planned_for TEXT;
