package io.chanops.ledger.stock;

import io.chanops.ledger.Ledger;
import io.chanops.ledger.csv.CsvRow;
import io.chanops.ledger.csv.CsvSource;
import io.chanops.ledger.imports.FileDigest;
import io.chanops.ledger.imports.Ids;
import io.chanops.ledger.imports.ImportBatches;
import io.chanops.ledger.imports.ProblemList;
import io.chanops.ledger.master.PositionChecks;
import io.chanops.ledger.model.MoveKind;
import io.chanops.ledger.model.Position;
import io.chanops.ledger.model.ProductType;
import io.chanops.ledger.time.LocalTimes;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Imports {@code moves.csv}: every row is validated first (known site, stocked SKU, kind, quantity rules, duplicate
 * documents), then moves and the on-hand levels they change are written in one transaction.
 */
public final class MoveImport {
    public static final String KIND = "moves";
    public static final List<String> COLUMNS = List.of("at", "site_id", "sku", "kind", "qty", "ref");
    private static final List<String> REQUIRED = List.of("at", "site_id", "sku", "kind", "qty");

    /** A validated row of the file, in file order. */
    public record Move(String at, String siteId, String sku, MoveKind kind, long qty, String ref, long line) {
    }

    /** What an import did; {@code after} is whatever the caller's follow-up step returned (e.g. new alerts). */
    public record Result<T>(long batchId, int rows, int positions, T after) {
    }

    /** A step run for the touched positions inside the import's transaction (the emergency check, for one). */
    @FunctionalInterface
    public interface AfterMoves<T> {
        T apply(Handle h, Set<Position> touched);
    }

    private MoveImport() {
    }

    public static <T> Result<T> importFile(Ledger ledger, Path file, Charset charset, boolean force, LocalDateTime now,
                                           Consumer<String> warn, LongConsumer progress, AfterMoves<T> after) {
        String sha = FileDigest.sha256(file);
        Map<String, Boolean> sites = new HashMap<>();
        Map<String, ProductType> products = new HashMap<>();
        ledger.read(h -> {
            h.createQuery("SELECT site_id FROM site").mapTo(String.class).forEach(s -> sites.put(s, Boolean.TRUE));
            h.createQuery("SELECT sku, type FROM product").map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> products.put(e.getKey(), ProductType.parse(e.getValue()).orElseThrow()));
            return null;
        });
        long t0 = System.nanoTime();
        List<Move> moves = read(file, charset, sites.keySet(), products, warn, progress);
        long t1 = System.nanoTime();
        return ledger.write(h -> {
            ImportBatches.refuseRepeat(h, KIND, file, sha, force);
            long batch = ImportBatches.record(h, KIND, file, sha, moves.size(), moves.size(), now, force);
            long t2 = System.nanoTime();
            List<PositionMoves> groups = byPosition(moves);
            insert(h, groups, batch);
            long t3 = System.nanoTime();
            Set<Position> touched = StockLevels.apply(h, groups);
            long t4 = System.nanoTime();
            if (System.getenv("CHANOPS_TRACE") != null) {
                System.err.printf("read %d ms, begin %d ms, insert %d ms, levels %d ms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                        (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
            }
            T result = after == null ? null : after.apply(h, touched);
            return new Result<>(batch, moves.size(), touched.size(), result);
        });
    }

    /** Reads and validates the whole file; any problem rejects it with every problem listed. */
    public static List<Move> read(Path file, Charset charset, Set<String> sites, Map<String, ProductType> products,
                                  Consumer<String> warn, LongConsumer progress) {
        ProblemList problems = new ProblemList();
        List<Move> moves = new ArrayList<>();
        Map<String, Long> documents = new HashMap<>();
        try (CsvSource csv = CsvSource.open(file, charset)) {
            csv.warnUnknown(Set.copyOf(COLUMNS), warn).require(REQUIRED);
            long n = 0;
            for (CsvRow row : csv) {
                if (++n % 50_000 == 0 && progress != null) {
                    progress.accept(n);
                }
                if (row.isEmptyLine()) {
                    continue;
                }
                Move m = parse(row, sites, products, problems);
                if (m == null) {
                    continue;
                }
                if (!m.ref().isEmpty()) {
                    Long seen = documents.putIfAbsent(m.siteId() + '\u0000' + m.sku() + '\u0000' + m.kind() + '\u0000' + m.ref(), m.line());
                    if (seen != null) {
                        problems.add(row.problem("ref", "duplicate row: " + m.kind() + " '" + m.ref() + "' of " + m.sku()
                                + " at " + m.siteId() + " is already on line " + seen));
                        continue;
                    }
                }
                moves.add(m);
            }
            if (progress != null) {
                progress.accept(n);
            }
        }
        problems.rejectIfAny();
        return moves;
    }

