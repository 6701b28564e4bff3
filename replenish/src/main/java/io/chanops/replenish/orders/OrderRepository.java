package io.chanops.replenish.orders;

import io.chanops.ledger.CopyRows;
import io.chanops.ledger.imports.StatementBatches;
import io.chanops.ledger.model.MoveKind;
import io.chanops.ledger.model.Position;
import io.chanops.ledger.time.LocalTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterArgumentFactory;
import org.jdbi.v3.sqlobject.config.RegisterColumnMapper;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The replenishment orders and the check runs that raise them: the only code that reads or writes
 * {@code replenishment_order} and {@code check_run}. Statuses and kinds are
 * {@link OrderStatus} and {@link OrderKind}, bound and read as their codes. The check raises and escalates orders in
 * JDBC batches through the transaction's connection ({@link #raise}, {@link #escalate}): tens of thousands of orders
 * on the first check of a cycle, where JDBI's per-argument binding cost more than SQLite's insert itself. On
 * PostgreSQL many new orders go in by one COPY instead.
 */
@RegisterConstructorMapper(Order.class)
@RegisterConstructorMapper(OrderRepository.Units.class)
@RegisterConstructorMapper(OrderRepository.Receipts.class)
@RegisterColumnMapper(OrderRepository.StatusColumn.class)
@RegisterColumnMapper(OrderRepository.KindColumn.class)
@RegisterArgumentFactory(OrderRepository.StatusArgument.class)
@RegisterArgumentFactory(OrderRepository.KindArgument.class)
public interface OrderRepository extends SqlObject {
    String COLUMNS =
            "order_id, site_id, sku, kind, qty, received_qty, status, raised_at, due_date, warehouse, vehicle_id, "
                    + "stop_no, planned_for, updated_at, reason, escalated_at";
    /** Orders in batches of this many rows. */
    int BATCH = 10_000;

    /** A new order as the check (or rebalance) raises it: open, nothing received; {@code runId} null: no check run. */
    record NewOrder(
            String orderId,
            String siteId,
            String sku,
            OrderKind kind,
            long qty,
            String raisedAt,
            String dueDate,
            String warehouse,
            String reason,
            Long runId) {}

    /** A regular order turned emergency: {@code addQty} more units, due again, the reason appended. */
    record Escalation(String orderId, long addQty, String dueDate, String at, String reason) {}

    /** Units of a (site or warehouse, SKU). */
    record Units(String siteId, String sku, long units) {}

    @SqlQuery("SELECT " + COLUMNS + " FROM replenishment_order WHERE order_id = :id")
    Optional<Order> find(@Bind("id") String orderId);

    /**
     * {@code replenish orders}: oldest first, or a vehicle's orders by delivery day and stop; a null filter matches any
     * order.
     */
    @SqlQuery("SELECT " + COLUMNS + " FROM replenishment_order WHERE (:status IS NULL OR status = :status) "
            + "AND (:kind IS NULL OR kind = :kind) AND (:due IS NULL OR due_date = :due) AND (:site IS NULL OR site_id "
            + "= :site) AND (:sku IS NULL OR sku = :sku) AND (:run IS NULL OR run_id = :run) "
            + "AND (:vehicle IS NULL OR vehicle_id = :vehicle) AND (:from IS NULL OR warehouse = :from) "
            + "ORDER BY CASE WHEN :vehicle IS NULL THEN NULL ELSE planned_for END, "
            + "CASE WHEN :vehicle IS NULL THEN NULL ELSE stop_no END, raised_at, order_id")
    List<Order> list(
            @Bind("status") OrderStatus status,
            @Bind("kind") OrderKind kind,
            @Bind("due") String dueDate,
            @Bind("site") String siteId,
            @Bind("sku") String sku,
            @Bind("run") Long runId,
            @Bind("vehicle") String vehicleId,
            @Bind("from") String warehouse);

    /** The vehicles orders were ever planned on, by name. */
    @SqlQuery("SELECT DISTINCT vehicle_id FROM replenishment_order WHERE vehicle_id IS NOT NULL ORDER BY vehicle_id")
    List<String> vehicles();

