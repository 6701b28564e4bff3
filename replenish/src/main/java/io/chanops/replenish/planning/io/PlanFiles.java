package io.chanops.replenish.planning.io;

import io.chanops.ledger.csv.CsvSink;
import io.chanops.ledger.files.OutputFile;
import io.chanops.ledger.files.OutputGuard;
import io.chanops.ledger.files.OutputKind;
import io.chanops.ledger.files.OutputSet;
import io.chanops.ledger.files.Workbook;
import io.chanops.replenish.planning.DeliveryOrder;
import io.chanops.replenish.planning.PlanResult;
import io.chanops.replenish.planning.solver.EmergencyPlanner;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The plan as files (SPEC §6): routes.csv, lines.csv, unserved.csv, summary.csv in DIR. {@link #declare} checks DIR
 * and its four files before planning; {@link #write} writes all four to temporary files, and they replace DIR's files
 * together when the {@link OutputSet} is published (by {@code --apply}, after its marks and before its commit), so a
 * dispatcher's script never reads half a plan.
 */
public final class PlanFiles {
    public static final List<String> ROUTES = List.of("vehicle_id", "stop", "site_id", "arrive", "depart", "load");
    public static final List<String> LINES = List.of("vehicle_id", "stop", "site_id", "sku", "qty", "order_id");
    public static final List<String> UNSERVED = List.of("order_id", "site_id", "sku", "qty", "reason");
    public static final List<String> SUMMARY = List.of("metric", "value");

    private final OutputFile routes;
    private final OutputFile lines;
    private final OutputFile unserved;
    private final OutputFile summary;

    /** With --out FILE.xlsx: one workbook of four sheets instead of the four files. */
    private final OutputFile workbook;

    private final Workbook.Format format;

    private PlanFiles(OutputFile routes, OutputFile lines, OutputFile unserved, OutputFile summary) {
        this.routes = routes;
        this.lines = lines;
        this.unserved = unserved;
        this.summary = summary;
        this.workbook = null;
        this.format = null;
    }

    private PlanFiles(OutputFile workbook, Workbook.Format format) {
        this.routes = null;
        this.lines = null;
        this.unserved = null;
        this.summary = null;
        this.workbook = workbook;
        this.format = format;
    }

    /**
     * Declares FILE, one workbook with a sheet per file (routes, lines, unserved, summary) written in {@code format}.
     */
    public static PlanFiles declareWorkbook(OutputSet outputs, Path file, Workbook.Format format) {
        return new PlanFiles(outputs.file(file).requireReplaceable(OutputKind.workbook("routes")), format);
    }

    /** Declares DIR (an existing directory, or a new one in an existing directory) and the plan's files in it. */
    public static PlanFiles declare(OutputSet outputs, Path dir) {
        outputs.directory(dir);
        return new PlanFiles(
                file(outputs, dir, "routes.csv", ROUTES),
                file(outputs, dir, "lines.csv", LINES),
                file(outputs, dir, "unserved.csv", UNSERVED),
                file(outputs, dir, "summary.csv", SUMMARY));
    }

    /** Declares file {@code name} of DIR, which replaces an earlier plan's copy of it and nothing else. */
    private static OutputFile file(OutputSet outputs, Path dir, String name, List<String> header) {
        return outputs.file(dir.resolve(name)).requireReplaceable(OutputKind.csv(header));
    }

    /** Writes the plan's four files, all or none, now. */
    public static void write(Path dir, PlanResult plan, boolean bom) {
        try (OutputSet outputs = new OutputSet(OutputGuard.NONE)) {
            declare(outputs, dir).write(plan, bom);
            outputs.publish();
        }
    }

    /**
     * Writes the four files (or the workbook) to their temporary files; they appear in DIR when the set is published.
     */
    public void write(PlanResult plan, boolean bom) {
        if (workbook != null) {
            workbook.write(OutputFile.Access.DEFAULT, out -> format.write(out, book -> tables(plan, book)));
            return;
        }
        tables(plan, (name, header, rows) -> write(fileOf(name), bom, header, rows));
    }

    private OutputFile fileOf(String table) {
        return switch (table) {
            case "routes" -> routes;
            case "lines" -> lines;
            case "unserved" -> unserved;
            default -> summary;
        };
    }

    /** The plan's four tables, named as their files without .csv. */
    private static void tables(PlanResult plan, Workbook book) {
        book.sheet("routes", ROUTES, sink -> {
            for (PlanResult.Route r : plan.routes()) {
                for (PlanResult.Stop s : r.stops()) {
                    sink.row(
                            r.vehicleId(),
                            s.stopNo(),
                            s.siteId(),
                            EmergencyPlanner.clock(s.arrive()),
                            EmergencyPlanner.clock(s.depart()),
                            s.load());
                }
            }
        });
        book.sheet("lines", LINES, sink -> {
            for (PlanResult.Route r : plan.routes()) {
                for (PlanResult.Stop s : r.stops()) {
                    for (DeliveryOrder o : s.lines()) {
                        sink.row(r.vehicleId(), s.stopNo(), s.siteId(), o.sku(), o.qty(), o.orderId());
                    }
                }
            }
        });
        book.sheet("unserved", UNSERVED, sink -> {
            for (PlanResult.UnservedOrder u : plan.unserved()) {
                sink.row(
                        u.order().orderId(),
                        u.order().siteId(),
                        u.order().sku(),
                        u.order().qty(),
                        u.reason());
            }
        });
        book.sheet("summary", SUMMARY, sink -> {
            sink.row("vehicles_used", plan.vehiclesUsed());
            sink.row("stops", plan.stops());
            sink.row("units_delivered", plan.unitsDelivered());
            sink.row("units_unserved", plan.unitsUnserved());
            sink.row("total_travel_minutes", plan.totalTravelMinutes());
            sink.row("score", plan.score());
        });
    }

    private static void write(OutputFile file, boolean bom, List<String> header, Consumer<Workbook.Rows> rows) {
        file.write(OutputFile.Access.DEFAULT, out -> {
            try (CsvSink sink = CsvSink.to(out, bom)) {
                sink.header(header);
                rows.accept(cells -> sink.row(cells));
            }
        });
    }
}
