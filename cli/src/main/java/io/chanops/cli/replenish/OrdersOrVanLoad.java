package io.chanops.cli.replenish;

import io.chanops.cli.UserException;
import io.chanops.replenish.orders.Order;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The orders a command changes: the ids named, or a van's planned load ({@code --vehicle V [--date D]}), one or the
 * other. Shared by {@code replenish ship} and {@code replenish unplan}.
 */
final class OrdersOrVanLoad {
    @Parameters(paramLabel = "ID", arity = "0..*", description = "Order ids, e.g. RO-20260302-000001.")
    List<String> ids = List.of();

    @Option(
            names = "--vehicle",
            paramLabel = "V",
            description = "The orders planned on vehicle V (by replenish plan --apply), in stop order.")
    String vehicle;

    @Option(
            names = "--date",
            paramLabel = "DATE",
            description = "With --vehicle: the delivery day YYYY-MM-DD of the load (needed when the van holds the"
                    + " planned orders of several days).")
    LocalDate date;

    /** Runs {@code byIds} or {@code byVehicle} (vehicle, day or null), as the options say; {@code action}: "ship". */
    List<Order> change(
            String action,
            Function<List<String>, List<Order>> byIds,
            BiFunction<String, LocalDate, List<Order>> byVehicle) {
        if (ids.isEmpty() == (vehicle == null)) {
            throw UserException.usage(
                    "give the ids of the orders to " + action + ", or --vehicle V for a van's planned orders");
        }
        if (date != null && vehicle == null) {
            throw UserException.usage("--date picks the day of a vehicle's load: give it with --vehicle V");
        }
        return vehicle == null ? byIds.apply(ids) : byVehicle.apply(vehicle, date);
    }
}