    /** The vehicles orders are planned on now, by name. */
    @SqlQuery("SELECT DISTINCT vehicle_id FROM replenishment_order WHERE status = :planned AND vehicle_id IS NOT NULL"
            + " ORDER BY vehicle_id")
    List<String> vehiclesPlanned(@Bind("planned") OrderStatus planned);

    /** The vehicles orders are planned on now, by name. */
    default List<String> vehiclesPlanned() {
        return vehiclesPlanned(OrderStatus.PLANNED);
    }

    /** The orders planned on a vehicle, in stop order. */
    @SqlQuery("SELECT " + COLUMNS + " FROM replenishment_order WHERE status = :planned AND vehicle_id = :vehicle "
            + "ORDER BY stop_no, order_id")
    List<Order> plannedOn(@Bind("vehicle") String vehicleId, @Bind("planned") OrderStatus planned);

    /** The orders planned on {@code vehicleId} now, in stop order. */
    default List<Order> plannedOn(String vehicleId) {
        return plannedOn(vehicleId, OrderStatus.PLANNED);
    }

    /** The orders planned on {@code vehicleId} now, by delivery day, in stop order within a day. */
    default List<VehicleLoad> loadsOf(String vehicleId) {
        return VehicleLoad.byDay(vehicleId, plannedOn(vehicleId));
    }

    /** Every order check run {@code runId} raised, oldest first. */
    default List<Order> raisedBy(long runId) {
        return list(null, null, null, null, null, runId, null, null);
    }

    /** The newest order of one position, if it has any. */
    @SqlQuery("SELECT " + COLUMNS + " FROM replenishment_order WHERE site_id = :site AND sku = :sku "
            + "ORDER BY raised_at DESC, order_id DESC LIMIT 1")
    Optional<Order> lastOf(@Bind("site") String siteId, @Bind("sku") String sku);

    @SqlQuery("SELECT " + COLUMNS
            + " FROM replenishment_order WHERE site_id = :site AND sku = :sku AND status IN (<statuses>) "
            + "ORDER BY raised_at DESC, order_id DESC")
    List<Order> ofPosition(
            @Bind("site") String siteId, @Bind("sku") String sku, @BindList("statuses") List<OrderStatus> statuses);

