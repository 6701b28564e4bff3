package io.chanops.cli.replenish;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.UserException;
import io.chanops.cli.support.Bounded;
import io.chanops.cli.support.CharsetConverter;
import io.chanops.cli.support.Format;
import io.chanops.cli.support.Listing;
import io.chanops.cli.support.Renderer;
import io.chanops.cli.support.Style;
import io.chanops.cli.support.Workbooks;
import io.chanops.cli.support.XlsxWriter;
import io.chanops.ledger.text.Named;
import io.chanops.ledger.time.Durations;
import io.chanops.replenish.orders.Order;
import io.chanops.replenish.orders.VehicleLoad;
import io.chanops.replenish.planning.DayPlan;
import io.chanops.replenish.planning.DayPlanner;
import io.chanops.replenish.planning.DeliveryDay;
import io.chanops.replenish.planning.DeliveryOrder;
import io.chanops.replenish.planning.PlanResult;
import io.chanops.replenish.planning.io.PlanFiles;
import io.chanops.replenish.planning.solver.EmergencyPlanner;
import io.chanops.replenish.planning.solver.SolverSettings;
import io.chanops.replenish.planning.solver.SolverTuning;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "plan",
        footerHeading = "%nExamples:%n",
        footer = {
            "  chanops replenish plan --date 2026-03-02 --vehicles samples/vehicles.csv --time-limit 30s",
            "  chanops replenish plan --date 2026-03-02 --vehicles samples/vehicles.csv --out plan --apply"
        },
        description = {
            "Plan the day's emergency deliveries: routes for the vehicles under van capacity, warehouse stock, store "
                    + "hours and shift ends.",
            "Exit 3 when emergency units are left unserved (unserved.csv says why)."
        })
public final class ReplenishPlanCommand extends ChanopsCommand {
    /** The fastest a van is taken to drive between stops without a matrix entry. */
    static final int MAX_SPEED_KMH = 200;
    /** The longest stop: a day. */
    static final int MINUTES_A_DAY = 1440;

    @Option(
            names = "--date",
            required = true,
            paramLabel = "DATE",
            description = "Delivery day YYYY-MM-DD: emergency orders due that day.")
    LocalDate date;

    @Option(
            names = "--vehicles",
            required = true,
            paramLabel = "FILE",
            description = "vehicles.csv: vehicle_id,depot,capacity,shift_start,shift_end.")
    Path vehicles;

    @Option(
            names = "--matrix",
            paramLabel = "FILE",
            description = "matrix.csv: from,to,minutes[,km]; missing pairs use great-circle distance.")
    Path matrix;

    @Option(
            names = "--speed-kmh",
            defaultValue = "30",
            paramLabel = "N",
            description = "Speed for great-circle travel (default ${DEFAULT-VALUE}).")
    double speedKmh;

    @Option(
            names = "--service-minutes",
            defaultValue = "10",
            paramLabel = "N",
            description = "Minutes to unload at a stop (default ${DEFAULT-VALUE}).")
    int serviceMinutes;

    @Option(
            names = "--time-limit",
            defaultValue = "30s",
            paramLabel = "DURATION",
            description = "Longest the solver runs, e.g. 30s, 2m, 500ms (default ${DEFAULT-VALUE}).")
    String timeLimit;

    @Option(
            names = "--unimproved-limit",
            paramLabel = "DURATION",
            description =
                    "Stop after this long without a better plan (default: a third of --time-limit, or stops/200 of it"
                            + " when more, at least 2s; a day of 200 stops or more gets the whole limit).")
    String unimprovedLimit;

    @Option(
            names = "--max-steps",
            paramLabel = "N",
            description =
                    "Stop local search after N steps instead of the unimproved limit: the same plan on any machine.")
    Integer maxSteps;

    @Option(
            names = "--seed",
            defaultValue = "0",
            paramLabel = "N",
            description = "Random seed: same input and seed, same plan (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--include-regular", description = "Also plan open regular orders due on or before DATE.")
    boolean includeRegular;

