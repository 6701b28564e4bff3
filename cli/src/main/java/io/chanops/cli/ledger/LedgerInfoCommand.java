package io.chanops.cli.ledger;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.mixin.OutputOptions;
import io.chanops.cli.support.ColumnType;
import io.chanops.cli.support.Listing;
import io.chanops.ledger.LedgerInfo;
import io.chanops.ledger.model.ImportBatch;
import java.util.Locale;
import java.util.Map;
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
        listing.add("zone", info.zone().getId());
        listing.add("schema_version", info.schemaVersion());
        info.pageSize().ifPresent(size -> listing.add("page_size", size));
        info.restored().ifPresent(restored -> listing.add("restored", restored));
        for (ImportBatch b : info.lastImports()) {
            listing.add(
                    "last_import." + b.kind(),
                    b.importedAt() + ", " + b.fileName() + " (batch " + b.batchId() + ", " + b.rowsWritten() + " of "
                            + b.rowsRead() + " rows written, by " + b.osUser() + ")");
        }
        for (Map.Entry<String, Long> table : info.rows().entrySet()) {
            listing.add("rows." + table.getKey(), table.getValue());
        }
        output.render(ctx(), listing);
        return ExitCode.OK;
    }
}
