package io.chanops.ledger.imports;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import io.chanops.ledger.model.ImportBatch;
import io.chanops.ledger.time.LocalTimes;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The record of every file imported: kind, SHA-256, row counts, when and by whom. */
public final class ImportBatches {
    private ImportBatches() {}

    private static final String COLUMNS =
            "batch_id, kind, file_name, sha256, rows_read, rows_written, imported_at, os_user, forced";

    public static Optional<ImportBatch> find(Handle h, String kind, String sha256) {
        return h.createQuery("SELECT " + COLUMNS + " FROM import_batch WHERE kind = :kind AND sha256 = :sha ORDER BY "
                        + "batch_id LIMIT 1")
                .bind("kind", kind)
                .bind("sha", sha256)
                .map((rs, ctx) -> batch(rs))
                .findOne();
    }

    /** Import batch {@code batchId}, if there is one. */
    public static Optional<ImportBatch> byId(Handle h, long batchId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM import_batch WHERE batch_id = :id")
                .bind("id", batchId)
                .map((rs, ctx) -> batch(rs))
                .findOne();
    }

    /** The latest batch of each kind (stock moves, catalog, sites, ...), by kind: when each feed last came in. */
    public static List<ImportBatch> latestOfEachKind(Handle h) {
        return h.createQuery("SELECT " + COLUMNS + " FROM import_batch b WHERE batch_id = (SELECT MAX(c.batch_id) "
                        + "FROM import_batch c WHERE c.kind = b.kind) ORDER BY kind")
                .map((rs, ctx) -> batch(rs))
                .list();
    }

    private static ImportBatch batch(ResultSet rs) throws SQLException {
        return new ImportBatch(
                rs.getLong("batch_id"),
                rs.getString("kind"),
                rs.getString("file_name"),
                rs.getString("sha256"),
                rs.getLong("rows_read"),
                rs.getLong("rows_written"),
                rs.getString("imported_at"),
                rs.getString("os_user"),
                rs.getInt("forced") != 0);
    }

    /** When the latest batch of {@code kind} was imported, if any was. */
    public static Optional<LocalDateTime> latest(Handle h, String kind) {
        return h.createQuery("SELECT max(imported_at) FROM import_batch WHERE kind = :kind")
                .bind("kind", kind)
                .mapTo(String.class)
                .findOne()
                .flatMap(LocalTimes::parseDateTime);
    }

    /** Refuses (exit 4) a file whose content was imported before as the same kind, unless {@code force}. */
    public static void refuseRepeat(Handle h, String kind, Path file, String sha256, boolean force) {
        if (force) {
            return;
        }
        find(h, kind, sha256).ifPresent(b -> {
            throw InputRejectedException.importedBefore(Problem.ofFile(
                    file.toString(),
                    "this file was already imported as batch " + b.batchId() + " (" + b.fileName() + ", "
                            + b.importedAt() + " by " + b.osUser()
                            + ", same SHA-256); use --force to import it again"));
        });
    }

    /** Records a batch imported by {@code user} and returns its id. */
    public static long record(
            Handle h,
            String kind,
            Path file,
            String sha256,
            long rowsRead,
            long rowsWritten,
            LocalDateTime at,
            String user,
            boolean forced) {
        long id = Ids.next(h, "import_batch", "batch_id");
        h.createUpdate("INSERT INTO import_batch (batch_id, kind, file_name, sha256, rows_read, rows_written, "
                        + "imported_at, os_user, forced) VALUES (:id, :kind, :file, :sha, :read, :written, "
                        + ":at, :user, :forced)")
                .bind("id", id)
                .bind("kind", kind)
                .bind("file", file.getFileName().toString())
                .bind("sha", sha256)
                .bind("read", rowsRead)
                .bind("written", rowsWritten)
                .bind("at", LocalTimes.format(at))
                .bind("user", user)
                .bind("forced", forced ? 1 : 0)
                .execute();
        return id;
    }

    /** Sets the batch's SHA-256 when it is known only after the rows were written (same transaction). */
    public static void setDigest(Handle h, long batchId, String sha256) {
        h.createUpdate("UPDATE import_batch SET sha256 = :sha WHERE batch_id = :id")
                .bind("sha", sha256)
                .bind("id", batchId)
                .execute();
    }
}