    @Option(
            names = "--out",
            paramLabel = "DIR|FILE.xlsx",
            description =
                    "Write routes.csv, lines.csv, unserved.csv, summary.csv to DIR instead of printing the plan; a "
                            + "FILE.xlsx is one workbook with a sheet per file.")
    Path out;

    @Option(
            names = "--format",
            paramLabel = "csv|xlsx",
            description = "csv files in DIR, or one xlsx workbook at --out (default: xlsx when --out ends in .xlsx).")
    String format;

    @Option(names = "--bom", description = "Start the CSV files with a UTF-8 BOM (Excel).")
    boolean bom;

    @Option(
            names = "--apply",
            description = {
                "Mark the planned orders 'planned' with their vehicle and stop (one transaction).",
                "Refused (exit 4, nothing marked, no files written) if an order changed while planning: plan again."
            })
    boolean apply;

    @Option(
            names = "--charset",
            paramLabel = "CS",
            converter = CharsetConverter.class,
            description = "Charset of vehicles.csv and matrix.csv (default UTF-8).")
    Charset charset = StandardCharsets.UTF_8;

    @Option(
            names = "--tuning",
            hidden = true,
            description = "Solver configuration to compare (benchmarks): ${COMPLETION-CANDIDATES}.")
    SolverTuning tuning = SolverTuning.DEFAULT;

    @Option(
            names = "--method",
            hidden = true,
            description = "solver | greedy (the nearest-neighbour baseline, for benchmarks).")
    String method = "solver";

