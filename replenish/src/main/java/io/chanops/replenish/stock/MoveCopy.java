package io.chanops.replenish.stock;

import io.chanops.ledger.CopyRows;
import io.chanops.ledger.model.MoveKind;
import io.chanops.ledger.model.Position;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL's bulk insert of the moves: one {@code COPY stock_move (...) FROM STDIN} in text format on the
 * transaction's connection, the rows written as bytes into a buffer sent a block at a time. A row costs the server no
 * statement, no parameters and no parsing of SQL. The values are those {@link MoveInsert}'s plain path binds (its
 * differential test, {@code MoveCopyTest}, requires the same rows).
 */
final class MoveCopy {
    private MoveCopy() {}

    static final String COPY =
            "COPY stock_move (move_id, at, site_id, sku, kind, qty, ref, batch_id) FROM STDIN (FORMAT text)";

    /** Bytes gathered before they are handed to the driver. */
    private static final int BLOCK = 1 << 16;

    private static final byte[][] KIND_BYTES =
            Arrays.stream(MoveKind.values()).map(k -> text(k.toString())).toArray(byte[][]::new);

    static void copy(Connection c, Moves moves, int[] rows, long firstId, long batchId) throws SQLException {
        byte[][] site = new byte[moves.positionCount()][];
        byte[][] sku = new byte[moves.positionCount()][];
        for (int p = 0; p < moves.positionCount(); p++) {
            Position position = moves.position(p);
            site[p] = text(position.siteId());
            sku[p] = text(position.sku());
        }
        byte[] batch = Long.toString(batchId).getBytes(StandardCharsets.US_ASCII);
        byte[] at = new byte[Moves.AT_TEXT_LENGTH];
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        try {
            Block out = new Block(in);
            for (int i = 0; i < rows.length; i++) {
                int row = rows[i];
                int position = moves.positionNumber(row);
                out.number(firstId + i).tab();
                out.bytes(Moves.atBytes(moves.at(row), at)).tab();
                out.bytes(site[position]).tab();
                out.bytes(sku[position]).tab();
                out.bytes(KIND_BYTES[moves.kind(row).ordinal()]).tab();
                out.number(moves.qty(row)).tab();
                String ref = moves.ref(row);
                if (ref == null) {
                    out.bytes(NULL);
                } else {
                    out.bytes(text(ref));
                }
                out.tab().bytes(batch).end();
            }
            out.flush();
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /**
     * {@link #copy} with V15's insert trigger off for the COPY and its check (V18's {@code chanops_check_references}:
     * the sites, SKUs and batch exist, locked until the commit) run once on the keys the moves name: the trigger would
     * keep a copy of every row to find those keys, which the moves already know. Turning the trigger off takes
     * stock_move's SHARE ROW EXCLUSIVE lock until the commit: other writers of moves wait (chanops' writers wait for
     * the write lock anyway), readers do not. The change is the transaction's own: every other writer still fires the
     * trigger.
     */
    static void copyCheckingKeys(Handle h, Moves moves, int[] rows, long firstId, long batchId) throws SQLException {
        Set<String> sites = new TreeSet<>();
        Set<String> skus = new TreeSet<>();
        for (int p = 0; p < moves.positionCount(); p++) {
            sites.add(moves.position(p).siteId());
            skus.add(moves.position(p).sku());
        }
        h.createQuery("SELECT 1 FROM chanops_check_references('stock_move', :sites, :skus, :batches)")
                .bindArray("sites", String.class, sites.toArray())
                .bindArray("skus", String.class, skus.toArray())
                .bindArray("batches", Integer.class, Math.toIntExact(batchId))
                .mapTo(Integer.class)
                .one();
        h.execute("ALTER TABLE stock_move DISABLE TRIGGER " + INSERT_TRIGGER);
        copy(h.getConnection(), moves, rows, firstId, batchId);
        h.execute("ALTER TABLE stock_move ENABLE TRIGGER " + INSERT_TRIGGER);
    }

    /** V15's trigger that checks the references of inserted moves, once per statement. */
    private static final String INSERT_TRIGGER = "stock_move_references_insert";

    private static final byte[] NULL = {'\\', 'N'};

    /** {@code value} in COPY's text format: UTF-8, with backslash, tab, newline and carriage return escaped. */
    static byte[] text(String value) {
        return CopyRows.escape(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A buffer of COPY data, sent to the server whenever it fills. */
    private static final class Block {
        private final CopyIn in;
        private final byte[] buf = new byte[BLOCK];
        private int n;

        Block(CopyIn in) {
            this.in = in;
        }

        Block bytes(byte[] b) throws SQLException {
            if (n + b.length > buf.length) {
                flush();
                if (b.length > buf.length) {
                    in.writeToCopy(b, 0, b.length);
                    return this;
                }
            }
            System.arraycopy(b, 0, buf, n, b.length);
            n += b.length;
            return this;
        }

        Block number(long v) throws SQLException {
            return bytes(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
        }

        Block tab() throws SQLException {
            return one((byte) '\t');
        }

        Block end() throws SQLException {
            return one((byte) '\n');
        }

        private Block one(byte b) throws SQLException {
            if (n == buf.length) {
                flush();
            }
            buf[n++] = b;
            return this;
        }

        void flush() throws SQLException {
            if (n > 0) {
                in.writeToCopy(buf, 0, n);
                n = 0;
            }
        }
    }
}
