package io.chanops.cli.reconcile;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.mixin.OutputOptions;
import io.chanops.cli.support.Listing;
import io.chanops.cli.support.Style;
import io.chanops.ledger.money.Fen;
import io.chanops.reconcile.run.RunHistory;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "list",
        footerHeading = "%nExamples:%n",
        footer = {"  chanops reconcile list", "  chanops reconcile list --format csv"},
        description = "List reconciliation runs.")
public final class ReconcileListCommand extends ChanopsCommand {
    @Mixin
    OutputOptions output;

    @Override
    protected int run() {
        Listing listing = Listing.of(
                        "run_id",
                        "run_at",
                        "platform_file",
                        "boss_file",
                        "platform_rows",
                        "boss_rows",
                        "matched",
                        "discrepancies",
                        "resolved_late",
                        "platform_total",
                        "boss_total",
                        "carry",
                        "forced",
                        "out_dir")
                .hideFirst(
                        "platform_rows",
                        "boss_rows",
                        "resolved_late",
                        "carry",
                        "forced",
                        "out_dir",
                        "platform_file",
                        "run_at");
        for (RunHistory.Run r : new RunHistory(ctx().ledger()).runs()) {
            listing.add(
                    r.discrepancies() > 0 ? Style.YELLOW : Style.GREEN,
                    Arrays.asList(
                            r.runId(),
                            r.runAt(),
                            r.platformFile(),
                            r.bossFile(),
                            r.platformRows(),
                            r.bossRows(),
                            r.matched(),
                            r.discrepancies(),
                            r.resolvedLate(),
                            Fen.toYuan(r.platformTotalFen()),
                            Fen.toYuan(r.bossTotalFen()),
                            r.carry(),
                            r.forced(),
                            r.outDir()));
        }
        output.render(ctx(), listing);
        return ExitCode.OK;
    }
}
