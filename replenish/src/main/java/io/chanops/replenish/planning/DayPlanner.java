package io.chanops.replenish.planning;

import io.chanops.replenish.planning.io.MatrixFile;
import io.chanops.replenish.planning.io.TravelMatrix;
import io.chanops.replenish.planning.io.VehicleFile;
import io.chanops.replenish.planning.solver.EmergencyPlanner;
import io.chanops.replenish.planning.solver.SolverSettings;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** {@code replenish plan}: reads the day from the ledger and the files, validates everything, then plans it. */
public final class DayPlanner {
    /** What the user asked for. {@code matrix} may be null (great-circle travel only). */
    public record Request(
            LocalDate date,
            Path vehicles,
            Path matrix,
            Charset charset,
            double speedKmh,
            int serviceMinutes,
            boolean includeRegular,
            SolverSettings settings,
            EmergencyPlanner.Method method) {}

    private final DeliveryDay deliveries;

    public DayPlanner(DeliveryDay deliveries) {
        this.deliveries = deliveries;
    }

    /**
     * Reads and validates (exit 4 on any problem, before solving), then solves. The plan keeps the orders as read, for
     * {@link DeliveryDay#apply}.
     */
    public DayPlan plan(Request request, Consumer<String> warn, Consumer<PlanResult.Improvement> onImprovement) {
        DeliveryDay.Snapshot day = deliveries.load(request.date(), request.includeRegular());
        PlanResult result =
                EmergencyPlanner.plan(input(day, request, warn), request.settings(), request.method(), onImprovement);
        return new DayPlan(request.date(), result, day.ordersAsRead());
    }

    private static PlanInput input(DeliveryDay.Snapshot day, Request request, Consumer<String> warn) {
        List<VehicleSpec> vehicles = VehicleFile.read(request.vehicles(), request.charset(), day.sites(), warn);
        MatrixFile.Entries matrix = request.matrix() == null
                ? MatrixFile.Entries.none()
                : MatrixFile.read(request.matrix(), request.charset(), day.sites(), warn);
        Set<String> places = new LinkedHashSet<>();
        vehicles.forEach(v -> places.add(v.depot()));
        Set<String> depots = Set.copyOf(places);
        List<DeliveryOrder> orders = new ArrayList<>();
        for (DeliveryOrder o : day.orders()) {
            // Orders of a warehouse without vehicles are reported unserved without needing travel times.
            if (depots.contains(o.warehouse())) {
                places.add(o.siteId());
            }
            orders.add(o);
        }
        var travel = TravelMatrix.build(List.copyOf(places), day.sites(), matrix, request.speedKmh());
        return new PlanInput(
                request.date(), orders, vehicles, day.sites(), day.available(), travel, request.serviceMinutes());
    }
}
