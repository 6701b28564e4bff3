package io.chanops.cli.policy;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.mixin.ImportDryRunOption;
import io.chanops.cli.mixin.InputFileOptions;
import io.chanops.cli.support.DryRunRefusals;
import io.chanops.ledger.InputRejectedException;
import io.chanops.replenish.policy.PolicyService;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "import",
        footerHeading = "%nExamples:%n",
        footer = {"  chanops policy import samples/policies.csv"},
        description =
                "Import policies.csv (site_id,sku,t_days,R,S,L,locked; optionally locked_until and reason): validate "
                        + "every row, then upsert all in one transaction. A policy list CSV imports back.")
public final class PolicyImportCommand extends ChanopsCommand {
    @Parameters(paramLabel = "FILE", description = "policies.csv")
    Path file;

    @Mixin
    InputFileOptions input;

    @Mixin
    ImportDryRunOption dryRun;

    @Override
    protected int run() {
        PolicyService.ImportResult r;
        try {
            r = PolicyService.of(ctx().ledger(), ctx().operation())
                    .importFile(file, input.charset(), input.force(), dryRun.on(), ctx()::warn);
        } catch (InputRejectedException e) {
            if (!dryRun.on()) {
                throw e;
            }
            return DryRunRefusals.report(ctx(), file, e);
        }
        if (dryRun.on()) {
            out().printf(
                            "dry run: %d policies in %s are valid: %d would be created, %d updated, %d unchanged;"
                                    + " nothing written%n",
                            r.rows(), file.getFileName(), r.created(), r.updated(), r.unchanged());
        } else {
            out().printf(
                            "imported %d policies from %s (batch %d): %d created, %d updated, %d unchanged%n",
                            r.rows(), file.getFileName(), r.batchId(), r.created(), r.updated(), r.unchanged());
        }
        return ExitCode.OK;
    }
}
