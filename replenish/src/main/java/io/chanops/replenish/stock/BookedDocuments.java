package io.chanops.replenish.stock;

import io.chanops.ledger.Problem;
import io.chanops.ledger.model.Position;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * A document once (SPEC §3.1): a move whose document - (ref, site, SKU, kind) - the ledger already holds, from any
 * earlier file, is a duplicate row, as two rows of one file are. The file's references are looked up through the index
 * {@code stock_move_document}, in sorted batches (neighbouring lookups read neighbouring index pages); moves without a
 * ref are never duplicates. A ledger without any referenced move (a first import) costs one index probe.
 */
final class BookedDocuments {
    /** References per query: one prepared statement, well below every driver's limit on parameters. */
    private static final int REFS_PER_QUERY = 500;

    private BookedDocuments() {
    }

    /** One problem per move of {@code moves} whose document is already booked, in line order. */
    static List<Problem> repeated(Handle h, Moves moves, String file) {
        if (moves.size() == 0 || !anyReferencedMove(h)) {
            return List.of();
        }
        String[] refs = refs(moves);
        if (refs.length == 0) {
            return List.of();
        }
        Map<String, Long> booked = booked(h.getConnection(), refs);
        if (booked.isEmpty()) {
            return List.of();
        }
        Map<Long, String> files = batchFiles(h, Set.copyOf(booked.values()));
        List<Problem> problems = new ArrayList<>();
        for (int row = 0; row < moves.size(); row++) {
            String ref = moves.ref(row);
            if (ref == null) {
                continue;
            }
            Position p = moves.positionOf(row);
            Long batch = booked.get(key(ref, p.siteId(), p.sku(), moves.kind(row).toString()));
            if (batch != null) {
                problems.add(new Problem(file, moves.line(row), "ref", "duplicate row: " + moves.kind(row) + " '" + ref + "' of "
                        + p.sku() + " at " + p.siteId() + " is already in the ledger (batch " + batch
                        + (files.containsKey(batch) ? ", " + files.get(batch) : "") + ")"));
            }
        }
        problems.sort(Comparator.comparingLong(Problem::line));
        return problems;
    }

    private static boolean anyReferencedMove(Handle h) {
        return h.createQuery("SELECT 1 FROM stock_move WHERE ref IS NOT NULL LIMIT 1").mapTo(Integer.class).findOne().isPresent();
    }

    /** The distinct references of the moves, sorted. */
    private static String[] refs(Moves moves) {
        String[] all = new String[moves.size()];
        int n = 0;
        for (int row = 0; row < moves.size(); row++) {
            String ref = moves.ref(row);
            if (ref != null) {
                all[n++] = ref;
            }
        }
        Arrays.sort(all, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || !all[i].equals(all[distinct - 1])) {
                all[distinct++] = all[i];
            }
        }
        return Arrays.copyOf(all, distinct);
    }

    /** The booked documents among those with these references: {@link #key} to the batch that booked each. */
    private static Map<String, Long> booked(Connection c, String[] refs) {
        Map<String, Long> booked = new HashMap<>();
        StringBuilder sql = new StringBuilder("SELECT ref, site_id, sku, kind, batch_id FROM stock_move WHERE ref IS NOT NULL AND ref IN (");
        for (int i = 0; i < REFS_PER_QUERY; i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(')');
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int from = 0; from < refs.length; from += REFS_PER_QUERY) {
                for (int i = 0; i < REFS_PER_QUERY; i++) {
                    // the last batch repeats its last reference in the places it does not fill
                    ps.setString(i + 1, refs[Math.min(from + i, refs.length - 1)]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        booked.putIfAbsent(key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), rs.getLong(5));
                    }
                }
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
        return booked;
    }

    private static Map<Long, String> batchFiles(Handle h, Set<Long> batches) {
        Map<Long, String> files = new HashMap<>();
        for (long batch : batches) {
            h.createQuery("SELECT file_name FROM import_batch WHERE batch_id = :id").bind("id", batch).mapTo(String.class)
                    .findOne().ifPresent(f -> files.put(batch, f));
        }
        return files;
    }

    private static String key(String ref, String site, String sku, String kind) {
        return ref + '\u0000' + site + '\u0000' + sku + '\u0000' + kind;
    }
}
