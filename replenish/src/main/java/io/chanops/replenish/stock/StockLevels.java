package io.chanops.replenish.stock;

import io.chanops.ledger.CopyRows;
import io.chanops.ledger.DeferredIndexes;
import io.chanops.ledger.model.MoveKind;
import io.chanops.ledger.model.Position;
import io.chanops.ledger.time.LocalTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Keeps {@code stock_level} (on hand per position) equal to the fold of the position's moves in time order
 * ({@code at}, then move id), where a count resets on hand. New moves later than a position's last move are applied
 * incrementally; a back-dated move makes that position be recomputed from all its moves.
 */
final class StockLevels {
    /** Rows per upsert statement (5 values each). */
    private static final int ROWS_PER_STATEMENT = 100;

    private StockLevels() {}

    record Level(long onHand, String lastAt, long lastId) {}

    /**
     * The levels an import sets: prepared inside its transaction before its moves are inserted (the existing levels of
     * the positions it touches are read then), folded while they are being inserted (pure computation, so on the
     * other core), and written after.
     */
    static final class Update {
        private final Moves moves;
        private final Moves.Order order;
        private final long firstId;
        private final Position[] positions;
        private final Map<Position, Level> existing;
        private Map<Position, Level> updated;
        private List<Position> backDated;
        private final List<BackDated> farBack = new ArrayList<>();

        private Update(
                Moves moves, Moves.Order order, long firstId, Position[] positions, Map<Position, Level> existing) {
            this.moves = moves;
            this.order = order;
            this.firstId = firstId;
            this.positions = positions;
            this.existing = existing;
        }

        /**
         * Folds the new moves (in writing order, ids consecutive from {@code firstId}) onto the existing levels; a
         * position with a move earlier than its last one is left for {@link #write}, which folds it from the ledger.
         */
        Update fold() {
            int[] rows = order.rows();
            int[] start = order.start();
            Map<Position, Level> levels = new LinkedHashMap<>(positions.length * 2);
            List<Position> recompute = new ArrayList<>();
            for (int g = 0; g < positions.length; g++) {
                Position p = positions[g];
                Level before = existing.get(p);
                if (before != null && moves.at(rows[start[g]]) < Moves.atDigits(before.lastAt())) {
                    recompute.add(p); // back-dated: fold all of the position's moves again
                    levels.put(p, null);
                    LocalDateTime first =
                            LocalDateTime.parse(Moves.atText(moves.at(rows[start[g]])), LocalTimes.STORED);
                    LocalDateTime last = LocalDateTime.parse(before.lastAt(), LocalTimes.STORED);
                    if (first.plus(FAR_BACK).isBefore(last)) {
                        farBack.add(new BackDated(p, first, last));
                    }
                    continue;
                }
                long onHand = before == null ? 0 : before.onHand();
                for (int i = start[g]; i < start[g + 1]; i++) {
                    onHand = moves.kind(rows[i]).apply(onHand, moves.qty(rows[i]));
                }
                int last = start[g + 1] - 1;
                levels.put(p, new Level(onHand, Moves.atText(moves.at(rows[last])), firstId + last));
            }
            this.updated = levels;
            this.backDated = recompute;
            return this;
        }

        /**
         * Writes the folded levels, after the moves are in the ledger; returns the positions touched, in (site, SKU)
         * order.
         */
        Set<Position> write(Handle h) {
            for (Position p : backDated) {
                updated.put(p, StockLevels.fold(h, p));
            }
            StockLevels.write(h, updated, existing.keySet());
            return updated.keySet();
        }

        /**
         * Instead of {@link #write}, for a dry run: folds each back-dated position from its moves in the ledger merged
         * with the new ones in time order (a new move after the ledger's moves of the same time, as its larger id would
         * put it), reading only. The levels are then what {@link #write} would set.
         */
        Update foldBackDatedReadOnly(Handle h) {
            int[] rows = order.rows();
            int[] start = order.start();
            for (int g = 0; g < positions.length; g++) {
                if (updated.get(positions[g]) == null) {
                    updated.put(
                            positions[g], StockLevels.foldMerged(h, positions[g], moves, rows, start[g], start[g + 1]));
                }
            }
            return this;
        }

        /** After {@link #write} (or {@link #foldBackDatedReadOnly}): each touched position's new on hand. */
        Map<Position, Long> onHandAfter() {
            Map<Position, Long> onHand = new LinkedHashMap<>();
            updated.forEach((p, level) -> onHand.put(p, level.onHand()));
            return onHand;
        }

        /**
         * After {@link #fold}: the positions whose first new move is dated more than {@link #FAR_BACK} before their last
         * move in the ledger (a year typed wrong, most likely), in (site, SKU) order.
         */
        List<BackDated> farBack() {
            return List.copyOf(farBack);
        }

