package io.chanops.cli.policy;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.UserException;
import io.chanops.cli.mixin.OutputOptions;
import io.chanops.cli.mixin.PositionFilterOptions;
import io.chanops.cli.replenish.CheckConfig;
import io.chanops.cli.support.Bounded;
import io.chanops.cli.support.Listing;
import io.chanops.cli.support.Progress;
import io.chanops.cli.support.Style;
import io.chanops.replenish.check.StockFeed;
import io.chanops.replenish.policy.Policy;
import io.chanops.replenish.policy.PolicyFile;
import io.chanops.replenish.policy.PolicyTuner;
import io.chanops.replenish.policy.TuneService;
import io.chanops.replenish.position.PositionFilter;
import io.chanops.replenish.simulate.ServiceLevel;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "tune",
        footerHeading = "%nExamples:%n",
        footer = {
            "  chanops policy tune --dry-run",
            "  chanops policy tune --site GZ-TH-01 --history-days 56 --service-level 0.98"
        },
        description = {
            "Derive R, S, L of unlocked store positions from sales in the history window (days out of stock left out;",
            "Poisson quantiles for slow sellers). Prints old -> new for every new or changed position; locked "
                    + "positions are never changed."
        })
public final class PolicyTuneCommand extends ChanopsCommand {
    public static final List<String> COLUMNS =
            List.of("site_id", "sku", "status", "t_days", "R", "S", "L", "days", "mu", "sigma", "method");

    @Option(
            names = "--history-days",
            paramLabel = "N",
            description = "Days of sales before today to learn from (default ${DEFAULT-VALUE}).")
    int historyDays = 28;

    @Option(
            names = "--service-level",
            paramLabel = "P",
            description = "Probability of not running out during a cycle (default ${DEFAULT-VALUE}).")
    double serviceLevel = 0.95;

    @Option(
            names = "--lead-days",
            paramLabel = "N",
            description = "Lead time of a regular order in days (default: config lead.days, else 2).")
    Integer leadDays;

    @Option(names = "--dry-run", description = "Show what would change; write nothing.")
    boolean dryRun;

    @Option(names = "--all", description = "Also list unchanged, locked and no-data positions.")
    boolean all;

    @Mixin
    PositionFilterOptions positions;

    @Mixin
    OutputOptions output;

    @Override
    protected int run() {
        Bounded.require("--history-days", historyDays, 1, PolicyTuner.MAX_HISTORY_DAYS);
        if (!(serviceLevel > 0 && serviceLevel < 1)) {
            throw UserException.usage(
                    "--service-level must be between 0 and 1, e.g. 0.95" + ServiceLevel.percentHint(serviceLevel));
        }
        int lead = leadDays != null ? leadDays : CheckConfig.leadDays(ctx());
        Bounded.require("--lead-days", lead, 0, PolicyTuner.MAX_LEAD_DAYS);
        PositionFilter only = positions.storesOn(ctx().ledger(), PolicyFile.STORES_ONLY);
        TuneService.Report report;
        boolean table = output.isTable(ctx());
        try (Progress progress = Progress.start(ctx(), "policy tune", -1, "moves")) {
            report = TuneService.of(ctx().ledger(), ctx().operation())
                    .tune(
                            new TuneService.Options(
                                    historyDays,
                                    serviceLevel,
                                    lead,
                                    only.site(),
                                    only.sku(),
                                    dryRun,
                                    CheckConfig.displayMin(ctx())),
                            all,
                            progress,
                            r -> output.publishFile(ctx(), listing(r, table)));
        }
        output.print(ctx(), listing(report, table));
        new StockFeed(ctx().ledger())
                .warning(ctx().now(), "tuning took the days since for days without sales")
                .ifPresent(ctx()::warn);
        ctx().info(String.format(
                "tuned %s..%s%s: %d new, %d changed, %d unchanged, %d locked, %d without in-stock days (left as they "
                        + "were)",
                report.from(),
                report.to(),
                dryRun ? " (dry run: nothing written)" : "",
                report.count(TuneService.Status.NEW),
                report.count(TuneService.Status.CHANGED),
                report.count(TuneService.Status.UNCHANGED),
                report.count(TuneService.Status.LOCKED),
                report.count(TuneService.Status.NO_DATA)));
        return ExitCode.OK;
    }

    private static Listing listing(TuneService.Report report, boolean table) {
        Listing listing = new Listing(COLUMNS).styleRows(row -> switch (String.valueOf(row.get(2))) {
            case "new" -> Style.CYAN;
            case "changed" -> Style.YELLOW;
            case "locked", "no-data", "unchanged" -> Style.DIM;
            default -> Style.NONE;
        });
        for (TuneService.Row r : report.rows()) {
            Policy o = r.old();
            Policy n = r.tuned();
            var s = r.stats();
            listing.add(
                    r.siteId(),
                    r.sku(),
                    r.status().toString(),
                    cell(o == null ? null : (long) o.t(), n == null ? null : (long) n.t(), table),
                    cell(o == null ? null : o.r(), n == null ? null : n.r(), table),
                    cell(o == null ? null : o.s(), n == null ? null : n.s(), table),
                    cell(o == null ? null : o.l(), n == null ? null : n.l(), table),
                    s == null ? null : s.days(),
                    s == null ? null : String.format(Locale.ROOT, "%.3f", s.mu()),
                    s == null ? null : String.format(Locale.ROOT, "%.3f", s.sigma()),
                    s == null ? null : s.method().toString());
        }
        return listing;
    }

    /**
     * "old -> new" when the value changes, else the value; CSV/JSON cells stay "old -> new" text only when they differ.
     */
    private static Object cell(Long old, Long now, boolean table) {
        if (now == null) {
            return old;
        }
        if (old == null) {
            return table ? "-> " + now : now;
        }
        return old.equals(now) ? now : old + " -> " + now;
    }
}
