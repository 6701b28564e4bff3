package io.chanops.cli.stock;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.replenish.CheckConfig;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.replenish.check.CheckReport;
import io.chanops.replenish.check.CheckService;
import io.chanops.replenish.check.CheckSettings;
import io.chanops.replenish.stock.MoveImport;
import java.time.LocalDateTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "add",
        footerHeading = "%nExamples:%n",
        footer = {
            "  chanops stock add --site GZ-TH-01 --sku HS-MATE70-256 --kind count --qty 7",
            "  chanops stock add --site GZ-TH-01 --sku SIM-STD --kind sale --qty 1 --ref P-42",
            "  chanops stock add --site GZ-YX-01 --sku AC-FILM-01 --kind adjust --qty -2",
            "  chanops stock add --site GZ-WH --sku SIM-STD --kind receipt --qty 50 \\",
            "      --at '2026-03-01 18:00'"
        },
        description =
                "Record one stock move without a file: validated, recorded as a batch ('stock add') and followed by "
                        + "the emergency check as `stock import` does with a file of one row (exit 3 when it raised an "
                        + "emergency, 4 when the move is rejected and nothing was written).")
public final class StockAddCommand extends ChanopsCommand {
    @Option(names = "--site", required = true, paramLabel = "S", description = "Site id.")
    String site;

    @Option(names = "--sku", required = true, paramLabel = "K", description = "SKU (a stocked product).")
    String sku;

    @Option(
            names = "--kind",
            required = true,
            paramLabel = "KIND",
            description =
                    "receipt, sale, return, transfer_in, transfer_out, adjust (signed qty) or count (the counted on "
                            + "hand).")
    String kind;

    @Option(names = "--qty", required = true, paramLabel = "N", description = "Units (see --kind).")
    String qty;

    @Option(
            names = "--ref",
            paramLabel = "R",
            description = "Document reference; a move with a ref is booked once (as in moves.csv).")
    String ref;

    @Option(
            names = "--at",
            paramLabel = "'YYYY-MM-DD HH:MM[:SS]'",
            description = "When the move happened (default: now).")
    LocalDateTime at;

    @Override
    protected int run() {
        CheckSettings settings = CheckConfig.settings(ctx());
        CheckService checks = CheckService.of(ctx().ledger(), ctx().operation());
        if (at != null) {
            ctx().refuseEventAhead("--at", at);
        }
        LocalDateTime when = at != null ? at : ctx().now();
        MoveImport.Result<CheckReport> r = new MoveImport(ctx().ledger(), ctx().operation())
                .importOne(
                        new MoveImport.OneMove(LocalTimes.format(when), site, sku, kind, qty, ref),
                        ctx()::warn,
                        (h, touched) -> checks.afterImport(touched, settings));
        out().printf(
                        "added %s %s of %s at %s (%s, batch %d)%n",
                        kind, qty.strip(), sku, site, LocalTimes.format(when), r.batchId());
        return StockImportCommand.showAlerts(ctx(), r.after(), "from this move");
    }
}
