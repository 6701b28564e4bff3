package io.chanops.cli.catalog;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.UserException;
import io.chanops.cli.mixin.OutputOptions;
import io.chanops.cli.support.Listing;
import io.chanops.cli.support.Style;
import io.chanops.ledger.catalog.CatalogHistory;
import io.chanops.ledger.catalog.HistoryEntry;
import io.chanops.ledger.dao.ProductDao;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "history", description = "Every change made to one product, field by field: when, import batch and file, user, old -> new.")
public final class CatalogHistoryCommand extends ChanopsCommand {
    @Parameters(paramLabel = "SKU", description = "The product.")
    String sku;

    @Mixin
    OutputOptions output;

    @Override
    protected int run() {
        record Found(boolean exists, List<HistoryEntry> entries) {
        }
        Found found = ctx().ledger().read(h -> new Found(h.attach(ProductDao.class).find(sku).isPresent(), CatalogHistory.of(h, sku)));
        if (!found.exists() && found.entries().isEmpty()) {
            throw UserException.notFound("no product " + sku + " in the catalog");
        }
        Listing listing = Listing.of("at", "batch", "file", "user", "change", "field", "old", "new");
        for (HistoryEntry e : found.entries()) {
            listing.add(e.at(), e.batchId(), e.file(), e.user(), e.change(), e.field(), e.oldValue(), e.newValue());
        }
        listing.styleRows(row -> switch (String.valueOf(row.get(4))) {
            case "created" -> Style.GREEN;
            case "unlisted" -> Style.RED;
            default -> Style.NONE;
        });
        output.render(ctx(), listing);
        return ExitCode.OK;
    }
}
