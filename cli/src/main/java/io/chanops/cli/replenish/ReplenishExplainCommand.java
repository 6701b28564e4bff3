package io.chanops.cli.replenish;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.mixin.OutputOptions;
import io.chanops.cli.support.Listing;
import io.chanops.replenish.check.Explanation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "explain",
        footerHeading = "%nExamples:%n",
        footer = {"  chanops replenish explain --site GZ-TH-01 --sku HS-IP16-128"},
        description =
                "Everything behind one position's numbers: stock, policy and where it came from, review cycle, last "
                        + "check and order, which inequality fires.")
public final class ReplenishExplainCommand extends ChanopsCommand {
    @Option(names = "--site", required = true, paramLabel = "S", description = "Store.")
    String site;

    @Option(names = "--sku", required = true, paramLabel = "K", description = "SKU.")
    String sku;

    @Mixin
    OutputOptions output;

    @Override
    protected int run() {
        Listing listing = Listing.of("topic", "value");
        Explanation.of(ctx().ledger(), ctx().operation())
                .explain(site, sku, CheckConfig.settings(ctx()))
                .forEach(f -> listing.add(f.topic(), f.value()));
        output.render(ctx(), listing);
        return ExitCode.OK;
    }
}
