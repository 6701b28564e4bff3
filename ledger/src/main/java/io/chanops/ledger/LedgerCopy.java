package io.chanops.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * {@code chanops ledger copy}: moves an SQLite ledger into a PostgreSQL database in one transaction. The target is made
 * a chanops ledger of the same schema version (as {@code init} would, in the source's zone) and must hold no rows but
 * those {@code init} writes (its settings and id counters, replaced by the source's); anything else is refused before
 * a row is written. Tables go in foreign-key order, each through one {@code COPY ... FROM STDIN}; then each table is
 * read back and must have the source's row count and checksum (an order-independent sum of a hash of every row's
 * canonical text), else the transaction is rolled back.
 */
public final class LedgerCopy {
    private LedgerCopy() {}

    /** Tables {@code init} writes rows into: replaced by the source's, not counted as the target holding data. */
    private static final Set<String> INIT_TABLES = Set.of(LedgerSettings.TABLE, "id_counter");

    /** What was copied into one table: its rows and their checksum, equal on both sides. */
    public record TableCopy(String table, long rows, String checksum) {}

    /**
     * Copies the SQLite ledger {@code from} into the PostgreSQL database {@code to}; returns the tables in copy order.
     */
    public static List<TableCopy> copy(LedgerLocation from, LedgerLocation to, Duration busyTimeout) {
        if (from.dialect() != Ledger.Dialect.SQLITE) {
            throw new IllegalArgumentException("--from " + from.display() + ": the source is an SQLite ledger file");
        }
        if (to.dialect() != Ledger.Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("--to " + to.display() + ": the target is a jdbc:postgresql: URL");
        }
        Ledger source = Ledger.open(from, busyTimeout, ZoneId.systemDefault());
        Ledger target = Ledger.init(to, busyTimeout, source.zone());
        return target.write(th -> {
            List<String> order = copyOrder(th);
            List<String> sourceTables = source.read(sh -> Ledger.tables(sh, Ledger.Dialect.SQLITE)).stream()
                    .filter(t -> !t.equals(Ledger.HISTORY))
                    .sorted()
                    .toList();
            if (!sourceTables.equals(order.stream().sorted().toList())) {
                throw new LedgerUnavailableException(
                        "ledger " + from.display() + " and " + to.display() + " have different tables: " + sourceTables
                                + " and " + order.stream().sorted().toList());
            }
            List<String> holding = new ArrayList<>();
            for (String table : order) {
                if (!INIT_TABLES.contains(table) && count(th, table) > 0) {
                    holding.add(table);
                }
            }
            if (!holding.isEmpty()) {
                throw new InputRejectedException("ledger " + to.display() + " is not empty (rows in "
                        + String.join(", ", holding) + "): ledger copy only fills a new database; nothing was copied");
            }
            for (String table : INIT_TABLES) {
                th.execute("DELETE FROM " + table);
            }
            List<TableCopy> copied = new ArrayList<>();
            for (String table : order) {
                List<Column> columns = columns(th, table);
                Sum sent = source.read(sh -> send(sh, th, table, columns));
                Sum stored = checksum(th.getConnection(), table, columns);
                if (sent.rows != stored.rows || sent.sum != stored.sum) {
                    throw new IllegalStateException("ledger copy: table " + table + " holds " + stored.rows
                            + " rows with checksum " + stored.hex() + " after the copy, the source " + sent.rows
                            + " rows with checksum " + sent.hex() + "; nothing was copied");
                }
                copied.add(new TableCopy(table, sent.rows, sent.hex()));
            }
            return copied;
        });
    }

    /** A column of the target's table and how its values are read and written. */
    private record Column(String name, Type type) {}

    private enum Type {
        INTEGER,
        REAL,
        TEXT
    }

    /**
     * References PostgreSQL checks per statement by triggers rather than by declared foreign keys (V15, V16): not in
     * pg_constraint, yet a table must still come after those it names.
     */
    private static final Map<String, Set<String>> STATEMENT_REFERENCES = Map.of(
            "stock_move", Set.of("site", "product", "import_batch"),
            "policy", Set.of("site", "product"),
            "confirmed_order", Set.of("reconcile_run"));

    /**
     * The target's tables (the schema history excepted) in an order where every table comes after those it refers to.
     */
    private static List<String> copyOrder(Handle h) {
        List<String> tables = Ledger.tables(h, Ledger.Dialect.POSTGRESQL).stream()
                .filter(t -> !t.equals(Ledger.HISTORY))
                .toList();
        Map<String, Set<String>> refersTo = new HashMap<>();
        h.createQuery("SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent "
                        + "FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace "
                        + "WHERE c.contype = 'f' AND n.nspname = current_schema()")
                .mapToMap(String.class)
                .forEach(fk -> {
                    if (!fk.get("child").equals(fk.get("parent"))) {
                        refersTo.computeIfAbsent(bare(fk.get("child")), k -> new TreeSet<>())
                                .add(bare(fk.get("parent")));
                    }
                });
        STATEMENT_REFERENCES.forEach((child, parents) ->
                refersTo.computeIfAbsent(child, k -> new TreeSet<>()).addAll(parents));
        List<String> order = new ArrayList<>();
        Set<String> left = new TreeSet<>(tables);
        while (!left.isEmpty()) {
            String next = left.stream()
                    .filter(t -> refersTo.getOrDefault(t, Set.of()).stream().noneMatch(left::contains))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("foreign keys in a cycle among " + left));
            order.add(next);
            left.remove(next);
        }
        return order;
    }

    /** A relation's name without the schema regclass may put in front of it. */
    private static String bare(String regclass) {
        String name = regclass.substring(regclass.lastIndexOf('.') + 1);
        return name.startsWith("\"") ? name.substring(1, name.length() - 1) : name;
    }

    private static long count(Handle h, String table) {
        return h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one();
    }

    private static List<Column> columns(Handle h, String table) {
        List<Column> columns = new ArrayList<>();
        h.createQuery("SELECT column_name, data_type FROM information_schema.columns "
                        + "WHERE table_schema = current_schema() AND table_name = :t ORDER BY ordinal_position")
                .bind("t", table)
                .mapToMap(String.class)
                .forEach(c -> {
                    String type = c.get("data_type");
                    columns.add(new Column(
                            c.get("column_name"),
                            type.equals("integer") || type.equals("bigint") || type.equals("smallint")
                                    ? Type.INTEGER
                                    : type.equals("double precision") || type.equals("real") ? Type.REAL : Type.TEXT));
                });
        return columns;
    }

    private static String select(String table, List<Column> columns) {
        return "SELECT " + String.join(", ", columns.stream().map(Column::name).toList()) + " FROM " + table;
    }

    /** Streams the source's rows of {@code table} into one COPY on the target; returns their count and checksum. */
    private static Sum send(Handle source, Handle target, String table, List<Column> columns) {
        String copySql = "COPY " + table + " ("
                + String.join(", ", columns.stream().map(Column::name).toList()) + ") FROM STDIN (FORMAT text)";
        Sum sum = new Sum();
        try (Statement s = source.getConnection().createStatement();
                ResultSet rs = s.executeQuery(select(table, columns))) {
            CopyIn in = target.getConnection()
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(copySql);
            try {
                byte[] buf = new byte[1 << 16];
                int n = 0;
                while (rs.next()) {
                    byte[] line = canonical(rs, columns);
                    sum.add(line);
                    if (n + line.length > buf.length) {
                        in.writeToCopy(buf, 0, n);
                        n = 0;
                    }
                    if (line.length > buf.length) {
                        in.writeToCopy(line, 0, line.length);
                    } else {
                        System.arraycopy(line, 0, buf, n, line.length);
                        n += line.length;
                    }
                }
                if (n > 0) {
                    in.writeToCopy(buf, 0, n);
                }
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(
                    "ledger copy of table " + table + ": " + e.getMessage(), e, null);
        }
        return sum;
    }

    /** The target's rows of {@code table}, read back: their count and checksum. */
    private static Sum checksum(Connection c, String table, List<Column> columns) {
        Sum sum = new Sum();
        try (Statement s = c.createStatement()) {
            s.setFetchSize(10_000); // a cursor: the transaction is open, so pgjdbc streams instead of loading all
            try (ResultSet rs = s.executeQuery(select(table, columns))) {
                while (rs.next()) {
                    sum.add(canonical(rs, columns));
                }
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(
                    "ledger copy, reading back " + table + ": " + e.getMessage(), e, null);
        }
        return sum;
    }

    /**
     * A row's canonical text, which is also its line of COPY's text format: each value as text (whole numbers in
     * decimal, floating-point as Java prints the double, text as it is), escaped, NULL as {@code \N}, separated by
     * tabs, ending in a newline.
     */
    static byte[] canonical(ResultSet rs, List<Column> columns) throws SQLException {
        StringBuilder line = new StringBuilder(128);
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                line.append('\t');
            }
            Object value = rs.getObject(i + 1);
            if (value == null) {
                line.append("\\N");
                continue;
            }
            switch (columns.get(i).type()) {
                case INTEGER -> line.append(rs.getLong(i + 1));
                case REAL -> line.append(Double.toString(rs.getDouble(i + 1)));
                case TEXT -> escape(rs.getString(i + 1), line);
            }
        }
        return line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    /** A count of rows and the sum (modulo 2^64) of the first eight bytes of each row's SHA-256: order-independent. */
    private static final class Sum {
        private final MessageDigest sha;
        long rows;
        long sum;

        Sum() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(byte[] line) {
            byte[] d = sha.digest(line);
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (d[i] & 0xff);
            }
            sum += h;
            rows++;
        }

        String hex() {
            return String.format("%016x", sum);
        }
    }
}