    /** Every order of one position still on order (what the check counts), newest first. */
    default List<Order> onOrder(String siteId, String sku) {
        return ofPosition(siteId, sku, List.copyOf(OrderStatus.ON_ORDER));
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM replenishment_order WHERE status IN (<statuses>)")
    List<Order> withStatus(@BindList("statuses") List<OrderStatus> statuses);

    /** Every order still on order, in no particular order. */
    default List<Order> onOrder() {
        return withStatus(List.copyOf(OrderStatus.ON_ORDER));
    }

    @SqlQuery("SELECT site_id, sku, SUM(qty - received_qty) AS units FROM replenishment_order WHERE status IN "
            + "(<statuses>) AND (:site IS NULL OR site_id = :site) AND (:sku IS NULL OR sku = :sku) GROUP BY "
            + "site_id, sku")
    List<Units> outstandingByPosition(
            @BindList("statuses") List<OrderStatus> statuses, @Bind("site") String siteId, @Bind("sku") String sku);

    /** On order per position (outstanding units of its on-order orders); null filters match any. */
    default Map<Position, Long> onOrderByPosition(String siteId, String sku) {
        Map<Position, Long> onOrder = new HashMap<>();
        for (Units u : outstandingByPosition(List.copyOf(OrderStatus.ON_ORDER), siteId, sku)) {
            onOrder.put(new Position(u.siteId(), u.sku()), u.units());
        }
        return onOrder;
    }

    /**
     * Units promised away from each warehouse and not delivered yet: the outstanding units of its planned and shipped
     * orders ({@link Units#siteId} is the warehouse).
     */
    @SqlQuery("SELECT warehouse AS site_id, sku, SUM(qty - received_qty) AS units FROM replenishment_order "
            + "WHERE status IN (<statuses>) AND warehouse IS NOT NULL GROUP BY warehouse, sku")
    List<Units> outstandingFromWarehouses(@BindList("statuses") List<OrderStatus> statuses);

    default List<Units> committedAtWarehouses() {
        return outstandingFromWarehouses(List.of(OrderStatus.PLANNED, OrderStatus.SHIPPED));
    }

    /**
     * The open orders to deliver on {@code day} with units still to come: emergencies due that day and, with
     * {@code includeRegular}, regular orders due on or before it; by id.
     */
    @SqlQuery("toDeliver")
    @UseClasspathSqlLocator
    List<Order> toDeliver(
            @Bind("day") String day,
            @Bind("regular") int includeRegular,
            @Bind("open") OrderStatus open,
            @Bind("emergency") OrderKind emergency,
            @Bind("regularKind") OrderKind regular);

    default List<Order> toDeliver(String day, boolean includeRegular) {
        return toDeliver(day, includeRegular ? 1 : 0, OrderStatus.OPEN, OrderKind.EMERGENCY, OrderKind.REGULAR);
    }

    /**
     * What an order says it received and what its receipts booked: the {@code transfer_in} moves at its store and the
     * {@code transfer_out} moves at the site that supplies it ({@code warehouse}, null for none) whose ref is its id.
     */
    record Receipts(
            String orderId,
            String siteId,
            String warehouse,
            String sku,
            long receivedQty,
            long bookedIn,
            long bookedOut) {}

    @SqlQuery("SELECT COUNT(*) FROM replenishment_order")
    long count();

    /** The orders whose received quantity is not what their receipts booked, by id. */
    @SqlQuery("receiptsNotBooked")
    @UseClasspathSqlLocator
    List<Receipts> receiptsNotBooked(@Bind("in") String transferIn, @Bind("out") String transferOut);

    default List<Receipts> receiptsNotBooked() {
        return receiptsNotBooked(MoveKind.TRANSFER_IN.toString(), MoveKind.TRANSFER_OUT.toString());
    }

    /**
     * The open regular and emergency orders due on or before {@code day} with units still to come: the demand
     * {@code replenish rebalance} allocates (SPEC §12), by id.
     */
    @SqlQuery("SELECT " + COLUMNS + " FROM replenishment_order WHERE status = :open AND qty > received_qty "
            + "AND kind IN (:regular, :emergency) AND due_date <= :day ORDER BY order_id")
    List<Order> openDemand(
            @Bind("day") String day,
            @Bind("open") OrderStatus open,
            @Bind("regular") OrderKind regular,
            @Bind("emergency") OrderKind emergency);

    default List<Order> openDemandUpTo(String day) {
        return openDemand(day, OrderStatus.OPEN, OrderKind.REGULAR, OrderKind.EMERGENCY);
    }

    /**
     * Units each site has promised away and not yet delivered, over every order still on order that it supplies
     * ({@link Units#siteId} is the supplying site): for a store, its open transfers to other stores.
     */
    default List<Units> promisedBySuppliers() {
        return outstandingFromWarehouses(List.copyOf(OrderStatus.ON_ORDER));
    }

    /**
     * An order shrunk to {@code qty} with a new status (the same, or cancelled / received when nothing is left to
     * come),
     * {@code note} appended to its reason.
     */
    record Shrink(String orderId, long qty, OrderStatus status, String at, String note) {}

    @SqlBatch("UPDATE replenishment_order SET qty = :qty, status = :status, updated_at = :at, "
            + "reason = CASE WHEN reason IS NULL THEN :note ELSE reason || '; ' || :note END WHERE order_id = :orderId")
    void shrinkBatch(@BindMethods Iterable<Shrink> shrinks);

    /** Shrinks (or closes) orders, in one batch. */
    default void shrink(List<Shrink> shrinks) {
        if (!shrinks.isEmpty()) {
            shrinkBatch(shrinks);
        }
    }

    @SqlQuery("SELECT MAX(order_id) FROM replenishment_order WHERE order_id LIKE :pattern")
    String highestIdLike(@Bind("pattern") String pattern);

    /** The highest order id starting with {@code prefix}, or null. */
    default String highestIdStartingWith(String prefix) {
        return highestIdLike(prefix + "%");
    }

    @SqlUpdate("UPDATE replenishment_order SET status = :status, updated_at = :at WHERE order_id = :id")
    void setStatus(@Bind("id") String orderId, @Bind("status") OrderStatus status, @Bind("at") String at);

    @SqlUpdate("UPDATE replenishment_order SET received_qty = :received, status = :status, updated_at = :at WHERE "
            + "order_id = :id")
    void setReceived(
            @Bind("id") String orderId,
            @Bind("received") long receivedQty,
            @Bind("status") OrderStatus status,
            @Bind("at") String at);

    /** An order {@code from} one status {@code to} another, with its vehicle, stop and delivery day (or none). */
    @SqlUpdate(
            "UPDATE replenishment_order SET status = :to, vehicle_id = :vehicle, stop_no = :stop, planned_for = :day, "
                    + "updated_at = :at WHERE order_id = :id AND status = :from")
    int setPlan(
            @Bind("id") String orderId,
            @Bind("vehicle") String vehicleId,
            @Bind("day") String day,
            @Bind("stop") Integer stopNo,
            @Bind("at") String at,
            @Bind("to") OrderStatus to,
            @Bind("from") OrderStatus from);

    /** A planned order off its vehicle, open again; 0 when it is not planned. */
    default int markOpen(String orderId, String at) {
        return setPlan(orderId, null, null, null, at, OrderStatus.OPEN, OrderStatus.PLANNED);
    }

    /** Marks an open order planned on a vehicle's stop on delivery day {@code day}; 0 when it is no longer open. */
    default int markPlanned(String orderId, String vehicleId, LocalDate day, int stopNo, String at) {
        return setPlan(orderId, vehicleId, LocalTimes.format(day), stopNo, at, OrderStatus.PLANNED, OrderStatus.OPEN);
    }

    /** The next check run id, inside the serialised write transaction. */
    @SqlQuery("SELECT COALESCE(MAX(run_id), 0) + 1 FROM check_run")
    long nextRunId();

    /** Records a check run: its scope (full, emergency, import), what it examined and raised, and who ran it. */
    @SqlUpdate("INSERT INTO check_run (run_id, at, scope, positions, reviewed, regular, emergency, escalated, os_user) "
            + "VALUES (:id, :at, :scope, :positions, :reviewed, :regular, :emergency, :escalated, :user)")
    void recordRun(
            @Bind("id") long runId,
            @Bind("at") String at,
            @Bind("scope") String scope,
            @Bind("positions") long positions,
            @Bind("reviewed") long reviewed,
            @Bind("regular") long regular,
            @Bind("emergency") long emergency,
            @Bind("escalated") long escalated,
            @Bind("user") String user);

    /** Check run {@code runId} as {@code "at (scope)"}, if it ran. */
    @SqlQuery("SELECT at || ' (' || scope || ')' FROM check_run WHERE run_id = :run")
    Optional<String> run(@Bind("run") long runId);

    /** The number of the latest check run, if any ran. */
    @SqlQuery("SELECT MAX(run_id) FROM check_run")
    Optional<Long> lastRunId();

    /** The latest check run as {@code "at (scope)"}, if any ran. */
    @SqlQuery("SELECT at || ' (' || scope || ')' FROM check_run ORDER BY run_id DESC LIMIT 1")
    Optional<String> lastRun();

    /** Inserts new open orders: by COPY on PostgreSQL from {@link CopyRows#FROM_ROWS} orders, else in JDBC batches. */
    default void raise(List<NewOrder> orders) {
        raise(orders, CopyRows.pays(getHandle(), orders.size()));
    }

    /**
     * {@code copy}: PostgreSQL's path, one {@code COPY} of the orders (a row costs the server no statement of its own);
     * else JDBC batches of the INSERT (any database). The differential test, {@code OrderCopyTest}, calls both.
     */
    default void raise(List<NewOrder> orders, boolean copy) {
        String columns = "order_id, site_id, sku, kind, qty, received_qty, status, raised_at, due_date, warehouse, "
                + "updated_at, reason, run_id";
        if (copy) {
            try {
                CopyRows rows = new CopyRows(
                        getHandle().getConnection(),
                        "COPY replenishment_order (" + columns + ") FROM STDIN (FORMAT text)",
                        1 << 20);
                for (NewOrder o : orders) {
                    rows.text(o.orderId())
                            .text(o.siteId())
                            .text(o.sku())
                            .text(o.kind().code())
                            .number(o.qty())
                            .number(0)
                            .text(OrderStatus.OPEN.code())
                            .text(o.raisedAt())
                            .text(o.dueDate())
                            .text(o.warehouse())
                            .text(o.raisedAt())
                            .text(o.reason());
                    if (o.runId() == null) {
                        rows.nul();
                    } else {
                        rows.number(o.runId());
                    }
                    rows.endRow();
                }
                rows.flush();
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException(e, null);
            }
            return;
        }
        StatementBatches.execute(
                getHandle().getConnection(),
                "INSERT INTO replenishment_order (" + columns + ") VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)",
                BATCH,
                orders,
                (insert, o) -> {
                    insert.setString(1, o.orderId());
                    insert.setString(2, o.siteId());
                    insert.setString(3, o.sku());
                    insert.setString(4, o.kind().code());
                    insert.setLong(5, o.qty());
                    insert.setString(6, OrderStatus.OPEN.code());
                    insert.setString(7, o.raisedAt());
                    insert.setString(8, o.dueDate());
                    insert.setString(9, o.warehouse());
                    insert.setString(10, o.raisedAt());
                    insert.setString(11, o.reason());
                    if (o.runId() == null) {
                        insert.setNull(12, Types.BIGINT);
                    } else {
                        insert.setLong(12, o.runId());
                    }
                });
    }

    /** Turns regular orders into emergencies: more units, a new due date, the reason appended; in batches. */
    default void escalate(List<Escalation> escalations) {
        StatementBatches.execute(
                getHandle().getConnection(),
                "UPDATE replenishment_order SET kind = ?, qty = qty + ?, "
                        + "due_date = ?, escalated_at = ?, updated_at = ?, reason = COALESCE(reason, '') || '; ' || ? "
                        + "WHERE order_id = ?",
                BATCH,
                escalations,
                (escalate, e) -> {
                    escalate.setString(1, OrderKind.EMERGENCY.code());
                    escalate.setLong(2, e.addQty());
                    escalate.setString(3, e.dueDate());
                    escalate.setString(4, e.at());
                    escalate.setString(5, e.at());
                    escalate.setString(6, e.reason());
                    escalate.setString(7, e.orderId());
                });
    }

    /** Reads a stored status code. */
    final class StatusColumn implements ColumnMapper<OrderStatus> {
        @Override
        public OrderStatus map(ResultSet r, int columnNumber, StatementContext ctx) throws SQLException {
            String code = r.getString(columnNumber);
            return code == null ? null : OrderStatus.parse(code);
        }
    }

    /** Reads a stored kind code. */
    final class KindColumn implements ColumnMapper<OrderKind> {
        @Override
        public OrderKind map(ResultSet r, int columnNumber, StatementContext ctx) throws SQLException {
            String code = r.getString(columnNumber);
            return code == null ? null : OrderKind.parse(code);
        }
    }

    /** Binds a status as its code. */
    final class StatusArgument extends AbstractArgumentFactory<OrderStatus> {
        public StatusArgument() {
            super(Types.VARCHAR);
        }

        @Override
        protected Argument build(OrderStatus value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setString(position, value.code());
        }
    }

    /** Binds a kind as its code. */
    final class KindArgument extends AbstractArgumentFactory<OrderKind> {
        public KindArgument() {
            super(Types.VARCHAR);
        }

        @Override
        protected Argument build(OrderKind value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setString(position, value.code());
        }
    }
}
