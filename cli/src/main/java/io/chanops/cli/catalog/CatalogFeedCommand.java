package io.chanops.cli.catalog;

import io.chanops.catalog.ChannelFeed;
import io.chanops.catalog.ProductRepository;
import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.support.Format;
import io.chanops.cli.support.Listing;
import io.chanops.cli.support.Renderer;
import io.chanops.ledger.files.OutputFile;
import io.chanops.ledger.text.Named;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "feed",
        footerHeading = "%nExamples:%n",
        footer = {
            "  chanops catalog feed --channel web --out feed.csv",
            "  chanops catalog feed --channel app --out feed.csv --bom"
        },
        description = {
            "The listed products of one channel, as CSV for the store front.",
            "Columns: sku,name,brand,type,price,monthly_fee,months.",
            "Text cells are formula-guarded; amounts are yuan with two decimals."
        })
public final class CatalogFeedCommand extends ChanopsCommand {
    @Option(
            names = "--channel",
            required = true,
            paramLabel = "CHANNEL",
            description = "web, wap, app, partner or hall.")
    String channel;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    @Option(names = "--bom", description = "Start with a UTF-8 BOM, so Excel shows Chinese text correctly.")
    boolean bom;

    @Override
    protected int run() {
        OutputFile file = out == null ? null : ctx().outputs().file(out);
        String c = CatalogListCommand.parseChannel(channel);
        Listing listing = new Listing(ChannelFeed.COLUMNS);
        ChannelFeed.rows(
                        ctx().ledger()
                                .read(h -> h.attach(ProductRepository.class).list()),
                        c)
                .forEach(listing::add);
        if (out != null) {
            Renderer.renderToFile(listing, Format.CSV, file, bom);
            ctx().info("wrote " + Named.count(listing.size(), "product") + " of channel " + c + " to " + out);
        } else {
            Renderer.render(listing, Format.CSV, out(), bom, false);
        }
        return ExitCode.OK;
    }
}
