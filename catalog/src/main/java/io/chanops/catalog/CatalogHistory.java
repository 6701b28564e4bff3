package io.chanops.catalog;

import io.chanops.ledger.CopyRows;
import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import io.chanops.ledger.imports.Ids;
import io.chanops.ledger.imports.ImportBatches;
import io.chanops.ledger.imports.StatementBatches;
import io.chanops.ledger.model.ImportBatch;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The catalog history ({@code product_history}): one row per changed field per product per import, tied to the
 * import batch that changed it. Written in the import's transaction, so history and catalog never disagree.
 */
public final class CatalogHistory {
    private static final int BATCH = 2000;

    private CatalogHistory() {}

    /** Records every field of every change as made by {@code batchId}: by COPY on PostgreSQL from many rows. */
    public static void record(Handle h, long batchId, List<CatalogChange> changes) {
        record(h, batchId, changes, CopyRows.pays(h, rows(changes)));
    }

    /**
     * {@code copy}: PostgreSQL's path, one COPY into {@code product_history}; else JDBC batches of the INSERT (any
     * database). The differential test calls both.
     */
    static void record(Handle h, long batchId, List<CatalogChange> changes, boolean copy) {
        long id = Ids.next(h, "product_history", "history_id");
        if (copy) {
            copy(h.getConnection(), id, batchId, changes);
            return;
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO product_history (" + COLUMNS + ") "
                + "VALUES (:id, :batch, :sku, :change, :field, :old, :new)");
        StatementBatches rows = StatementBatches.of(batch, BATCH);
        for (CatalogChange c : changes) {
            for (FieldChange f : c.fields()) {
                batch.bind("id", id++)
                        .bind("batch", batchId)
                        .bind("sku", c.sku())
                        .bind("change", c.kind().code())
                        .bind("field", f.field())
                        .bind("old", emptyToNull(f.oldValue()))
                        .bind("new", emptyToNull(f.newValue()));
                rows.add();
            }
        }
        rows.finish();
    }

    private static final String COLUMNS = "history_id, batch_id, sku, change, field, old_value, new_value";

    private static void copy(Connection c, long firstId, long batchId, List<CatalogChange> changes) {
        try {
            CopyRows copy = new CopyRows(c, "COPY product_history (" + COLUMNS + ") FROM STDIN (FORMAT text)", 1 << 20);
            long id = firstId;
            for (CatalogChange change : changes) {
                for (FieldChange f : change.fields()) {
                    copy.number(id++)
                            .number(batchId)
                            .text(change.sku())
                            .text(change.kind().code())
                            .text(f.field())
                            .text(emptyToNull(f.oldValue()))
                            .text(emptyToNull(f.newValue()))
                            .endRow();
                }
            }
            copy.flush();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    private static int rows(List<CatalogChange> changes) {
        int n = 0;
        for (CatalogChange c : changes) {
            n += c.fields().size();
        }
        return n;
    }

    /** The history of one SKU, oldest first. */
    public static List<HistoryEntry> of(Handle h, String sku) {
        return query(h, "h.sku = :key", sku);
    }

    /**
     * Every change one import batch made, in the order it made them. A batch that does not exist, or that imported
     * something else than the catalog, is refused (exit 4) rather than shown as one that changed nothing.
     */
    public static List<HistoryEntry> ofBatch(Handle h, long batchId) {
        ImportBatch batch = ImportBatches.byId(h, batchId)
                .orElseThrow(() -> InputRejectedException.of(Problem.ofFile(
                        "catalog history",
                        "--batch " + batchId + ": no import batch " + batchId
                                + " (catalog import prints its batch; ledger info shows the last of each kind)")));
        if (!batch.kind().equals("catalog")) {
            throw InputRejectedException.of(Problem.ofFile(
                    "catalog history",
                    "--batch " + batchId + ": batch " + batchId + " imported " + batch.fileName() + " (" + batch.kind()
                            + "), not a catalog"));
        }
        return query(h, "h.batch_id = :key", batchId);
    }

    private static List<HistoryEntry> query(Handle h, String where, Object key) {
        return h.createQuery("SELECT b.imported_at, h.batch_id, b.file_name, b.os_user, h.sku, h.change, h.field, "
                        + "h.old_value, h.new_value FROM product_history h JOIN import_batch b ON b.batch_id = "
                        + "h.batch_id "
                        + "WHERE " + where + " ORDER BY h.history_id")
                .bind("key", key)
                .map((rs, ctx) -> new HistoryEntry(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        nullToEmpty(rs.getString(8)),
                        nullToEmpty(rs.getString(9))))
                .list();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
