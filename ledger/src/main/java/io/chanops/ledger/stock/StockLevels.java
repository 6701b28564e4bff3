package io.chanops.ledger.stock;

import io.chanops.ledger.model.MoveKind;
import io.chanops.ledger.model.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Keeps {@code stock_level} (on hand per position) equal to the fold of the position's moves in time order
 * ({@code at}, then move id), where a count resets on hand. New moves later than a position's last move are applied
 * incrementally; a back-dated move makes that position be recomputed from all its moves.
 */
public final class StockLevels {
    private StockLevels() {
    }

    private record Level(long onHand, String lastAt, long lastId) {
    }

    /** Applies freshly inserted moves, grouped by position, to the levels; returns the positions touched. */
    static Set<Position> apply(Handle h, List<MoveImport.PositionMoves> groups) {
        Map<Position, Level> existing = load(h);
        Map<Position, Level> updated = new HashMap<>();
        List<Position> recompute = new ArrayList<>();
        for (MoveImport.PositionMoves group : groups) {
            Position p = group.position();
            List<MoveImport.Move> moves = group.moves();
            Level before = existing.get(p);
            if (before != null && moves.get(0).at().compareTo(before.lastAt()) < 0) {
                recompute.add(p); // back-dated: fold all of the position's moves again
                continue;
            }
            long onHand = before == null ? 0 : before.onHand();
            for (MoveImport.Move m : moves) {
                onHand = m.kind().apply(onHand, m.qty());
            }
            updated.put(p, new Level(onHand, moves.get(moves.size() - 1).at(), group.firstId() + moves.size() - 1));
        }
        for (Position p : recompute) {
            updated.put(p, fold(h, p));
        }
        upsert(h, updated);
        return updated.keySet();
    }

    /** Recomputes the given positions from all their moves (repair, or after a back-dated import). */
    public static void recompute(Handle h, Set<Position> positions) {
        Map<Position, Level> levels = new HashMap<>();
        for (Position p : positions) {
            levels.put(p, fold(h, p));
        }
        upsert(h, levels);
    }

    private static Level fold(Handle h, Position p) {
        long[] state = {0, 0};
        String[] lastAt = {""};
        h.createQuery("SELECT move_id, at, kind, qty FROM stock_move WHERE site_id = :site AND sku = :sku ORDER BY at, move_id")
                .bind("site", p.siteId()).bind("sku", p.sku())
                .map((rs, ctx) -> {
                    state[0] = MoveKind.parse(rs.getString("kind")).orElseThrow().apply(state[0], rs.getLong("qty"));
                    state[1] = rs.getLong("move_id");
                    lastAt[0] = rs.getString("at");
                    return null;
                })
                .forEach(x -> { });
        return new Level(state[0], lastAt[0], state[1]);
    }

    private static Map<Position, Level> load(Handle h) {
        Map<Position, Level> levels = new HashMap<>();
        h.createQuery("SELECT site_id, sku, on_hand, last_move_at, last_move_id FROM stock_level")
                .map((rs, ctx) -> {
                    levels.put(new Position(rs.getString(1), rs.getString(2)),
                            new Level(rs.getLong(3), rs.getString(4), rs.getLong(5)));
                    return null;
                })
                .forEach(x -> { });
        return levels;
    }

    private static void upsert(Handle h, Map<Position, Level> levels) {
        PreparedBatch batch = h.prepareBatch("INSERT INTO stock_level (site_id, sku, on_hand, last_move_at, last_move_id) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (site_id, sku) DO UPDATE SET on_hand = excluded.on_hand, "
                + "last_move_at = excluded.last_move_at, last_move_id = excluded.last_move_id");
        int pending = 0;
        for (Map.Entry<Position, Level> e : levels.entrySet()) {
            Level l = e.getValue();
            batch.bind(0, e.getKey().siteId()).bind(1, e.getKey().sku()).bind(2, l.onHand()).bind(3, l.lastAt())
                    .bind(4, l.lastId()).add();
            if (++pending == 20_000) {
                batch.execute();
                pending = 0;
            }
        }
        if (pending > 0) {
            batch.execute();
        }
    }
}
