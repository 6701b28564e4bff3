package io.chanops.cli.reconcile;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.UserException;
import io.chanops.cli.support.CharsetConverter;
import io.chanops.cli.support.Listing;
import io.chanops.cli.support.Progress;
import io.chanops.cli.support.Renderer;
import io.chanops.cli.support.Style;
import io.chanops.cli.support.Workbooks;
import io.chanops.cli.support.XlsxWriter;
import io.chanops.ledger.money.Fen;
import io.chanops.ledger.text.Named;
import io.chanops.reconcile.match.Item;
import io.chanops.reconcile.run.ReconcileService;
import io.chanops.reconcile.run.Reports;
import io.chanops.reconcile.run.RunOutcome;
import io.chanops.reconcile.run.RunRequest;
import io.chanops.reconcile.run.Window;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "run",
        footerHeading = "%nExamples:%n",
        footer = {
            "  chanops reconcile run --platform samples/platform-orders-2026-02.csv --boss samples/boss-2026-02.csv "
                    + "--profile samples/boss-profile.properties",
            "  chanops reconcile run --platform samples/platform-orders-2026-02.csv --boss samples/boss-2026-02.csv "
                    + "--profile samples/boss-profile.properties --out recon-2026-02 --mask"
        },
        description = {
            "Reconcile platform-orders.csv against a BOSS export (read through a profile), write summary.csv, "
                    + "discrepancies.csv and matched.csv, and store the run in the ledger.",
            "Exit 3 when any discrepancy was found; 4 when an input is rejected or the same pair of files was "
                    + "reconciled before."
        })
public final class ReconcileRunCommand extends ChanopsCommand {
    @Option(names = "--platform", required = true, paramLabel = "FILE", description = "platform-orders.csv")
    Path platform;

    @Option(names = "--boss", required = true, paramLabel = "FILE", description = "The BOSS export.")
    Path boss;

    @Option(
            names = "--profile",
            required = true,
            paramLabel = "FILE",
            description = "The BOSS export profile (.properties, UTF-8).")
    Path profile;

    @Option(
            names = "--out",
            paramLabel = "DIR|FILE.xlsx",
            description =
                    "Directory for the reports (default ./reconcile-<run id>/); a FILE.xlsx is one workbook with a "
                            + "sheet per report.")
    Path out;

    @Option(
            names = "--format",
            paramLabel = "csv|xlsx",
            description = "csv files in DIR, or one xlsx workbook at --out (default: xlsx when --out ends in .xlsx).")
    String format;

    @Option(
            names = "--tolerance",
            paramLabel = "YUAN",
            defaultValue = "0.00",
            description = "Largest amount difference still MATCHED (default ${DEFAULT-VALUE}).")
    String tolerance;

    @Option(
            names = "--window",
            paramLabel = "30m",
            defaultValue = "30m",
            description =
                    "Time window for matching BOSS rows without order_ref (s, m, h, d; default ${DEFAULT-VALUE}).")
    String window;

    @Option(
            names = "--carry",
            description = "Match earlier runs' open MISSING_IN_BOSS orders against this BOSS export (RESOLVED_LATE).")
    boolean carry;

    @Option(names = "--mask", description = "Write msisdn as 138****1234 in the reports and on the terminal.")
    boolean mask;

    @Option(names = "--bom", description = "Start the CSV reports with a UTF-8 BOM (Excel).")
    boolean bom;

    @Option(
            names = "--dry-run",
            description = "Write the reports and store nothing: a look at a pair of files before the run is recorded"
                    + " (no confirmed orders, nothing carried or closed).")
    boolean dryRun;

    @Option(
            names = "--charset",
            paramLabel = "CS",
            converter = CharsetConverter.class,
            description = "Charset of the platform file (default UTF-8; the BOSS charset comes from the profile).")
    Charset charset = StandardCharsets.UTF_8;

    @Option(
            names = "--force",
            description = "Reconcile even if this pair of files (same SHA-256) was reconciled before.")
    boolean force;

