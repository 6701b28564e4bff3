package io.chanops.replenish.planning;

import java.time.LocalTime;

/** One row of vehicles.csv: a van based at a warehouse, its capacity in units and its shift. */
public record VehicleSpec(String vehicleId, String depot, long capacity, LocalTime shiftStart, LocalTime shiftEnd) {}
