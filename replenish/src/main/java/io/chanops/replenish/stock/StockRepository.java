package io.chanops.replenish.stock;

import io.chanops.catalog.ProductStock;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.imports.Ids;
import io.chanops.ledger.model.MoveKind;
import io.chanops.ledger.model.Position;
import io.chanops.ledger.model.StockLevel;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.jdbi.v3.core.statement.Query;

/**
 * Stock moves and on-hand levels: the only code that reads or writes {@code stock_move} and {@code stock_level}
 * (with its private fast paths: {@link MoveInsert}, the import's bulk insert, and {@link StockLevels}, which keeps the
 * levels equal to the fold of the moves). Each call runs on the handle of the ledger transaction it is made in (JDBI
 * shares a thread's handle), or on a handle of its own outside one.
 */
public final class StockRepository implements ProductStock {
    /** Rows fetched at a time when streaming moves. */
    private static final int FETCH = 10_000;
    /** Positions looked up per query by {@link #onHandOf}: two parameters each, well below every driver's limit. */
    private static final int POSITIONS_PER_QUERY = 500;

    private final Jdbi jdbi;
    private final Ledger.Dialect dialect;

    public StockRepository(Ledger ledger) {
        this.jdbi = ledger.jdbi();
        this.dialect = ledger.dialect();
    }

    /** One move as streamed by {@link #forEachMoveBefore}: {@code at} as stored, {@code YYYY-MM-DD HH:MM:SS}. */
    @FunctionalInterface
    public interface MoveVisitor {
        void accept(String siteId, String sku, String at, MoveKind kind, long qty);
    }

    /** A quantity of one position. */
    @FunctionalInterface
    public interface PositionQuantity {
        void accept(String siteId, String sku, long qty);
    }

    /** Units of one position on one day ({@code YYYY-MM-DD}). */
    @FunctionalInterface
    public interface DayQuantity {
        void accept(String siteId, String sku, String day, long qty);
    }

    private <R> R onHandle(HandleCallback<R, RuntimeException> work) {
        return jdbi.withHandle(work);
    }

    @Override
    public boolean hasMoves(String sku) {
        return onHandle(h -> h.createQuery("SELECT 1 FROM stock_move WHERE sku = :sku LIMIT 1")
                .bind("sku", sku)
                .mapTo(Integer.class)
                .findOne()
                .isPresent());
    }