    @Override
    protected int run() {
        // DIR and its four files are checked before planning
        boolean workbook = Workbooks.wanted(format, out);
        PlanFiles files = out == null
                ? null
                : workbook
                        ? PlanFiles.declareWorkbook(ctx().outputs(), out, XlsxWriter::workbook)
                        : PlanFiles.declare(ctx().outputs(), out);
        LocalDate day = date;
        if (!(speedKmh >= 1 && speedKmh <= MAX_SPEED_KMH)) {
            throw UserException.usage("--speed-kmh must be between 1 and " + MAX_SPEED_KMH + " (got " + speedKmh + ")");
        }
        Bounded.require("--service-minutes", serviceMinutes, 0, MINUTES_A_DAY);
        if (maxSteps != null && maxSteps <= 0) {
            throw UserException.usage("--max-steps must be > 0");
        }
        Duration limit = duration("--time-limit", timeLimit);
        Duration unimproved = unimprovedLimit == null ? null : duration("--unimproved-limit", unimprovedLimit);
        EmergencyPlanner.Method how = switch (method.toLowerCase(Locale.ROOT)) {
            case "solver" -> EmergencyPlanner.Method.SOLVER;
            case "greedy" -> EmergencyPlanner.Method.GREEDY;
            default -> throw UserException.usage("--method " + method + ": expected solver or greedy");
        };
        SolverSettings settings = new SolverSettings(limit, unimproved, seed, maxSteps, tuning);
        DayPlanner.Request request = new DayPlanner.Request(
                day, vehicles, matrix, charset, speedKmh, serviceMinutes, includeRegular, settings, how);
        DeliveryDay deliveries = DeliveryDay.of(ctx().ledger(), ctx().operation());
        DayPlan dayPlan;
        try (LiveLine live = new LiveLine(limit)) {
            dayPlan = new DayPlanner(deliveries).plan(request, ctx()::warn, live);
        }
        PlanResult plan = dayPlan.result();
        if (plan.stops() == 0 && plan.unserved().isEmpty()) {
            String nothing = "nothing to plan: no open " + (includeRegular ? "emergency or regular" : "emergency")
                    + " orders due " + day;
            SortedMap<LocalDate, Long> dueDays = deliveries.openEmergencyDueDays();
            if (dueDays.isEmpty()) {
                ctx().info(nothing);
            } else {
                // most likely a --date typed wrong: say which days have emergencies to deliver
                List<String> days = new ArrayList<>();
                dueDays.forEach((d, n) -> days.add(d + " (" + n + ")"));
                ctx().warn(nothing + "; open emergency orders are due " + String.join(", ", days));
            }
        }
        // Printed once solving is done and before anything is applied or published: PlanApplyRaceTest changes an order
        // when it sees this line.
        ctx().info(String.format(
                "%d vehicles, %d stops, %d units delivered, %d unserved, %d min travel; score %s",
                plan.vehiclesUsed(),
                plan.stops(),
                plan.unitsDelivered(),
                plan.unitsUnserved(),
                plan.totalTravelMinutes(),
                plan.score()));
        // The files are complete before the apply commits, and published only by it (after its marks, before its
        // commit): a refused apply leaves --out as it was.
        if (files != null) {
            files.write(plan, bom);
        }
        Runnable publish = ctx().outputs()::publish;
        if (apply) {
            DeliveryDay.Application applied = deliveries.apply(dayPlan, publish);
            if (!applied.sameDay().isEmpty()) {
                applied.sameDay().forEach(load -> ctx().err().println(sameDayLoad(load)));
                throw UserException.inputRejected("a plan counts only open orders, so it would load "
                        + (applied.sameDay().size() == 1 ? "that vehicle" : "those vehicles") + " again: nothing was"
                        + " marked" + (out == null ? "" : ", no files were written") + "; 'replenish unplan --vehicle V"
                        + " --date " + day + "' puts a load back to plan the day again with it, or plan the new orders"
                        + " with a vehicles file without " + (applied.sameDay().size() == 1 ? "it" : "them"));
            }
            if (applied.refused()) {
                applied.changed().forEach(change -> ctx().err().println(change));
                throw UserException.inputRejected(applied.changed().size()
                        + " of the plan's orders changed while it was " + "solved: nothing was marked"
                        + (out == null ? "" : ", no files were written") + "; plan again");
            }
            ctx().info("marked " + Named.count(applied.marked(), "order") + " planned");
            for (VehicleLoad load : applied.otherDays()) {
                ctx().warn(load.vehicleId() + " also holds "
                        + Named.count(load.orders().size(), "order") + " planned for "
                        + load.dayText() + ", not shipped yet"
                        + (load.day() == null
                                ? ""
                                : ": replenish ship --vehicle " + load.vehicleId() + " --date " + load.day()
                                        + " ships them"));
            }
        } else {
            deliveries
                    .sameDayLoads(dayPlan)
                    .forEach(load -> ctx().warn(
                                    sameDayLoad(load) + ": this plan does not count it, and --apply would be refused"));
            publish.run();
        }
        if (out != null) {
            ctx().info(
                            workbook
                                    ? "wrote the sheets routes, lines, unserved, summary to " + out
                                    : "wrote routes.csv, lines.csv, unserved.csv, summary.csv to " + out);
        } else {
            print(plan);
        }
        if (plan.emergencyUnitsUnserved() > 0) {
            ctx().warn(plan.emergencyUnitsUnserved() + " emergency units left unserved");
            return ExitCode.ATTENTION;
        }
        return ExitCode.OK;
    }

    /** A vehicle's load already planned for the plan's day, named. */
    private static String sameDayLoad(VehicleLoad load) {
        long units = load.orders().stream().mapToLong(Order::outstanding).sum();
        return load.vehicleId() + " already carries "
                + Named.count(load.orders().size(), "order") + " (" + Named.count(units, "unit") + ") planned for "
                + load.dayText() + " by an earlier plan";
    }

