package io.chanops.cli.replenish;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.mixin.OutputOptions;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.replenish.check.Check;
import io.chanops.replenish.check.CheckReport;
import io.chanops.replenish.check.CheckService;
import io.chanops.replenish.check.StockFeed;
import io.chanops.replenish.orders.OrderKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "check",
        footerHeading = "%nExamples:%n",
        footer = {"  chanops replenish check", "  chanops replenish check --emergency-only --format table"},
        description = {
            "The (t,R,S,L) check: emergency step on every run (on hand < L: raise an emergency order, or escalate an "
                    + "open regular one),",
            "periodic review once per cycle (inventory position < R: regular order up to S). Re-running in the same "
                    + "cycle raises nothing new.",
            "Lists what this run raised; exit 3 when it raised or escalated an emergency."
        })
public final class ReplenishCheckCommand extends ChanopsCommand {
    @Option(names = "--emergency-only", description = "Run the emergency step only (the 15-minute cron job).")
    boolean emergencyOnly;

    @Option(
            names = "--dry-run",
            description = "List what the check would raise now, and write nothing (exit 3 when it would raise an"
                    + " emergency).")
    boolean dryRun;

    @Mixin
    OutputOptions output;

    @Override
    protected int run() {
        CheckService checks = CheckService.of(ctx().ledger(), ctx().operation());
        CheckReport report;
        if (dryRun) {
            report = checks.preview(CheckConfig.settings(ctx()), emergencyOnly);
            output.publishFile(ctx(), CheckListing.of(report));
        } else {
            report = checks.run(
                    CheckConfig.settings(ctx()), emergencyOnly, r -> output.publishFile(ctx(), CheckListing.of(r)));
        }
        output.print(ctx(), CheckListing.of(report));
        ctx().info(String.format(
                "%s %s at %s (run %d): %d positions, %d reviewed; %d regular, %d emergency %s, %d escalated%s",
                dryRun ? "dry run of the check" : "check",
                report.scope(),
                LocalTimes.format(ctx().now()),
                report.runId(),
                report.positions(),
                report.reviewed(),
                report.count(Check.Action.RAISED, OrderKind.REGULAR),
                report.count(Check.Action.RAISED, OrderKind.EMERGENCY),
                dryRun ? "to raise" : "raised",
                report.count(Check.Action.ESCALATED, OrderKind.EMERGENCY),
                dryRun ? "; nothing written (the ids are those the check would take)" : ""));
        StockFeed feed = new StockFeed(ctx().ledger());
        feed.warning(ctx().now(), "this check ran on stock not updated since").ifPresent(ctx()::warn);
        feed.pastRun(ctx().now()).ifPresent(ctx()::warn);
        if (report.positions() == 0) {
            // a cron job on a ledger without policies would otherwise report success every time, checking nothing
            ctx().warn("no position has a policy, so nothing was checked: import them with 'policy import' or derive"
                    + " them from sales with 'policy tune'");
        }
        return report.emergencyRaised() ? ExitCode.ATTENTION : ExitCode.OK;
    }
}
