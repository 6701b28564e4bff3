package io.chanops.cli.site;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.mixin.OutputOptions;
import io.chanops.cli.support.Listing;
import io.chanops.ledger.master.SiteImport;
import io.chanops.ledger.model.Site;
import io.chanops.ledger.site.SiteRepository;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "list",
        footerHeading = "%nExamples:%n",
        footer = {"  chanops site list", "  chanops site list --format csv --out sites.csv"},
        description = "List sites (CSV output has the columns of sites.csv, so it imports back unchanged).")
public final class SiteListCommand extends ChanopsCommand {
    @Mixin
    OutputOptions output;

    @Override
    protected int run() {
        List<Site> sites =
                ctx().ledger().read(h -> h.attach(SiteRepository.class).list());
        Listing listing = new Listing(SiteImport.COLUMNS);
        for (Site s : sites) {
            listing.add(
                    s.siteId(),
                    s.name(),
                    s.kind().toString(),
                    s.city(),
                    s.warehouse(),
                    s.channel(),
                    s.lat(),
                    s.lon(),
                    s.opens(),
                    s.closes());
        }
        output.render(ctx(), listing);
        return ExitCode.OK;
    }
}