    @Override
    protected int run() {
        long toleranceFen = Fen.parseYuan(tolerance)
                .filter(t -> t >= 0)
                .orElseThrow(
                        () -> UserException.usage("--tolerance " + tolerance + ": expected yuan such as 0.00 or 0.05"));
        long windowSeconds = Window.parseSeconds(window)
                .orElseThrow(() ->
                        UserException.usage("--window " + window + ": expected a duration such as 30m, 2h or 90s"));
        RunRequest req = new RunRequest(
                platform,
                charset,
                boss,
                profile,
                out,
                toleranceFen,
                windowSeconds,
                carry,
                mask,
                bom,
                force,
                dryRun,
                ctx().now(),
                ctx().operation().user());
        boolean workbook = Workbooks.wanted(format, out);
        RunOutcome outcome;
        try (Progress progress = Progress.start(ctx(), "reconcile", -1, "rows")) {
            outcome = new ReconcileService(
                            ctx()::ledger,
                            t -> {
                                if (ctx().verbose()) {
                                    ctx().err().println(t);
                                    ctx().err().flush();
                                }
                            },
                            ctx().outputs())
                    .toWorkbook(workbook ? XlsxWriter::workbook : null)
                    .run(req, ctx()::warn, progress);
        }
        print(outcome);
        return outcome.hasDiscrepancies() ? ExitCode.ATTENTION : ExitCode.OK;
    }

    private void print(RunOutcome o) {
        var out = out();
        out.printf(
                "run %d: %s (%d rows, %s) against %s (%d rows, %s%s)%n",
                o.runId(),
                platform.getFileName(),
                o.platformRows(),
                Fen.format(o.platformTotalFen()),
                boss.getFileName(),
                o.bossRows(),
                Fen.format(o.bossTotalFen()),
                o.bossTotalRows() == 0 ? "" : "; " + Named.count(o.bossTotalRows(), "total row") + " left out");
        Listing summary = new Listing(Reports.SUMMARY);
        for (List<Object> row : Reports.summaryRows(o.summary(), o.carry(), o.platformTotalFen(), o.bossTotalFen())) {
            summary.add(styleOf(row), row);
        }
        Renderer.table(summary, out, ctx().colour(), ctx().tableWidth());
        if (!o.resolvedLate().isEmpty()) {
            out.println("resolved late (earlier MISSING_IN_BOSS orders found in this BOSS export):");
            Listing late = new Listing(Reports.RESOLVED_LATE);
            for (Item item : o.resolvedLate()) {
                late.add(Style.CYAN, Reports.resolvedLateRow(item, mask));
            }
            Renderer.table(late, out, ctx().colour(), ctx().tableWidth());
        }
        long disagreeing = o.lateDisagreeing();
        if (disagreeing > 0) {
            out.printf(
                    "%s found late %s with %s BOSS group (amount or status, see resolved-late.csv): closed, not"
                            + " confirmed, no commission%n",
                    Named.count(disagreeing, "order"),
                    disagreeing == 1 ? "disagrees" : "disagree",
                    disagreeing == 1 ? "its" : "their");
        }
        out.printf("%d discrepancies; reports in %s%n", o.summary().discrepancies(), o.outDir());
        if (dryRun) {
            out.printf("dry run: nothing stored (%d is the id the run would take)%n", o.runId());
        }
    }

    private static Style styleOf(List<Object> row) {
        String category = (String) row.get(0);
        long count = ((Number) row.get(1)).longValue();
        if (category.equals("TOTAL")) {
            return Style.BOLD;
        }
        if (count == 0) {
            return Style.DIM;
        }
        return switch (category) {
            case "MATCHED" -> Style.GREEN;
            case "OK_CANCELLED" -> Style.NONE;
            case "RESOLVED_LATE" -> Style.CYAN;
            case "AMOUNT_MISMATCH", "STATUS_MISMATCH", "MISSING_IN_BOSS", "MISSING_IN_PLATFORM" -> Style.RED;
            default -> Style.YELLOW;
        };
    }
}