        /**
         * After {@link #write} (or {@link #foldBackDatedReadOnly}): the positions whose on hand this update took below
         * zero from zero or more (or from nothing: a new position), with their on hand before and after, in (site,
         * SKU) order. A position already below zero is not among them.
         */
        List<WentNegative> wentNegative() {
            List<WentNegative> found = new ArrayList<>();
            updated.forEach((p, level) -> {
                Level before = existing.get(p);
                long was = before == null ? 0 : before.onHand();
                if (level.onHand() < 0 && was >= 0) {
                    found.add(new WentNegative(p, was, level.onHand()));
                }
            });
            return found;
        }
    }

    /** A position an import took below zero on hand. */
    record WentNegative(Position position, long before, long after) {}

    /** How far before a position's last move a new move may be dated before it is worth a warning. */
    static final Duration FAR_BACK = Duration.ofDays(31);

    /** A position whose first new move is dated more than {@link #FAR_BACK} before its last move in the ledger. */
    record BackDated(Position position, LocalDateTime firstNew, LocalDateTime lastBefore) {}

    /** Reads the existing levels of the positions {@code moves} touch, before they are inserted. */
    static Update prepare(Handle h, Moves moves, Moves.Order order, long firstId) {
        int[] rows = order.rows();
        int[] start = order.start();
        Position[] positions = new Position[order.groups()];
        for (int g = 0; g < positions.length; g++) {
            positions[g] = moves.positionOf(rows[start[g]]);
        }
        return new Update(moves, order, firstId, positions, load(h, positions));
    }

    /** Recomputes the given positions from all their moves (repair, or after a back-dated import). */
    static void recompute(Handle h, Set<Position> positions) {
        Map<Position, Level> levels = new HashMap<>();
        for (Position p : positions) {
            levels.put(p, fold(h, p));
        }
        upsert(h, levels);
    }

    /**
     * The sites with moves or levels: the distinct leading key values of both tables, each found by one index probe
     * ({@code site_id > previous}) rather than by reading every row.
     */
    static List<String> sitesWithStock(Handle h) {
        return h.createQuery("WITH RECURSIVE m(site) AS (SELECT MIN(site_id) FROM stock_move UNION ALL SELECT (SELECT"
                        + " MIN(site_id) FROM stock_move WHERE site_id > m.site) FROM m WHERE m.site IS NOT NULL),"
                        + " l(site) AS (SELECT MIN(site_id) FROM stock_level UNION ALL SELECT (SELECT MIN(site_id) FROM"
                        + " stock_level WHERE site_id > l.site) FROM l WHERE l.site IS NOT NULL)"
                        + " SELECT site FROM m WHERE site IS NOT NULL UNION SELECT site FROM l WHERE site IS NOT NULL")
                .mapTo(String.class)
                .list();
    }

    /** On hand per SKU at {@code site}, as {@code stock_level} records it. */
    static Map<String, Long> onHandAt(Handle h, String site) {
        Map<String, Long> levels = new HashMap<>();
        h.createQuery("SELECT sku, on_hand FROM stock_level WHERE site_id = :site")
                .bind("site", site)
                .map((rs, ctx) -> levels.put(rs.getString(1), rs.getLong(2)))
                .forEach(x -> {});
        return levels;
    }

    /** What a fold of one site's moves hears: each move, by SKU, in time order within a SKU. */
    interface MoveVisitor {
        void move(String sku, MoveKind kind, long qty);
    }

    /** Streams the moves of {@code site} to {@code visitor}, by SKU, each SKU's in time order (at, then move id). */
    static void movesAt(Handle h, String site, MoveVisitor visitor) {
        h.createQuery("SELECT sku, kind, qty FROM stock_move WHERE site_id = :site ORDER BY sku, at, move_id")
                .bind("site", site)
                .setFetchSize(10_000)
                .map((rs, ctx) -> {
                    visitor.move(
                            rs.getString(1), MoveKind.parse(rs.getString(2)).orElseThrow(), rs.getLong(3));
                    return null;
                })
                .forEach(x -> {});
    }

    /** On hand at {@code p} as {@code stock_level} records it, if it has a level. */
    static Optional<Long> recordedOnHand(Handle h, Position p) {
        return h.createQuery("SELECT on_hand FROM stock_level WHERE site_id = :site AND sku = :sku")
                .bind("site", p.siteId())
                .bind("sku", p.sku())
                .mapTo(Long.class)
                .findOne();
    }

