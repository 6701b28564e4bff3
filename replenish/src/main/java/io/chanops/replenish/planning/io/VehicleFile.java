package io.chanops.replenish.planning.io;

import io.chanops.ledger.Problem;
import io.chanops.ledger.csv.Cells;
import io.chanops.ledger.csv.CsvRow;
import io.chanops.ledger.csv.CsvSource;
import io.chanops.ledger.imports.ProblemList;
import io.chanops.ledger.master.KnownIds;
import io.chanops.ledger.model.Site;
import io.chanops.ledger.time.LocalTimes;
import io.chanops.replenish.planning.VehicleSpec;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads {@code vehicles.csv} ({@code vehicle_id,depot,capacity,shift_start,shift_end}); every problem is reported at
 * once.
 */
public final class VehicleFile {
    public static final List<String> COLUMNS = List.of("vehicle_id", "depot", "capacity", "shift_start", "shift_end");

    private VehicleFile() {}

    /** {@code sites} are the ledger's sites: a depot must be one of its warehouses. */
    public static List<VehicleSpec> read(Path file, Charset charset, Map<String, Site> sites, Consumer<String> warn) {
        ProblemList problems = new ProblemList();
        List<VehicleSpec> vehicles = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        KnownIds depots = new KnownIds(sites.values().stream()
                .filter(s -> !s.isStore())
                .map(Site::siteId)
                .toList());
        try (CsvSource csv = CsvSource.open(file, charset)) {
            csv.require(COLUMNS).warnUnknown(Set.copyOf(COLUMNS), warn);
            for (CsvRow row : csv) {
                if (row.rejected(problems::add)) {
                    continue;
                }
                int before = problems.size();
                String id = row.get("vehicle_id");
                if (id.isEmpty()) {
                    problems.add(row.problem("vehicle_id", "empty: every vehicle needs an id"));
                } else if (!ids.add(id)) {
                    problems.add(row.problem("vehicle_id", "vehicle " + id + " appears twice"));
                }
                String depot = row.get("depot");
                Site site = sites.get(depot);
                if (depot.isEmpty()) {
                    problems.add(row.problem("depot", "empty: the warehouse the vehicle loads at is required"));
                } else if (site == null) {
                    problems.add(row.problem(
                            "depot",
                            "unknown site " + depot + depots.hint(depot, " (import it with 'chanops site import')")));
                } else if (site.isStore()) {
                    problems.add(row.problem("depot", depot + " is a store; a depot must be a warehouse"));
                }
                Long capacity = Cells.whole(row.get("capacity"), Cells.MAX_QUANTITY);
                if (capacity == null) {
                    problems.add(row.problem(
                            "capacity", Cells.whyNotWhole(row.get("capacity"), Cells.MAX_QUANTITY) + " (units)"));
                } else if (capacity <= 0) {
                    problems.add(row.problem(
                            "capacity", "'" + row.get("capacity") + "': must be a whole number of units > 0"));
                }
                Optional<LocalTime> start = time(row, "shift_start", problems);
                Optional<LocalTime> end = time(row, "shift_end", problems);
                if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
                    problems.add(row.problem(
                            "shift_end",
                            end.get() + " is not after shift_start " + start.get()
                                    + " (shifts past midnight are not supported)"));
                }
                if (problems.size() == before) {
                    vehicles.add(new VehicleSpec(id, depot, capacity, start.get(), end.get()));
                }
            }
        }
        if (problems.isEmpty() && vehicles.isEmpty()) {
            problems.add(Problem.ofFile(file.toString(), "no vehicles: at least one row is needed"));
        }
        problems.rejectIfAny();
        return List.copyOf(vehicles);
    }

    private static Optional<LocalTime> time(CsvRow row, String column, ProblemList problems) {
        Optional<LocalTime> t = LocalTimes.parseHourMinute(row.get(column));
        if (t.isEmpty()) {
            problems.add(row.problem(column, "'" + row.get(column) + "': expected HH:MM (00:00-23:59)"));
        }
        return t;
    }
}
