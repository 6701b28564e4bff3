package io.chanops.cli.policy;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.UserException;
import io.chanops.cli.mixin.OutputOptions;
import io.chanops.cli.mixin.PositionFilterOptions;
import io.chanops.cli.replenish.CheckConfig;
import io.chanops.cli.support.Bounded;
import io.chanops.cli.support.DateConverters;
import io.chanops.cli.support.Listing;
import io.chanops.cli.support.Progress;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.ledger.time.TimeHints;
import io.chanops.replenish.policy.PolicyFile;
import io.chanops.replenish.policy.PolicyTuner;
import io.chanops.replenish.position.PositionFilter;
import io.chanops.replenish.simulate.Metrics;
import io.chanops.replenish.simulate.ServiceLevel;
import io.chanops.replenish.simulate.SimulationReport;
import io.chanops.replenish.simulate.SimulationService;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "simulate",
        description = {
            "Replay each store position's recorded daily sales from --from to --to under candidate policies and report "
                    + "what would have happened: demand served and lost, stock-out days, regular and emergency orders "
                    + "(an escalated regular order counts as an emergency), units ordered, mean end-of-day on hand. "
                    + "Writes nothing to the ledger.",
            "Candidates: current (the ledger's policies now); --policies FILE (its positions take its levels, the "
                    + "others keep current); one per --service-level, tuned as policy tune does from the "
                    + "--history-days days before --from, ignoring locks.",
            "The table shows each metric's change against current in parentheses where it differs."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  chanops policy simulate --from 2026-02-02 --to 2026-03-01 \\",
            "      --service-level 0.90,0.95,0.98",
            "  chanops policy simulate --from 2026-02-02 --to 2026-03-01 \\",
            "      --policies next-quarter.csv --by position --format csv --out sim.csv",
            "  chanops policy simulate --from 2026-02-02 --to 2026-03-01 \\",
            "      --site GZ-TH-01 --lead-days 3"
        })
public final class PolicySimulateCommand extends ChanopsCommand {
    public static final List<String> COLUMNS = List.of(
            "candidate",
            "positions",
            "days",
            "demand",
            "served",
            "lost",
            "fill_rate",
            "stockout_days",
            "regular_orders",
            "emergency_orders",
            "units_ordered",
            "avg_on_hand");

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day replayed, YYYY-MM-DD.")
    String from;

    @Option(
            names = "--to",
            required = true,
            paramLabel = "DATE",
            description = "Last day replayed (inclusive), YYYY-MM-DD.")
    String to;

    @Option(
            names = "--policies",
            paramLabel = "FILE",
            description =
                    "A candidate from policies.csv (site_id,sku,t_days,R,S,L,locked): its positions take its levels, "
                            + "the others keep current.")
    Path policies;

    @Option(
            names = "--service-level",
            paramLabel = "LIST",
            description = "Tuned candidates, one per level, e.g. 0.90,0.95,0.98.")
    String serviceLevels;

    @Option(
            names = "--history-days",
            paramLabel = "N",
            description = "Days of sales before --from that tuned candidates learn from (default ${DEFAULT-VALUE}).")
    int historyDays = 28;

    @Option(
            names = "--lead-days",
            paramLabel = "N",
            description = "Lead time of a regular order in days (default: config lead.days, else 2).")
    Integer leadDays;

    @Option(names = "--by", paramLabel = "position", description = "One row per candidate and position.")
    String by;

    @Mixin
    PositionFilterOptions positions;

    @Mixin
    OutputOptions output;

