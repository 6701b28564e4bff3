package io.chanops.cli.site;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.mixin.ImportDryRunOption;
import io.chanops.cli.mixin.InputFileOptions;
import io.chanops.cli.support.UpsertImports;
import io.chanops.ledger.master.SiteImport;
import io.chanops.replenish.policy.PolicyRepository;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "import",
        footerHeading = "%nExamples:%n",
        footer = {"  chanops site import samples/sites.csv"},
        description =
                "Import sites.csv (site_id,name,kind,city,warehouse,channel,lat,lon,opens,closes); upsert by site_id.")
public final class SiteImportCommand extends ChanopsCommand {
    @Parameters(paramLabel = "FILE", description = "sites.csv")
    Path file;

    @Mixin
    InputFileOptions input;

    @Mixin
    ImportDryRunOption dryRun;

    @Override
    protected int run() {
        return UpsertImports.run(
                ctx(),
                file,
                dryRun.on(),
                "site",
                "sites",
                () -> new SiteImport(ctx().ledger(), ctx().operation(), PolicyRepository.SITE_USE)
                        .importFile(file, input.charset(), input.force(), dryRun.on(), ctx()::warn));
    }
}