    @Override
    public Map<String, Long> onHandBySku() {
        Map<String, Long> onHand = new HashMap<>();
        onHandle(h -> {
            h.createQuery("SELECT sku, SUM(on_hand) FROM stock_level WHERE on_hand > 0 GROUP BY sku")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> onHand.put(e.getKey(), e.getValue()));
            return null;
        });
        return onHand;
    }

    /** On hand of a position; empty when it never had a move. */
    public Optional<Long> onHand(String siteId, String sku) {
        return onHandle(h -> h.createQuery("SELECT on_hand FROM stock_level WHERE site_id = :s AND sku = :k")
                .bind("s", siteId)
                .bind("k", sku)
                .mapTo(Long.class)
                .findOne());
    }

    /** The levels of every position at the given sites. */
    public List<StockLevel> levelsAt(Collection<String> siteIds) {
        if (siteIds.isEmpty()) {
            return List.of();
        }
        return onHandle(h -> h.createQuery(
                        "SELECT site_id, sku, on_hand, last_move_at FROM stock_level WHERE site_id IN (<sites>)")
                .bindList("sites", List.copyOf(siteIds))
                .map((rs, ctx) -> new StockLevel(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
                .list());
    }

    /** On hand of each of {@code positions} that has a level (a position without one is left out). */
    public Map<Position, Long> onHandOf(Collection<Position> positions) {
        Map<Position, Long> onHand = new HashMap<>();
        List<Position> all = List.copyOf(positions);
        for (int from = 0; from < all.size(); from += POSITIONS_PER_QUERY) {
            List<Position> chunk = all.subList(from, Math.min(all.size(), from + POSITIONS_PER_QUERY));
            StringBuilder sql = new StringBuilder("SELECT site_id, sku, on_hand FROM stock_level WHERE ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : " OR ").append("(site_id = ? AND sku = ?)");
            }
            onHandle(h -> {
                Query q = h.createQuery(sql.toString());
                for (int i = 0; i < chunk.size(); i++) {
                    q.bind(2 * i, chunk.get(i).siteId())
                            .bind(2 * i + 1, chunk.get(i).sku());
                }
                q.map((rs, ctx) -> Map.entry(new Position(rs.getString(1), rs.getString(2)), rs.getLong(3)))
                        .forEach(e -> onHand.put(e.getKey(), e.getValue()));
                return null;
            });
        }
        return onHand;
    }

    /**
     * The day of the latest move in the ledger (of any kind, at any site), if there is one: from the levels, whose
     * {@code last_move_at} is each position's latest move, rather than a scan of every move.
     */
    public Optional<LocalDate> latestMoveDay() {
        return onHandle(h -> h.createQuery("SELECT MAX(last_move_at) FROM stock_level")
                .mapTo(String.class)
                .findOne()
                .filter(at -> at != null && at.length() >= 10)
                .map(at -> LocalDate.parse(at.substring(0, 10))));
    }

    /** Units sold per position from {@code from} (inclusive) to {@code to} (exclusive); {@code siteId} null: all. */
    public Map<Position, Long> sales(LocalDate from, LocalDate to, String siteId) {
        Map<Position, Long> sold = new HashMap<>();
        onHandle(h -> {
            h.createQuery("SELECT site_id, sku, SUM(qty) FROM stock_move WHERE kind = :sale AND at >= :from AND at < "
                            + ":to AND (:site IS NULL OR site_id = :site) GROUP BY site_id, sku")
                    .bind("sale", MoveKind.SALE.toString())
                    .bind("from", from.toString())
                    .bind("to", to.toString())
                    .bind("site", siteId)
                    .map((rs, ctx) -> sold.put(new Position(rs.getString(1), rs.getString(2)), rs.getLong(3)))
                    .forEach(x -> {});
            return null;
        });
        return sold;
    }

    /**
     * Streams every move before the day {@code before} in (site, SKU, time, move id) order, optionally of one site
     * and/or SKU, without holding them.
     */
    public void forEachMoveBefore(LocalDate before, String siteId, String sku, MoveVisitor visitor) {
        onHandle(h -> {
            Query q = h.createQuery("SELECT site_id, sku, at, kind, qty FROM stock_move WHERE at < :before "
                            + "AND (:site IS NULL OR site_id = :site) AND (:sku IS NULL OR sku = :sku) ORDER "
                            + "BY site_id, sku, at, move_id")
                    .bind("before", before.toString())
                    .bind("site", siteId)
                    .bind("sku", sku);
            q.setFetchSize(FETCH);
            q.map((rs, ctx) -> {
                        visitor.accept(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                kind(rs.getString(4)),
                                rs.getLong(5));
                        return null;
                    })
                    .forEach(x -> {});
            return null;
        });
    }

    /**
     * On hand at the start of {@code day} per position with a move before it, optionally of one site and/or SKU, from
     * all moves before it in one grouped scan (see {@code openingStock.sql}), in no particular order.
     */
    public void forEachOpeningStock(LocalDate day, String siteId, String sku, PositionQuantity each) {
        onHandle(h -> {
            Query q = h.createQuery(
                            ClasspathSqlLocator.removingComments().locate(StockRepository.class, "openingStock"))
                    .define("signedQty", signedQuantity("m"))
                    .bind("count", MoveKind.COUNT.toString())
                    .bind("from", day.toString())
                    .bind("site", siteId)
                    .bind("sku", sku);
            q.setFetchSize(FETCH);
            q.map((rs, ctx) -> {
                        each.accept(rs.getString(1), rs.getString(2), rs.getLong(3));
                        return null;
                    })
                    .forEach(x -> {});
            return null;
        });
    }

    /** A move's effect on on hand in SQL, from {@link MoveKind#apply}: + or - its quantity; 0 for a count. */
    private static String signedQuantity(String alias) {
        StringBuilder sql = new StringBuilder("CASE ").append(alias).append(".kind");
        for (MoveKind k : MoveKind.values()) {
            String effect = k == MoveKind.COUNT ? "0" : k.apply(0, 1) > 0 ? alias + ".qty" : "-" + alias + ".qty";
            sql.append(" WHEN '").append(k).append("' THEN ").append(effect);
        }
        return sql.append(" END").toString();
    }

    /**
     * Sale units per position and day from {@code from} (inclusive) to {@code until} (exclusive), optionally of one
     * site and/or SKU, grouped by the database. The rows may come in any order (PostgreSQL hashes its groups).
     */
    public void forEachDailySale(LocalDate from, LocalDate until, String siteId, String sku, DayQuantity each) {
        onHandle(h -> {
            Query q = h.createQuery("""
                            SELECT site_id, sku, SUBSTR(at, 1, 10) AS day, SUM(qty) AS units
                            FROM stock_move
                            WHERE kind = :sale AND at >= :from AND at < :until
                              AND (:site IS NULL OR site_id = :site) AND (:sku IS NULL OR sku = :sku)
                            GROUP BY site_id, sku, SUBSTR(at, 1, 10)
                            """)
                    .bind("sale", MoveKind.SALE.toString())
                    .bind("from", from.toString())
                    .bind("until", until.toString())
                    .bind("site", siteId)
                    .bind("sku", sku);
            q.setFetchSize(FETCH);
            q.map((rs, ctx) -> {
                        each.accept(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4));
                        return null;
                    })
                    .forEach(x -> {});
            return null;
        });
    }

    /** The move kinds as stored (MoveKind.parse is a map lookup: fine once per move over millions of moves). */
    private static MoveKind kind(String text) {
        return MoveKind.parse(text).orElseThrow(() -> new IllegalStateException("unknown move kind '" + text + "'"));
    }

    /**
     * Moves {@code qty} units of {@code sku} from one site to another at {@code at} ({@code transfer_out} there,
     * {@code transfer_in} here, both with {@code ref}) and updates both on-hand levels.
     */
    public void transfer(String fromSite, String toSite, String sku, long qty, String ref, String at, long batchId) {
        book(fromSite, MoveKind.TRANSFER_OUT, sku, qty, ref, at, batchId);
        book(toSite, MoveKind.TRANSFER_IN, sku, qty, ref, at, batchId);
    }

    /** Books one move of {@code kind} at {@code siteId} with document {@code ref} and updates the site's level. */
    public void book(String siteId, MoveKind kind, String sku, long qty, String ref, String at, long batchId) {
        onHandle(h -> {
            h.createUpdate("INSERT INTO stock_move (move_id, at, site_id, sku, kind, qty, ref, batch_id) VALUES "
                            + "(:id, :at, :site, :sku, :kind, :qty, :ref, :batch)")
                    .bind("id", Ids.reserve(h, Ids.STOCK_MOVE, 1))
                    .bind("at", at)
                    .bind("site", siteId)
                    .bind("sku", sku)
                    .bind("kind", kind.toString())
                    .bind("qty", qty)
                    .bind("ref", ref)
                    .bind("batch", batchId)
                    .execute();
            StockLevels.recompute(h, Set.of(new Position(siteId, sku)));
            return null;
        });
    }

    /** The units of the {@code kind} moves at a position booked under document {@code ref}: an order's receipts. */
    public long bookedUnder(String siteId, String sku, MoveKind kind, String ref) {
        return onHandle(h -> h.createQuery("SELECT COALESCE(SUM(qty), 0) FROM stock_move WHERE site_id = :site AND sku"
                        + " = :sku AND kind = :kind AND ref = :ref")
                .bind("site", siteId)
                .bind("sku", sku)
                .bind("kind", kind.toString())
                .bind("ref", ref)
                .mapTo(Long.class)
                .one());
    }

    /** Reserves ids for {@code count} new moves and returns the first. */
    long reserveMoveIds(long count) {
        return onHandle(h -> Ids.reserve(h, Ids.STOCK_MOVE, count));
    }

    /** The import's levels, prepared before its moves are inserted (reads the existing levels it will change). */
    StockLevels.Update prepareLevels(Moves moves, Moves.Order order, long firstId) {
        return onHandle(h -> StockLevels.prepare(h, moves, order, firstId));
    }

    /** The import's bulk insert: {@code rows} of {@code moves} in that order, ids consecutive from {@code firstId}. */
    void insert(Moves moves, int[] rows, long firstId, long batchId) {
        onHandle(h -> {
            MoveInsert.insert(h, dialect, moves, rows, firstId, batchId);
            return null;
        });
    }

    /** Writes the import's folded levels; returns the positions touched, in (site, SKU) order. */
    Set<Position> write(StockLevels.Update folded) {
        return onHandle(folded::write);
    }
}