    @Override
    protected int run() {
        LocalDate first = date("--from", from);
        LocalDate last = date("--to", to);
        if (first.isAfter(last)) {
            throw UserException.usage("--from " + first + " is after --to " + last);
        }
        Bounded.require("--history-days", historyDays, 1, PolicyTuner.MAX_HISTORY_DAYS);
        int lead = leadDays != null ? leadDays : CheckConfig.leadDays(ctx());
        Bounded.require("--lead-days", lead, 0, PolicyTuner.MAX_LEAD_DAYS);
        if (by != null && !by.equals("position")) {
            throw UserException.usage("--by '" + by + "': the only grouping is 'position'");
        }
        List<ServiceLevel> levels;
        try {
            levels = serviceLevels == null ? List.of() : ServiceLevel.parseList(serviceLevels);
        } catch (IllegalArgumentException e) {
            throw UserException.usage("--service-level: " + e.getMessage());
        }
        boolean byPosition = by != null;
        PositionFilter only = positions.storesOn(ctx().ledger(), PolicyFile.STORES_ONLY);
        SimulationService.Request request = new SimulationService.Request(
                first,
                last,
                only.site(),
                only.sku(),
                policies,
                StandardCharsets.UTF_8,
                levels,
                historyDays,
                lead,
                CheckConfig.settings(ctx()).anchor(),
                CheckConfig.displayMin(ctx()),
                byPosition);
        SimulationReport report;
        try (Progress progress = Progress.start(ctx(), "policy simulate", -1, "moves")) {
            report = SimulationService.of(ctx().ledger())
                    .simulate(request, ctx()::warn, levels.isEmpty() ? null : progress);
        }
        output.render(ctx(), listing(report, byPosition, output.isTable(ctx())));
        SimulationReport.Result current = report.candidates().get(0);
        int candidates = report.candidates().size();
        ctx().info(String.format(
                "simulated %d positions x %d days (%s..%s, lead %d days) under %d candidate%s; nothing written",
                current.total().positions(),
                report.days(),
                report.from(),
                report.to(),
                lead,
                candidates,
                candidates == 1 ? "" : "s"));
        return ExitCode.OK;
    }

    private static LocalDate date(String option, String text) {
        return LocalTimes.parseDate(text)
                .orElseThrow(() -> UserException.usage(option + " '" + text
                        + "' is not a date: expected YYYY-MM-DD"
                        + DateConverters.orExample(TimeHints.date(text), "2026-03-02")));
    }

    /** The rows; a table (for people) adds each metric's change against current where it differs. */
    static Listing listing(SimulationReport report, boolean byPosition, boolean withChange) {
        List<String> columns = new ArrayList<>(COLUMNS);
        if (byPosition) {
            columns.addAll(1, List.of("site_id", "sku"));
        }
        Listing listing = new Listing(columns);
        SimulationReport.Result current = report.candidates().get(0);
        for (SimulationReport.Result c : report.candidates()) {
            boolean compare = withChange && c != current;
            if (!byPosition) {
                listing.add(row(c.candidate(), null, c.total(), compare ? current.total() : null, report.days()));
                continue;
            }
            for (int i = 0; i < c.positions().size(); i++) {
                SimulationReport.PositionResult p = c.positions().get(i);
                listing.add(row(
                        c.candidate(),
                        p,
                        p.metrics(),
                        compare ? current.positions().get(i).metrics() : null,
                        report.days()));
            }
        }
        return listing;
    }

    private static List<Object> row(
            String candidate, SimulationReport.PositionResult position, Metrics m, Metrics base, int days) {
        List<Object> cells = new ArrayList<>(COLUMNS.size() + 2);
        cells.add(candidate);
        if (position != null) {
            cells.add(position.position().siteId());
            cells.add(position.position().sku());
        }
        cells.add(m.positions());
        cells.add(days);
        cells.add(m.demand());
        cells.add(change(m.served(), base == null ? null : base.served()));
        cells.add(change(m.lost(), base == null ? null : base.lost()));
        cells.add(change(m.fillRate(), base == null ? null : base.fillRate()));
        cells.add(change(m.stockoutDays(), base == null ? null : base.stockoutDays()));
        cells.add(change(m.regularOrders(), base == null ? null : base.regularOrders()));
        cells.add(change(m.emergencyOrders(), base == null ? null : base.emergencyOrders()));
        cells.add(change(m.unitsOrdered(), base == null ? null : base.unitsOrdered()));
        cells.add(change(m.avgOnHand(), base == null ? null : base.avgOnHand()));
        return cells;
    }

    /** The value, or "value (+change)" when there is a base to compare with and the value differs from it. */
    private static Object change(long value, Long base) {
        if (base == null || base == value) {
            return value;
        }
        return value + " (" + (value > base ? "+" : "") + (value - base) + ")";
    }

    private static Object change(BigDecimal value, BigDecimal base) {
        if (base == null || base.compareTo(value) == 0) {
            return value;
        }
        BigDecimal d = value.subtract(base);
        return value.toPlainString() + " (" + (d.signum() > 0 ? "+" : "") + d.toPlainString() + ")";
    }
}