    private static Move parse(CsvRow row, Set<String> sites, Map<String, ProductType> products, ProblemList problems) {
        boolean ok = true;
        String atText = row.get("at");
        String at = LocalTimes.normaliseDateTime(atText);
        if (at == null) {
            problems.add(row.problem("at", "'" + atText + "' is not a date-time YYYY-MM-DD HH:MM[:SS]"));
            ok = false;
        }
        String site = row.get("site_id");
        String sku = row.get("sku");
        ok &= PositionChecks.knownSite(row, sites::contains, problems);
        ok &= PositionChecks.stockedSku(row, products, problems);
        String kindText = row.get("kind");
        MoveKind kind = MoveKind.parse(kindText).orElse(null);
        if (kind == null) {
            problems.add(row.problem("kind", "'" + kindText + "' is not one of receipt, sale, return, transfer_in, transfer_out, adjust, count"));
            ok = false;
        }
        String qtyText = row.get("qty");
        long qty = 0;
        try {
            qty = Long.parseLong(qtyText);
            if (kind == MoveKind.ADJUST) {
                if (qty == 0) {
                    problems.add(row.problem("qty", "an adjust of 0 changes nothing"));
                    ok = false;
                }
            } else if (kind == MoveKind.COUNT) {
                if (qty < 0) {
                    problems.add(row.problem("qty", "a count is the counted on hand and cannot be negative"));
                    ok = false;
                }
            } else if (kind != null && qty <= 0) {
                problems.add(row.problem("qty", "'" + qtyText + "' must be a positive whole number for a " + kind));
                ok = false;
            }
        } catch (NumberFormatException e) {
            problems.add(row.problem("qty", "'" + qtyText + "' is not a whole number"));
            ok = false;
        }
        return ok ? new Move(at, site, sku, kind, qty, row.get("ref"), row.line()) : null;
    }

    /** The moves of one position in time order (file order for equal times), and the id of the first. */
    record PositionMoves(Position position, List<Move> moves, long firstId) {
    }

    /**
     * Groups moves by position, sorted by position, each group in time order (stable: equal times keep file order).
     * Ids are then consecutive in that order, so within a position id order is time order, and the inserts append to
     * both the table and its (site, sku, at) index instead of scattering over them.
     */
    static List<PositionMoves> byPosition(List<Move> moves) {
        Map<Position, List<Move>> groups = new HashMap<>();
        for (Move m : moves) {
            groups.computeIfAbsent(new Position(m.siteId(), m.sku()), p -> new ArrayList<>()).add(m);
        }
        List<Position> positions = new ArrayList<>(groups.keySet());
        positions.sort(null);
        List<PositionMoves> out = new ArrayList<>(positions.size());
        for (Position p : positions) {
            List<Move> list = groups.get(p);
            list.sort(java.util.Comparator.comparing(Move::at));
            out.add(new PositionMoves(p, list, 0));
        }
        return out;
    }

    /** Rows per INSERT statement: multi-row VALUES cut the per-statement cost of SQLite's JDBC driver. */
    private static final int ROWS_PER_STATEMENT = 64;
    private static final String INSERT = "INSERT INTO stock_move (move_id, at, site_id, sku, kind, qty, ref, batch_id) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Inserts the moves with consecutive ids in position order, recording each group's first id. This is the one hot
     * path that binds through the JDBC statement of the JDBI handle (same connection, same transaction, bound
     * parameters): JDBI's PreparedBatch costs twice as much per row, which matters at a million rows.
     */
    static void insert(Handle h, List<PositionMoves> groups, long batchId) {
        long id = Ids.reserve(h, Ids.STOCK_MOVE, groups.stream().mapToLong(g -> g.moves().size()).sum());
        List<Move> pending = new ArrayList<>(ROWS_PER_STATEMENT);
        try (PreparedStatement full = h.getConnection().prepareStatement(
                INSERT + String.join(", ", java.util.Collections.nCopies(ROWS_PER_STATEMENT, ROW)))) {
            long firstPending = id;
            for (int g = 0; g < groups.size(); g++) {
                PositionMoves group = groups.get(g);
                groups.set(g, new PositionMoves(group.position(), group.moves(), id));
                for (Move m : group.moves()) {
                    pending.add(m);
                    id++;
                    if (pending.size() == ROWS_PER_STATEMENT) {
                        bind(full, pending, firstPending, batchId);
                        full.executeUpdate();
                        pending.clear();
                        firstPending = id;
                    }
                }
            }
            if (!pending.isEmpty()) {
                try (PreparedStatement rest = h.getConnection().prepareStatement(
                        INSERT + String.join(", ", java.util.Collections.nCopies(pending.size(), ROW)))) {
                    bind(rest, pending, firstPending, batchId);
                    rest.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    private static void bind(PreparedStatement ps, List<Move> moves, long firstId, long batchId) throws SQLException {
        int p = 1;
        long id = firstId;
        for (Move m : moves) {
            ps.setLong(p++, id++);
            ps.setString(p++, m.at());
            ps.setString(p++, m.siteId());
            ps.setString(p++, m.sku());
            ps.setString(p++, m.kind().toString());
            ps.setLong(p++, m.qty());
            if (m.ref().isEmpty()) {
                ps.setNull(p++, Types.VARCHAR);
            } else {
                ps.setString(p++, m.ref());
            }
            ps.setLong(p++, batchId);
        }
    }

    /** For tests and tools: the positions a list of moves touches. */
    public static Set<Position> positions(List<Move> moves) {
        Set<Position> set = new HashSet<>();
        moves.forEach(m -> set.add(new Position(m.siteId(), m.sku())));
        return set;
    }
}
