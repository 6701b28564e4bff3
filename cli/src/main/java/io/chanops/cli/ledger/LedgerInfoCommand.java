package io.chanops.cli.ledger;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.mixin.OutputOptions;
import io.chanops.cli.support.ColumnType;
import io.chanops.cli.support.Listing;
import io.chanops.ledger.LedgerInfo;
import io.chanops.ledger.model.ImportBatch;
import io.chanops.ledger.text.Named;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "info",
        footerHeading = "%nExamples:%n",
        footer = {"  chanops ledger info", "  chanops ledger info --db /srv/chanops/chanops.db --format json"},
        description = "Where the ledger is (a URL's password masked), its time zone, schema version, page size "
                + "(SQLite) and the rows of each table.")
public final class LedgerInfoCommand extends ChanopsCommand {
    @Mixin
    OutputOptions output;

    @Override
    protected int run() {
        LedgerInfo info = LedgerInfo.of(ctx().ledger());
        Listing listing = Listing.of("item", "value").type(ColumnType.VALUE, "value");
        listing.add("location", info.location());
        listing.add("database", info.dialect().name().toLowerCase(Locale.ROOT));
        items(
                        info,
                        b -> b.importedAt() + ", " + b.fileName() + " (batch " + b.batchId() + ", " + b.rowsWritten()
                                + " of " + Named.count(b.rowsRead(), "row") + " written, by " + b.osUser() + ")")
                .forEach(listing::add);
        output.render(ctx(), listing);
        return ExitCode.OK;
    }

    /**
     * What {@code ledger info} lists of a ledger after where it is, by item name: zone (none for a backup older than
     * zones), schema version, page size, last restore, the last import of each kind (as {@code lastImport} words it)
     * and the rows of each table. {@code ledger restore --dry-run} lists a backup beside the ledger by the same items.
     */
    static Map<String, Object> items(LedgerInfo info, Function<ImportBatch, String> lastImport) {
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("zone", info.zone() == null ? null : info.zone().getId());
        items.put("schema_version", info.schemaVersion());
        info.pageSize().ifPresent(size -> items.put("page_size", size));
        info.restored().ifPresent(restored -> items.put("restored", restored));
        for (ImportBatch b : info.lastImports()) {
            items.put("last_import." + b.kind(), lastImport.apply(b));
        }
        for (Map.Entry<String, Long> table : info.rows().entrySet()) {
            items.put("rows." + table.getKey(), table.getValue());
        }
        return items;
    }
}
