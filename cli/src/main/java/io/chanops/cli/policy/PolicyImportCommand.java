package io.chanops.cli.policy;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.mixin.ImportDryRunOption;
import io.chanops.cli.mixin.InputFileOptions;
import io.chanops.cli.support.UpsertImports;
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
        return UpsertImports.run(
                ctx(),
                file,
                dryRun.on(),
                "policy",
                "policies",
                () -> PolicyService.of(ctx().ledger(), ctx().operation())
                        .importFile(file, input.charset(), input.force(), dryRun.on(), ctx()::warn));
    }
}