    /** On hand at {@code p} by the fold of its moves, if it has any. */
    static Optional<Long> foldedOnHand(Handle h, Position p) {
        boolean hasMoves = h.createQuery("SELECT 1 FROM stock_move WHERE site_id = :site AND sku = :sku LIMIT 1")
                .bind("site", p.siteId())
                .bind("sku", p.sku())
                .mapTo(Integer.class)
                .findOne()
                .isPresent();
        return hasMoves ? Optional.of(fold(h, p).onHand()) : Optional.empty();
    }

    /** Removes the level of {@code p}, a position without moves. */
    static void removeLevel(Handle h, Position p) {
        h.createUpdate("DELETE FROM stock_level WHERE site_id = :site AND sku = :sku")
                .bind("site", p.siteId())
                .bind("sku", p.sku())
                .execute();
    }

    /** The level of {@code p} from all its moves in the ledger. */
    private static Level fold(Handle h, Position p) {
        return foldMerged(h, p, null, null, 0, 0);
    }

    /**
     * The level of {@code p} after its moves in the ledger and the new moves {@code rows[from..to)} of {@code moves}
     * (in time order; none when {@code from == to}), folded together without writing: the ledger's moves of a time
     * come before the new ones of the same time, as their smaller ids put them. The level's last move id is the
     * ledger's last move's (0 when a new move, which has no id yet, comes last).
     */
    private static Level foldMerged(Handle h, Position p, Moves moves, int[] rows, int from, int to) {
        long[] state = {0, 0}; // on hand, last move id
        int[] next = {from};
        String[] lastAt = {""};
        h.createQuery("SELECT move_id, at, kind, qty FROM stock_move WHERE site_id = :site AND sku = :sku ORDER BY "
                        + "at, move_id")
                .bind("site", p.siteId())
                .bind("sku", p.sku())
                .map((rs, ctx) -> {
                    String at = rs.getString("at");
                    long digits = Moves.atDigits(at);
                    for (; next[0] < to && moves.at(rows[next[0]]) < digits; next[0]++) {
                        state[0] = moves.kind(rows[next[0]]).apply(state[0], moves.qty(rows[next[0]]));
                    }
                    state[0] =
                            MoveKind.parse(rs.getString("kind")).orElseThrow().apply(state[0], rs.getLong("qty"));
                    state[1] = rs.getLong("move_id");
                    lastAt[0] = at;
                    return null;
                })
                .forEach(x -> {});
        for (; next[0] < to; next[0]++) {
            state[0] = moves.kind(rows[next[0]]).apply(state[0], moves.qty(rows[next[0]]));
            state[1] = 0;
            lastAt[0] = Moves.atText(moves.at(rows[next[0]]));
        }
        return new Level(state[0], lastAt[0], state[1]);
    }

