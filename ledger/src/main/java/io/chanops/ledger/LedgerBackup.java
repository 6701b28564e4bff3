package io.chanops.ledger;

import io.chanops.ledger.files.OutputFile;
import io.chanops.ledger.files.OutputKind;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * A consistent copy of an SQLite ledger while other commands may be writing it: SQLite's {@code VACUUM INTO} reads one
 * snapshot (the commits in the WAL file included, which a copy of the {@code .db} file alone would miss) and writes it
 * as a compact database of its own, through the output's temporary file. The copy is checked ({@code PRAGMA
 * integrity_check}, the schema version) before it is published; it is a complete ledger.
 */
public final class LedgerBackup {
    private LedgerBackup() {}

    /** What was backed up: the copy's size in bytes and its schema version. */
    public record Copy(long bytes, int schemaVersion) {}

    /**
     * Writes a copy of {@code ledger} (SQLite only) into {@code target}, readable by its owner only; the caller publishes
     * it. A copy that does not check out is an {@link OutputFailedException} (exit 6), and nothing is published.
     */
    public static Copy to(Ledger ledger, OutputFile target) {
        if (ledger.dialect() != Ledger.Dialect.SQLITE) {
            throw new IllegalArgumentException("only an SQLite ledger is backed up by chanops");
        }
        target.requireReplaceable(OutputKind.sqliteDatabase());
        long[] bytes = {0};
        int[] version = {0};
        target.fill(OutputFile.Access.OWNER_ONLY, temp -> {
            try {
                ledger.jdbi().useHandle(h -> h.execute("VACUUM INTO ?", temp.toString()));
            } catch (JdbiException e) {
                RuntimeException translated = ledger.translate("ledger backup failed", e);
                if (translated instanceof LedgerUnavailableException) {
                    throw translated;
                }
                throw new IOException(Ledger.databaseMessage(e), e);
            }
            Jdbi copy = Jdbi.create("jdbc:sqlite:" + temp);
            copy.useHandle(h -> h.execute("PRAGMA application_id = " + OutputKind.SQLITE_BACKUP_MARK));
            List<String> integrity = copy.withHandle(h ->
                    h.createQuery("PRAGMA integrity_check").mapTo(String.class).list());
            if (!integrity.equals(List.of("ok"))) {
                throw new IOException("the copy does not pass SQLite's integrity check: " + integrity);
            }
            version[0] = copy.withHandle(LedgerInfo::schemaVersion);
            bytes[0] = Files.size(temp);
        });
        return new Copy(bytes[0], version[0]);
    }
}
