package io.chanops.replenish.simulate;

import io.chanops.ledger.model.Position;
import java.time.LocalDate;
import java.util.List;

/**
 * The outcome of {@code policy simulate}: the window, and per candidate (in order, {@code current} first) its totals
 * and, when asked for, each position's metrics in position order.
 */
public record SimulationReport(LocalDate from, LocalDate to, int days, List<Result> candidates) {
    public record Result(String candidate, Metrics total, List<PositionResult> positions) {}

    public record PositionResult(Position position, Metrics metrics) {}
}
