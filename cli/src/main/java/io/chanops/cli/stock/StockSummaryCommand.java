package io.chanops.cli.stock;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.mixin.OutputOptions;
import io.chanops.cli.support.Bounded;
import io.chanops.cli.support.Listing;
import io.chanops.cli.support.Style;
import io.chanops.ledger.text.Named;
import io.chanops.replenish.policy.PolicyTuner;
import io.chanops.replenish.position.PositionFilter;
import io.chanops.replenish.position.StoreSummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "summary",
        footerHeading = "%nExamples:%n",
        footer = {"  chanops stock summary", "  chanops stock summary --days 7 --now '2026-03-02 09:30'"},
        description = {
            "One line per store: positions with a policy, how many are below R (inventory position < R) and below L "
                    + "(on hand < L),",
            "on hand, sales per day and days of cover over the last --days, and the SKU that runs out first. Red: "
                    + "something below L."
        })
public final class StockSummaryCommand extends ChanopsCommand {
    public static final List<String> COLUMNS = List.of(
            "site_id",
            "name",
            "positions",
            "below_L",
            "below_R",
            "on_hand",
            "sold_per_day",
            "days_cover",
            "first_out_sku",
            "first_out_days");

    @Option(names = "--site", paramLabel = "S", description = "Only this store.")
    String site;

    @Option(
            names = "--days",
            paramLabel = "N",
            description = "Sales window for days of cover (default ${DEFAULT-VALUE}).")
    int days = 28;

    @Mixin
    OutputOptions output;

    @Override
    protected int run() {
        Bounded.require("--days", days, 1, PolicyTuner.MAX_HISTORY_DAYS);
        new PositionFilter(site, null)
                .requireKnownStore(
                        ctx().ledger(),
                        "stock summary",
                        "the summary is of stores (a warehouse's stock: stock show --site " + site + ")");
        Listing listing = new Listing(COLUMNS)
                .styleRows(row -> ((Number) row.get(3)).longValue() > 0
                        ? Style.RED
                        : ((Number) row.get(4)).longValue() > 0 ? Style.YELLOW : Style.NONE);
        StoreSummary summary = StoreSummary.of(ctx().ledger(), ctx().operation());
        LocalDate end = summary.windowEnd(ctx().clockGiven());
        if (!end.equals(ctx().now().toLocalDate())) {
            ctx().info("note: sales per day over the " + Named.count(days, "day") + " up to the latest move ("
                    + end.minusDays(1)
                    + "), not up to today: the ledger has no moves since; give --now to choose the day");
        }
        for (StoreSummary.Line l : summary.lines(days, site, end)) {
            listing.add(
                    l.siteId(),
                    l.name(),
                    l.positions(),
                    l.belowL(),
                    l.belowR(),
                    l.onHand(),
                    round(l.soldPerDay()),
                    l.daysOfCover() == null ? null : round(l.daysOfCover()),
                    l.shortestSku(),
                    l.shortestCover() == null ? null : round(l.shortestCover()));
        }
        output.render(ctx(), listing);
        return ExitCode.OK;
    }

    private static BigDecimal round(double v) {
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP);
    }
}
