package io.chanops.cli.catalog;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.mixin.OutputOptions;
import io.chanops.cli.support.Listing;
import io.chanops.ledger.dao.ProductDao;
import io.chanops.ledger.master.CatalogImport;
import io.chanops.ledger.model.Product;
import io.chanops.ledger.money.Fen;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", description = "List products (CSV output has the columns of catalog.csv, so it imports back unchanged).")
public final class CatalogListCommand extends ChanopsCommand {
    @Mixin
    OutputOptions output;

    @Override
    protected int run() {
        List<Product> products = ctx().ledger().read(h -> h.attach(ProductDao.class).list());
        Listing listing = new Listing(CatalogImport.COLUMNS);
        for (Product p : products) {
            listing.add(p.sku(), p.type().toString(), p.name(), p.brand(), Fen.toYuan(p.priceFen()), p.status(), p.channelsText(),
                    p.monthlyFeeFen() == null ? null : Fen.toYuan(p.monthlyFeeFen()), p.months());
        }
        output.render(ctx(), listing);
        return ExitCode.OK;
    }
}
