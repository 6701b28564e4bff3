package io.chanops.cli.stock;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.RunContext;
import io.chanops.cli.mixin.InputFileOptions;
import io.chanops.cli.replenish.CheckConfig;
import io.chanops.cli.replenish.CheckListing;
import io.chanops.cli.support.DryRunRefusals;
import io.chanops.cli.support.Format;
import io.chanops.cli.support.Progress;
import io.chanops.cli.support.Renderer;
import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.text.Named;
import io.chanops.replenish.check.CheckReport;
import io.chanops.replenish.check.CheckService;
import io.chanops.replenish.check.CheckSettings;
import io.chanops.replenish.stock.MoveImport;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "import",
        footerHeading = "%nExamples:%n",
        footer = {
            "  chanops stock import samples/moves.csv",
            "  chanops stock import samples/moves-broken.csv --dry-run",
            "  chanops stock import moves-gbk.csv --charset GBK"
        },
        description = "Import moves.csv (at,site_id,sku,kind,qty,ref): validate all rows, then write moves and on-hand "
                + "levels in one transaction; then the emergency check for the positions it touched (exit 3 "
                + "when it raised an emergency).")
public final class StockImportCommand extends ChanopsCommand {
    @Parameters(paramLabel = "FILE", description = "moves.csv")
    Path file;

    @Mixin
    InputFileOptions input;

    @Option(
            names = "--dry-run",
            description = "Validate, give the import's warnings and list the emergency alerts it would raise; write"
                    + " nothing (exit 3 if rows are invalid, else 0).")
    boolean dryRun;

    @Option(
            names = "--skip-booked",
            description = "Leave out the moves the ledger holds already (same ref, site, SKU, kind, time and qty) and "
                    + "import the rest: a feed whose files overlap. Every move needs a ref; a booked document with "
                    + "another time or qty is still refused.")
    boolean skipBooked;

    private MoveImport.Booked booked() {
        return skipBooked ? MoveImport.Booked.SKIP_SAME : MoveImport.Booked.REFUSE;
    }

    @Override
    protected int run() {
        Ledger ledger = ctx().ledger();
        if (dryRun) {
            return dryRun(ledger);
        }
        MoveImport.Result<CheckReport> r;
        CheckSettings settings = CheckConfig.settings(ctx());
        CheckService checks = CheckService.of(ledger, ctx().operation());
        try (Progress progress = Progress.start(ctx(), "stock import", -1, "rows")) {
            r = new MoveImport(ledger, ctx().operation())
                    .importFile(
                            file,
                            input.charset(),
                            input.force(),
                            booked(),
                            ctx()::warn,
                            progress,
                            (h, touched) -> checks.afterImport(touched, settings));
        }
        if (r.rows() == 0) {
            out().printf(
                            "nothing imported from %s: its %d moves are all in the ledger already%n",
                            file.getFileName(), r.skipped());
            return ExitCode.OK;
        }
        out().printf(
                        "imported %s from %s (batch %d), %s updated%s%n",
                        Named.count(r.rows(), "move"),
                        file.getFileName(),
                        r.batchId(),
                        Named.count(r.positions(), "position"),
                        r.skipped() == 0 ? "" : "; " + r.skipped() + " left out, in the ledger already");
        return showAlerts(ctx(), r.after(), "from this import");
    }

    /**
     * Shows what the emergency step raised for the positions an import touched (it ran inside the import's
     * transaction); exit 3 when it raised or escalated an emergency.
     */
    static int showAlerts(RunContext ctx, CheckReport alerts, String source) {
        if (alerts.actions().isEmpty()) {
            return ExitCode.OK;
        }
        ctx.out().printf("%s %s:%n", Named.count(alerts.actions().size(), "emergency alert"), source);
        Renderer.render(
                CheckListing.of(alerts),
                ctx.interactive() ? Format.TABLE : Format.CSV,
                ctx.out(),
                false,
                ctx.colour(),
                ctx.tableWidth());
        return alerts.emergencyRaised() ? ExitCode.ATTENTION : ExitCode.OK;
    }

    private int dryRun(Ledger ledger) {
        if (!input.force() && !skipBooked) {
            try {
                MoveImport.refuseImportedBefore(ledger, file);
            } catch (InputRejectedException e) {
                return DryRunRefusals.report(ctx(), file, e);
            }
        }
        CheckSettings settings = CheckConfig.settings(ctx());
        CheckService checks = CheckService.of(ledger, ctx().operation());
        try (Progress progress = Progress.start(ctx(), "stock import --dry-run", -1, "rows")) {
            MoveImport.Validated<CheckReport> valid = new MoveImport(ledger, ctx().operation())
                    .validate(
                            file,
                            input.charset(),
                            booked(),
                            input.force(),
                            ctx()::warn,
                            progress,
                            (h, onHand) -> checks.previewAfterImport(onHand, settings));
            out().printf(
                            "dry run: %s in %s %s valid, %s%s; nothing written%n",
                            Named.count(valid.moves(), "move"),
                            file.getFileName(),
                            valid.moves() == 1 ? "is" : "are",
                            Named.count(valid.positions(), "position"),
                            valid.booked() == 0
                                    ? ""
                                    : "; " + valid.booked() + " of them in the ledger already, to be left out");
            if (valid.after() != null) {
                showAlerts(ctx(), valid.after(), "the import would raise (the ids are those it would take)");
            }
            // exit 3 of a dry run means invalid rows (SPEC §3): alerts it would raise leave it 0, so that
            // "stock import --dry-run FILE && stock import FILE" still imports a valid file
            return ExitCode.OK;
        } catch (InputRejectedException e) {
            return DryRunRefusals.report(ctx(), file, e);
        }
    }
}