    private void print(PlanResult plan) {
        // the table only: routes.csv keeps the columns SPEC §6 fixes (vehicle_id,stop,site_id,arrive,depart,load)
        Listing stops = Listing.of("vehicle", "stop", "site", "arrive", "wait", "depart", "unload");
        for (PlanResult.Route r : plan.routes()) {
            if (r.stops().isEmpty()) {
                stops.add(Style.DIM, List.of(r.vehicleId(), "", r.depot(), "", "", "", "idle"));
                continue;
            }
            stops.add(
                    Style.NONE,
                    List.of(
                            r.vehicleId(),
                            0,
                            r.depot(),
                            "",
                            "",
                            EmergencyPlanner.clock(r.leaves()),
                            "load " + Named.count(r.load(), "unit") + ", " + r.travelMinutes() + " min driving"));
            for (PlanResult.Stop s : r.stops()) {
                stops.add(
                        r.vehicleId(),
                        s.stopNo(),
                        s.siteId(),
                        EmergencyPlanner.clock(s.arrive()),
                        s.waitMinutes() > 0 ? s.waitMinutes() + " min" : "",
                        EmergencyPlanner.clock(s.depart()),
                        s.lines().stream().map(ReplenishPlanCommand::line).collect(Collectors.joining(", ")));
            }
            stops.add(
                    Style.NONE,
                    List.of(
                            r.vehicleId(),
                            r.stops().size() + 1,
                            r.depot(),
                            EmergencyPlanner.clock(r.returns()),
                            "",
                            "",
                            "back at depot"));
        }
        Renderer.render(stops, Format.TABLE, out(), false, ctx().colour(), ctx().tableWidth());
        if (!plan.unserved().isEmpty()) {
            out().println();
            out().println("Unserved:");
            Listing unserved = Listing.of("order_id", "kind", "site", "sku", "qty", "reason");
            for (PlanResult.UnservedOrder u : plan.unserved()) {
                DeliveryOrder o = u.order();
                unserved.add(
                        o.emergency() ? Style.RED : Style.YELLOW,
                        List.of(o.orderId(), o.kind(), o.siteId(), o.sku(), o.qty(), u.reason()));
            }
            Renderer.render(unserved, Format.TABLE, out(), false, ctx().colour(), ctx().tableWidth());
        }
    }

    private static String line(DeliveryOrder o) {
        return o.sku() + " x" + o.qty() + " (" + o.orderId() + ")";
    }

    private static Duration duration(String option, String text) {
        Duration d = Durations.parse(text, ChronoUnit.SECONDS)
                .orElseThrow(() ->
                        UserException.usage(option + " '" + text + "': expected a duration such as 30s, 2m, 500ms"));
        if (d.isZero()) {
            throw UserException.usage(option + " '" + text + "': must be more than 0");
        }
        return d;
    }

    /**
     * The live line on a terminal's standard error, in words, rewritten in place as the plan improves:
     * {@code planning: 0 broken rules, 120 units unserved, 941 min driving — 19.7 s of 30 s}. Drawn only once solving
     * has taken about 2 s, and erased when it ends (the summary line follows). With --verbose every improvement is
     * logged on its own line instead (the benchmark reads time-to-feasible from it).
     */
    private final class LiveLine implements Consumer<PlanResult.Improvement>, AutoCloseable {
        private static final long QUIET_MILLIS = 2000;
        private final Duration limit;
        private boolean drawn;
        private int drawnLength;
        private long lastDrawn = -1;

        LiveLine(Duration limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void accept(PlanResult.Improvement i) {
            if (ctx().verbose()) {
                ctx().err().printf("best %s at %d ms%n", i.score(), i.millis());
                ctx().err().flush();
            } else if (ctx().progressShown() && i.millis() >= QUIET_MILLIS) {
                // thousands of improvements a second early on: redraw at most five times a second
                if (lastDrawn < 0 || i.millis() - lastDrawn >= 200) {
                    draw(i);
                }
            }
        }

        private void draw(PlanResult.Improvement i) {
            String text = words(i, limit);
            int gap = Math.max(0, drawnLength - text.length());
            ctx().err().print("\r" + text + " ".repeat(gap));
            ctx().err().flush();
            drawn = true;
            drawnLength = text.length();
            lastDrawn = i.millis();
        }

        @Override
        public synchronized void close() {
            if (drawn) {
                ctx().err().print("\r" + " ".repeat(drawnLength) + "\r");
                ctx().err().flush();
            }
        }
    }

    /** {@code planning: 0 broken rules, 120 units unserved, 941 min driving — 19.7 s of 30 s}. */
    static String words(PlanResult.Improvement i, Duration limit) {
        return String.format(
                Locale.ROOT,
                "planning: %d broken %s, %d units unserved, %d min driving \u2014 %.1f s of %s",
                i.brokenRules(),
                i.brokenRules() == 1 ? "rule" : "rules",
                i.unitsUnserved(),
                i.travelMinutes(),
                i.millis() / 1000.0,
                seconds(limit));
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
