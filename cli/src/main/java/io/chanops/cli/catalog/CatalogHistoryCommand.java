package io.chanops.cli.catalog;

import io.chanops.catalog.CatalogHistory;
import io.chanops.catalog.HistoryEntry;
import io.chanops.catalog.ProductRepository;
import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.UserException;
import io.chanops.cli.mixin.OutputOptions;
import io.chanops.cli.support.Listing;
import io.chanops.cli.support.Style;
import io.chanops.ledger.master.KnownIds;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "history",
        footerHeading = "%nExamples:%n",
        footer = {"  chanops catalog history HS-IP16-128", "  chanops catalog history --batch 2"},
        description = {
            "Every change to one product (or by one import batch), field by field.",
            "Columns: at,batch,file,user,sku,change,field,old,new."
        })
public final class CatalogHistoryCommand extends ChanopsCommand {
    @Parameters(paramLabel = "SKU", arity = "0..1", description = "The product.")
    String sku;

    @Option(
            names = "--batch",
            paramLabel = "ID",
            description = "Every change of this import batch instead (ids as printed by catalog import).")
    Long batch;

    @Mixin
    OutputOptions output;

    @Override
    protected int run() {
        if ((sku == null) == (batch == null)) {
            throw UserException.usage("give a SKU or --batch ID (one of them)");
        }
        List<HistoryEntry> entries;
        if (batch != null) {
            entries = ctx().ledger().read(h -> CatalogHistory.ofBatch(h, batch));
        } else {
            record Found(boolean exists, List<HistoryEntry> entries) {}
            Found found = ctx().ledger()
                    .read(h -> new Found(
                            h.attach(ProductRepository.class).find(sku).isPresent(), CatalogHistory.of(h, sku)));
            if (!found.exists() && found.entries().isEmpty()) {
                KnownIds skus = ctx().ledger()
                        .read(h -> h.attach(ProductRepository.class).known());
                throw UserException.notFound("no product " + sku + " in the catalog" + skus.hint(sku, ""));
            }
            entries = found.entries();
        }
        Listing listing = Listing.of("at", "batch", "file", "user", "sku", "change", "field", "old", "new");
        for (HistoryEntry e : entries) {
            listing.add(
                    e.at(),
                    e.batchId(),
                    e.file(),
                    e.user(),
                    e.sku(),
                    e.change(),
                    e.field(),
                    e.oldValue(),
                    e.newValue());
        }
        listing.styleRows(row -> switch (String.valueOf(row.get(5))) {
            case "created" -> Style.GREEN;
            case "unlisted" -> Style.RED;
            default -> Style.NONE;
        });
        output.render(ctx(), listing);
        return ExitCode.OK;
    }
}
