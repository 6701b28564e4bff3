package io.chanops.cli.catalog;

import io.chanops.catalog.CatalogFilter;
import io.chanops.catalog.CatalogImport;
import io.chanops.catalog.CatalogRowParser;
import io.chanops.catalog.ProductRepository;
import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.UserException;
import io.chanops.cli.mixin.OutputOptions;
import io.chanops.cli.support.Listing;
import io.chanops.cli.support.Style;
import io.chanops.ledger.master.KnownIds;
import io.chanops.ledger.model.Product;
import io.chanops.ledger.model.ProductType;
import io.chanops.ledger.money.Fen;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "list",
        footerHeading = "%nExamples:%n",
        footer = {"  chanops catalog list --type handset", "  chanops catalog list --search iPhone --format csv"},
        description = "List products (CSV output has the columns of catalog.csv, so it imports back unchanged).")
public final class CatalogListCommand extends ChanopsCommand {
    @Option(names = "--type", paramLabel = "TYPE", description = "handset, accessory, sim, plan or contract.")
    String type;

    @Option(names = "--status", paramLabel = "STATUS", description = "listed, unlisted or draft.")
    String status;

    @Option(
            names = "--channel",
            paramLabel = "CHANNEL",
            description = "Products sold in this channel: web, wap, app, partner or hall.")
    String channel;

    @Option(names = "--brand", paramLabel = "BRAND", description = "Products of this brand (any letter case).")
    String brand;

    @Option(names = "--search", paramLabel = "TEXT", description = "SKU or name contains TEXT (any letter case).")
    String search;

    @Mixin
    OutputOptions output;

    @Override
    protected int run() {
        CatalogFilter filter = new CatalogFilter(parseType(), parseStatus(), parseChannel(channel), brand, search);
        List<Product> products = filter.apply(
                ctx().ledger().read(h -> h.attach(ProductRepository.class).list()));
        Listing listing = new Listing(CatalogImport.COLUMNS);
        for (Product p : products) {
            listing.add(
                    p.sku(),
                    p.type().toString(),
                    p.name(),
                    p.brand(),
                    Fen.toYuan(p.priceFen()),
                    p.status(),
                    p.channelsText(),
                    p.monthlyFeeFen() == null ? null : Fen.toYuan(p.monthlyFeeFen()),
                    p.months());
        }
        listing.styleRows(row -> switch (String.valueOf(row.get(5))) {
            case "unlisted" -> Style.DIM;
            case "draft" -> Style.YELLOW;
            default -> Style.NONE;
        });
        output.render(ctx(), listing);
        return ExitCode.OK;
    }

    private ProductType parseType() {
        if (type == null) {
            return null;
        }
        return ProductType.parse(type)
                .orElseThrow(() -> UserException.usage("--type " + type
                        + ": expected handset, accessory, sim, plan or contract"
                        + KnownIds.hintAmong(List.of("handset", "accessory", "sim", "plan", "contract"), type)));
    }

    private String parseStatus() {
        if (status == null) {
            return null;
        }
        String s = status.strip().toLowerCase(Locale.ROOT);
        if (!CatalogRowParser.STATUSES.contains(s)) {
            throw UserException.usage("--status " + status + ": expected listed, unlisted or draft"
                    + KnownIds.hintAmong(CatalogRowParser.STATUSES, status));
        }
        return s;
    }

    /** A channel option's value, checked against the channels products are sold in. */
    static String parseChannel(String channel) {
        if (channel == null) {
            return null;
        }
        String c = channel.strip().toLowerCase(Locale.ROOT);
        if (!CatalogRowParser.CHANNELS.contains(c)) {
            throw UserException.usage("--channel " + channel + ": expected web, wap, app, partner or hall"
                    + KnownIds.hintAmong(CatalogRowParser.CHANNELS, channel));
        }
        return c;
    }
}
