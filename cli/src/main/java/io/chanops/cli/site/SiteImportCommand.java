package io.chanops.cli.site;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.mixin.ImportDryRunOption;
import io.chanops.cli.mixin.InputFileOptions;
import io.chanops.cli.support.DryRunRefusals;
import io.chanops.ledger.InputRejectedException;
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
        SiteImport.Result r;
        try {
            r = new SiteImport(ctx().ledger(), ctx().operation(), PolicyRepository.SITE_USE)
                    .importFile(file, input.charset(), input.force(), dryRun.on(), ctx()::warn);
        } catch (InputRejectedException e) {
            if (!dryRun.on()) {
                throw e;
            }
            return DryRunRefusals.report(ctx(), file, e);
        }
        if (dryRun.on()) {
            out().printf(
                            "dry run: %d sites in %s are valid: %d would be created, %d updated, %d unchanged;"
                                    + " nothing written%n",
                            r.rows(), file.getFileName(), r.created(), r.updated(), r.unchanged());
        } else {
            out().printf(
                            "imported %d sites from %s (batch %d): %d created, %d updated, %d unchanged%n",
                            r.rows(), file.getFileName(), r.batchId(), r.created(), r.updated(), r.unchanged());
        }
        return ExitCode.OK;
    }
}
