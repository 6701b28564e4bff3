package io.chanops.replenish.stock;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import io.chanops.ledger.model.Position;
import io.chanops.ledger.text.Named;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * A feed without document refs imported twice. Moves without a ref are never duplicates (SPEC §3.1: two sales of one
 * unit in the same minute are two moves), and a file imported again is refused only when its bytes are the same. A
 * feed exported again (another name, another order of rows, a line end changed) would count every move twice. When
 * every one of a file's moves without a ref - {@value #FROM_MOVES} or more - is in the ledger already, exactly (time,
 * site, SKU, kind, quantity, no ref), the file is refused unless {@code --force}: that many identical moves are a
 * repeated export, not a coincidence. The lookups go by the table's key (site, SKU, time), a batch per query, and stop
 * at the first move the ledger does not hold, so a new file costs one query.
 */
final class RepeatedFeed {
    /** The fewest moves without a ref that make a repeated file; below it, repeats may be chance. */
    static final int FROM_MOVES = 10;

    /** Moves per query: five parameters each, well below every driver's limit. */
    private static final int MOVES_PER_QUERY = 200;

    private RepeatedFeed() {}

    /** Refuses (exit 4) {@code moves} of {@code file} when every one without a ref is in the ledger already. */
    static void refuse(Handle h, Moves moves, Path file) {
        int withoutRef = 0;
        for (int row = 0; row < moves.size(); row++) {
            if (!moves.hasRef(row)) {
                withoutRef++;
            }
        }
        if (withoutRef < FROM_MOVES || !allHeld(h.getConnection(), moves)) {
            return;
        }
        throw InputRejectedException.of(Problem.ofFile(
                file.toString(),
                "every one of its " + Named.count(withoutRef, "move")
                        + " without a ref is in the ledger already, the same time, site,"
                        + " SKU, kind and quantity (the same feed exported again under another name?): importing it"
                        + " would count them twice; --force imports it anyway"));
    }

    /** Whether the ledger holds a move without a ref equal to each of {@code moves}' moves without a ref. */
    private static boolean allHeld(Connection c, Moves moves) {
        StringBuilder sql =
                new StringBuilder("SELECT v.column1, v.column2, v.column3, v.column4, v.column5 FROM (VALUES ");
        for (int i = 0; i < MOVES_PER_QUERY; i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)");
        }
        sql.append(") AS v WHERE EXISTS (SELECT 1 FROM stock_move m WHERE m.site_id = v.column1 AND m.sku = v.column2 "
                + "AND m.at = v.column3 AND m.kind = v.column4 AND m.qty = v.column5 AND m.ref IS NULL)");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            Set<String> asked = new HashSet<>();
            int n = 0;
            int last = -1;
            for (int row = 0; row < moves.size(); row++) {
                if (moves.hasRef(row)) {
                    continue;
                }
                bind(ps, n++, moves, row);
                asked.add(key(moves, row));
                last = row;
                if (n == MOVES_PER_QUERY) {
                    if (!allFound(ps, asked)) {
                        return false;
                    }
                    asked.clear();
                    n = 0;
                }
            }
            if (n > 0) {
                for (; n < MOVES_PER_QUERY; n++) {
                    bind(ps, n, moves, last); // the last query repeats its last move in the places it does not fill
                }
                return allFound(ps, asked);
            }
            return true;
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    private static void bind(PreparedStatement ps, int n, Moves moves, int row) throws SQLException {
        Position p = moves.positionOf(row);
        ps.setString(5 * n + 1, p.siteId());
        ps.setString(5 * n + 2, p.sku());
        ps.setString(5 * n + 3, Moves.atText(moves.at(row)));
        ps.setString(5 * n + 4, moves.kind(row).toString());
        ps.setLong(5 * n + 5, moves.qty(row));
    }

    /** Whether the query finds every move of {@code asked}. */
    private static boolean allFound(PreparedStatement ps, Set<String> asked) throws SQLException {
        Set<String> found = new HashSet<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
            }
        }
        return found.containsAll(asked);
    }

    private static String key(Moves moves, int row) {
        Position p = moves.positionOf(row);
        return key(
                p.siteId(),
                p.sku(),
                Moves.atText(moves.at(row)),
                moves.kind(row).toString(),
                moves.qty(row));
    }

    private static String key(String site, String sku, String at, String kind, long qty) {
        return site + '\u0000' + sku + '\u0000' + at + '\u0000' + kind + '\u0000' + qty;
    }
}