    /** The levels of {@code positions} that exist, read site by site (a key-prefix range of stock_level each). */
    private static Map<Position, Level> load(Handle h, Position[] positions) {
        Map<Position, Level> levels = new HashMap<>();
        if (positions.length == 0) {
            return levels;
        }
        Set<Position> wanted = new HashSet<>(Arrays.asList(positions));
        try (PreparedStatement ps = h.getConnection()
                .prepareStatement(
                        "SELECT sku, on_hand, last_move_at, last_move_id FROM stock_level WHERE site_id = ?")) {
            String site = null;
            for (Position p : positions) { // in (site, SKU) order: each site once
                if (p.siteId().equals(site)) {
                    continue;
                }
                site = p.siteId();
                ps.setString(1, site);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Position q = new Position(site, rs.getString(1));
                        if (wanted.contains(q)) {
                            levels.put(q, new Level(rs.getLong(2), rs.getString(3), rs.getLong(4)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
        return levels;
    }

    /**
     * Writes the levels: on PostgreSQL, from {@value CopyRows#FROM_ROWS} levels, COPY'd into a temporary staging table
     * and upserted from it in one statement ({@link #copyUpsert}); otherwise with multi-row upserts.
     */
    private static void upsert(Handle h, Map<Position, Level> levels) {
        upsert(h, levels, CopyRows.pays(h, levels.size()));
    }

    /**
     * Writes an import's levels, where {@code existing} are the positions that had a level when the import read them
     * (in its transaction, under the ledger's write lock, so no other chanops writer has added one since): on
     * PostgreSQL, from {@value CopyRows#FROM_ROWS} levels, the new positions by one COPY straight into stock_level (a
     * plain insert, without the speculative insertion an upsert makes per row; more of them than the table holds build
     * its key after them, {@link DeferredIndexes}) and the existing ones as {@link #upsert} writes them.
     */
    private static void write(Handle h, Map<Position, Level> levels, Set<Position> existing) {
        write(h, levels, existing, CopyRows.pays(h, levels.size()));
    }

    /** {@code copy}: PostgreSQL's path; else multi-row upserts (any database). The differential test calls both. */
    static void write(Handle h, Map<Position, Level> levels, Set<Position> existing, boolean copy) {
        if (!copy) {
            upsertRows(h, levels);
            return;
        }
        Map<Position, Level> added = new LinkedHashMap<>();
        Map<Position, Level> changed = new LinkedHashMap<>();
        levels.forEach((p, l) -> (existing.contains(p) ? changed : added).put(p, l));
        try {
            new DeferredIndexes(h, "stock_level")
                    .load(added.size(), () -> copyRows(h.getConnection(), "stock_level", added));
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
        upsert(h, changed, changed.size() >= CopyRows.FROM_ROWS);
    }

    /** {@code copy}: PostgreSQL's path; else multi-row upserts (any database). The differential test calls both. */
    static void upsert(Handle h, Map<Position, Level> levels, boolean copy) {
        if (copy) {
            try {
                copyUpsert(h, levels);
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException(e, null);
            }
        } else {
            upsertRows(h, levels);
        }
    }

    /**
     * PostgreSQL: the levels COPY'd into a temporary table of the transaction (no WAL, no index), then upserted into
     * stock_level by one INSERT ... SELECT ... ON CONFLICT: one statement instead of one per hundred levels.
     */
    private static void copyUpsert(Handle h, Map<Position, Level> levels) throws SQLException {
        Connection c = h.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE stock_level_new (site_id TEXT NOT NULL, sku TEXT NOT NULL, "
                    + "on_hand BIGINT NOT NULL, last_move_at TEXT NOT NULL, last_move_id INTEGER NOT NULL) ON "
                    + "COMMIT DROP");
            copyRows(c, "stock_level_new", levels);
            s.execute("INSERT INTO stock_level (site_id, sku, on_hand, last_move_at, last_move_id) "
                    + "SELECT site_id, sku, on_hand, last_move_at, last_move_id FROM stock_level_new "
                    + "ON CONFLICT (site_id, sku) DO UPDATE SET on_hand = excluded.on_hand, "
                    + "last_move_at = excluded.last_move_at, last_move_id = excluded.last_move_id");
            s.execute("DROP TABLE stock_level_new");
        }
    }

    /** COPYs {@code levels} into {@code table} (stock_level's columns). */
    private static void copyRows(Connection c, String table, Map<Position, Level> levels) throws SQLException {
        CopyRows rows = new CopyRows(
                c,
                "COPY " + table + " (site_id, sku, on_hand, last_move_at, last_move_id) FROM STDIN (FORMAT text)",
                1 << 20);
        for (Map.Entry<Position, Level> e : levels.entrySet()) {
            Level l = e.getValue();
            rows.text(e.getKey().siteId())
                    .text(e.getKey().sku())
                    .number(l.onHand())
                    .text(l.lastAt())
                    .number(l.lastId())
                    .endRow();
        }
        rows.flush();
    }

    /** Multi-row upserts through the handle's connection (plain JDBC: JDBI binds cost more). */
    private static void upsertRows(Handle h, Map<Position, Level> levels) {
        Connection c = h.getConnection();
        List<Map.Entry<Position, Level>> all = new ArrayList<>(levels.entrySet());
        try (PreparedStatement full =
                all.size() < ROWS_PER_STATEMENT ? null : c.prepareStatement(upsertSql(ROWS_PER_STATEMENT))) {
            int i = 0;
            for (; i + ROWS_PER_STATEMENT <= all.size(); i += ROWS_PER_STATEMENT) {
                bind(full, all, i, ROWS_PER_STATEMENT);
                full.executeUpdate();
            }
            if (i < all.size()) {
                try (PreparedStatement rest = c.prepareStatement(upsertSql(all.size() - i))) {
                    bind(rest, all, i, all.size() - i);
                    rest.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    private static String upsertSql(int rows) {
        return "INSERT INTO stock_level (site_id, sku, on_hand, last_move_at, last_move_id) VALUES "
                + String.join(", ", Collections.nCopies(rows, "(?, ?, ?, ?, ?)"))
                + " ON CONFLICT (site_id, sku) DO UPDATE SET on_hand = excluded.on_hand, "
                + "last_move_at = excluded.last_move_at, last_move_id = excluded.last_move_id";
    }

    private static void bind(PreparedStatement ps, List<Map.Entry<Position, Level>> levels, int from, int count)
            throws SQLException {
        int p = 1;
        for (int i = from; i < from + count; i++) {
            Position position = levels.get(i).getKey();
            Level l = levels.get(i).getValue();
            ps.setString(p++, position.siteId());
            ps.setString(p++, position.sku());
            ps.setLong(p++, l.onHand());
            ps.setString(p++, l.lastAt());
            ps.setLong(p++, l.lastId());
        }
    }
}
