package io.chanops.replenish.planning.io;

import io.chanops.ledger.csv.CsvSink;
import io.chanops.replenish.planning.DeliveryOrder;
import io.chanops.replenish.planning.PlanResult;
import io.chanops.replenish.planning.solver.EmergencyPlanner;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;

/**
 * The plan as files (SPEC §6): routes.csv, lines.csv, unserved.csv, summary.csv. Each is written to a temp file
 * and renamed, so a dispatcher's script never reads half a plan file.
 */
public final class PlanFiles {
    public static final List<String> ROUTES = List.of("vehicle_id", "stop", "site_id", "arrive", "depart", "load");
    public static final List<String> LINES = List.of("vehicle_id", "stop", "site_id", "sku", "qty", "order_id");
    public static final List<String> UNSERVED = List.of("order_id", "site_id", "sku", "qty", "reason");
    public static final List<String> SUMMARY = List.of("metric", "value");

    private PlanFiles() {
    }

    public static void write(Path dir, PlanResult plan, boolean bom) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        write(dir.resolve("routes.csv"), bom, ROUTES, sink -> {
            for (PlanResult.Route r : plan.routes()) {
                for (PlanResult.Stop s : r.stops()) {
                    sink.row(r.vehicleId(), s.stopNo(), s.siteId(), EmergencyPlanner.clock(s.arrive()),
                            EmergencyPlanner.clock(s.depart()), s.load());
                }
            }
        });
        write(dir.resolve("lines.csv"), bom, LINES, sink -> {
            for (PlanResult.Route r : plan.routes()) {
                for (PlanResult.Stop s : r.stops()) {
                    for (DeliveryOrder o : s.lines()) {
                        sink.row(r.vehicleId(), s.stopNo(), s.siteId(), o.sku(), o.qty(), o.orderId());
                    }
                }
            }
        });
        write(dir.resolve("unserved.csv"), bom, UNSERVED, sink -> {
            for (PlanResult.UnservedOrder u : plan.unserved()) {
                sink.row(u.order().orderId(), u.order().siteId(), u.order().sku(), u.order().qty(), u.reason());
            }
        });
        write(dir.resolve("summary.csv"), bom, SUMMARY, sink -> {
            sink.row("vehicles_used", plan.vehiclesUsed());
            sink.row("stops", plan.stops());
            sink.row("units_delivered", plan.unitsDelivered());
            sink.row("units_unserved", plan.unitsUnserved());
            sink.row("total_travel_minutes", plan.totalTravelMinutes());
            sink.row("score", plan.score());
        });
    }

    private static void write(Path file, boolean bom, List<String> header, Consumer<CsvSink> rows) {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp); CsvSink sink = CsvSink.to(os, bom)) {
                sink.header(header);
                rows.accept(sink);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
