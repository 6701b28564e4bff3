package io.chanops.ledger;

import io.chanops.ledger.imports.ImportBatches;
import io.chanops.ledger.model.ImportBatch;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * What {@code chanops ledger info} shows: where the ledger is (a URL's password masked), its time zone, schema version,
 * page size (SQLite) and the rows of each of its tables.
 *
 * @param restored    when the ledger was last put back from a backup, and from which ({@code ledger restore}); empty
 *                    when never
 * @param lastImports the latest import of each kind (stock moves, catalog, sites, policies, ...): when each feed last
 *                    came in
 * @param rows rows per table, by table name; the ledger's own bookkeeping tables (migration history, settings, id
 *             counters) left out
 */
public record LedgerInfo(
        String location,
        Ledger.Dialect dialect,
        ZoneId zone,
        int schemaVersion,
        OptionalInt pageSize,
        Optional<String> restored,
        List<ImportBatch> lastImports,
        Map<String, Long> rows) {
    private static final Set<String> BOOKKEEPING = Set.of(Ledger.HISTORY, LedgerSettings.TABLE, "id_counter");

    public static LedgerInfo of(Ledger ledger) {
        return ledger.read(h -> read(h, ledger.location(), ledger.dialect(), ledger.zone()));
    }

    /**
     * The same of the database on {@code h}, reading only: also a backup of an older schema (its import batches are
     * left out when that schema records them otherwise). {@code zone} may be null: a ledger from before zones were
     * recorded.
     */
    static LedgerInfo read(Handle h, String location, Ledger.Dialect dialect, ZoneId zone) {
        int version = schemaVersion(h);
        OptionalInt pageSize = dialect == Ledger.Dialect.SQLITE
                ? OptionalInt.of(
                        h.createQuery("PRAGMA page_size").mapTo(Integer.class).one())
                : OptionalInt.empty();
        Map<String, Long> rows = new LinkedHashMap<>();
        List<String> tables = Ledger.tables(h, dialect);
        for (String table : tables) {
            if (!BOOKKEEPING.contains(table)) {
                // a name from the database's own catalog, quoted as an identifier (names cannot be bound)
                rows.put(
                        table,
                        h.createQuery("SELECT COUNT(*) FROM \"" + table.replace("\"", "\"\"") + "\"")
                                .mapTo(Long.class)
                                .one());
            }
        }
        return new LedgerInfo(
                location,
                dialect,
                zone,
                version,
                pageSize,
                tables.contains(LedgerSettings.TABLE) // since schema version 9
                        ? Optional.ofNullable(LedgerSettings.all(h).get(LedgerSettings.RESTORED))
                        : Optional.empty(),
                lastImports(h),
                rows);
    }

    /** The latest import of each kind; none when the schema (an old backup's) has no import batches as this reads them. */
    private static List<ImportBatch> lastImports(Handle h) {
        try {
            return ImportBatches.latestOfEachKind(h);
        } catch (JdbiException e) {
            return List.of();
        }
    }

    /** The highest schema version applied to the ledger on {@code h}; 0 when none is. */
    static int schemaVersion(Handle h) {
        return h
                .createQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")
                .mapTo(String.class)
                .stream()
                .filter(v -> v.matches("\\d{1,9}"))
                .mapToInt(Integer::parseInt)
                .max()
                .orElse(0);
    }
}
