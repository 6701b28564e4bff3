package io.chanops.replenish.stock;

import io.chanops.ledger.Problem;
import io.chanops.ledger.model.Position;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * A document once (SPEC §3.1): a move whose document - (ref, site, SKU, kind) - the ledger already holds, from any
 * earlier file, is a duplicate row, as two rows of one file are. The documents are looked up through the index
 * {@code stock_move_document}, a batch per query, in the moves' order (by position after sorting for the insert, so
 * that neighbouring lookups read neighbouring index pages); moves without a ref are never duplicates. A ledger without
 * any referenced move (a first import) costs one index probe. Each booked document comes with the booked move's time
 * and quantity, so that {@code --skip-booked} can tell the same move again from a corrected document.
 */
final class BookedDocuments {
    /** Documents per query: four parameters each, well below every driver's limit. */
    private static final int DOCUMENTS_PER_QUERY = 200;
    /** Booked documents whose batch is named in the message; the rest (a whole file again, say) only say so. */
    private static final int NAMED_BATCHES = 100;

    private BookedDocuments() {}

    /** A move of the file whose document the ledger holds, with the booked move's time and quantity. */
    record Repeat(int row, long bookedAt, long bookedQty) {
        /** Whether the file's move is the booked one again: the same time and quantity, not a corrected document. */
        boolean same(Moves moves) {
            return moves.at(row) == bookedAt && moves.qty(row) == bookedQty;
        }
    }

    /** The moves of {@code moves} whose document the ledger already holds, in row order. */
    static List<Repeat> find(Handle h, Moves moves) {
        if (moves.size() == 0 || !anyReferencedMove(h)) {
            return List.of();
        }
        Map<String, long[]> booked = booked(h.getConnection(), moves);
        if (booked.isEmpty()) {
            return List.of();
        }
        List<Repeat> repeats = new ArrayList<>();
        for (int row = 0; row < moves.size(); row++) {
            String ref = moves.ref(row);
            if (ref != null) {
                Position p = moves.positionOf(row);
                long[] move =
                        booked.get(key(p.siteId(), p.sku(), moves.kind(row).toString(), ref));
                if (move != null) {
                    repeats.add(new Repeat(row, move[0], move[1]));
                }
            }
        }
        return repeats;
    }

    /**
     * The duplicate-row problem of each of {@code repeats}, in line order, each ending with what {@code detail} says
     * of it; the first {@value #NAMED_BATCHES} name the import that booked the document.
     */
    static List<Problem> problems(
            Handle h, Moves moves, List<Repeat> repeats, String file, Function<Repeat, String> detail) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> batches = new HashMap<>();
        for (Repeat repeat : repeats) {
            int row = repeat.row();
            String ref = moves.ref(row);
            Position p = moves.positionOf(row);
            String kind = moves.kind(row).toString();
            String key = key(p.siteId(), p.sku(), kind, ref);
            String batch = batches.size() < NAMED_BATCHES
                    ? batches.computeIfAbsent(key, k -> batch(h, p, kind, ref))
                    : batches.getOrDefault(key, "");
            problems.add(new Problem(
                    file,
                    moves.line(row),
                    "ref",
                    "duplicate row: " + kind + " '" + ref + "' of " + p.sku() + " at " + p.siteId()
                            + " is already in the ledger" + batch + detail.apply(repeat)));
        }
        problems.sort(Comparator.comparingLong(Problem::line));
        return problems;
    }

    private static boolean anyReferencedMove(Handle h) {
        return h.createQuery("SELECT 1 FROM stock_move WHERE ref IS NOT NULL LIMIT 1")
                .mapTo(Integer.class)
                .findOne()
                .isPresent();
    }

    /**
     * The documents of {@code moves} that the ledger holds, by {@link #key}: the booked move's time (as {@link
     * Moves#at}) and quantity. One index search per document; the table is read only for a document found.
     */
    private static Map<String, long[]> booked(Connection c, Moves moves) {
        Map<String, long[]> booked = new HashMap<>();
        StringBuilder sql = new StringBuilder("SELECT m.site_id, m.sku, m.kind, m.ref, m.at, m.qty FROM (VALUES ");
        for (int i = 0; i < DOCUMENTS_PER_QUERY; i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
        }
        sql.append(") AS v JOIN stock_move m ON m.site_id = v.column1 AND m.sku = v.column2 AND m.kind = v.column3 "
                + "AND m.ref = v.column4 WHERE m.ref IS NOT NULL");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int n = 0;
            int last = -1;
            for (int row = 0; row < moves.size(); row++) {
                if (!moves.hasRef(row)) {
                    continue;
                }
                bind(ps, n++, moves, row);
                last = row;
                if (n == DOCUMENTS_PER_QUERY) {
                    collect(ps, booked);
                    n = 0;
                }
            }
            if (n > 0) {
                for (; n < DOCUMENTS_PER_QUERY; n++) {
                    bind(ps, n, moves, last); // the last query repeats its last document in the places it does not fill
                }
                collect(ps, booked);
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
        return booked;
    }

    private static void bind(PreparedStatement ps, int n, Moves moves, int row) throws SQLException {
        Position p = moves.positionOf(row);
        ps.setString(4 * n + 1, p.siteId());
        ps.setString(4 * n + 2, p.sku());
        ps.setString(4 * n + 3, moves.kind(row).toString());
        ps.setString(4 * n + 4, moves.ref(row));
    }

    private static void collect(PreparedStatement ps, Map<String, long[]> booked) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                booked.putIfAbsent(
                        key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                        new long[] {Moves.atDigits(rs.getString(5)), rs.getLong(6)});
            }
        }
    }

    /**
     * " (batch N, FILE)": which import booked the document first. In two steps, each through a key: the document index
     * (covering: it holds the move's key) gives the move, the move's key its batch.
     */
    private static String batch(Handle h, Position p, String kind, String ref) {
        return h.createQuery("SELECT at, move_id FROM stock_move WHERE site_id = :site AND sku = :sku AND kind = :kind "
                        + "AND ref = :ref AND ref IS NOT NULL ORDER BY move_id LIMIT 1")
                .bind("site", p.siteId())
                .bind("sku", p.sku())
                .bind("kind", kind)
                .bind("ref", ref)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .findOne()
                .flatMap(move -> h.createQuery("SELECT b.batch_id, b.file_name FROM stock_move m JOIN import_batch b "
                                + "ON b.batch_id = m.batch_id WHERE m.site_id = :site AND m.sku = :sku AND "
                                + "m.at = :at AND m.move_id = :id")
                        .bind("site", p.siteId())
                        .bind("sku", p.sku())
                        .bind("at", move.getKey())
                        .bind("id", move.getValue())
                        .map((rs, ctx) -> " (batch " + rs.getLong(1) + ", " + rs.getString(2) + ")")
                        .findOne())
                .orElse("");
    }

    private static String key(String site, String sku, String kind, String ref) {
        return site + '\u0000' + sku + '\u0000' + kind + '\u0000' + ref;
    }
}
