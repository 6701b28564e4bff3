package io.chanops.replenish.simulate;

import io.chanops.replenish.policy.Policy;
import io.chanops.replenish.policy.ReviewCycle;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Runs the {@link DayModel} for every position under every candidate. Positions are independent, so they are spread
 * over the cores; each position's demand array is built once and replayed under each candidate. Totals are summed in
 * position order afterwards, so the result does not depend on the threads. Pure: values in, values out.
 */
public final class Simulation {
    /** The window and the settings every candidate shares. */
    public record Window(LocalDate from, LocalDate to, LocalDate anchor, int leadDays) {
        public Window {
            if (from.isAfter(to)) {
                throw new IllegalArgumentException("the window starts after it ends");
            }
            if (leadDays < 0) {
                throw new IllegalArgumentException("lead days must be >= 0");
            }
        }

        public int days() {
            return (int) (to.toEpochDay() - from.toEpochDay() + 1);
        }
    }

    private Simulation() {}

    /** Simulates {@code positions} under {@code candidates}; keeps each position's metrics when {@code byPosition}. */
    public static SimulationReport run(
            List<RecordedPosition> positions, List<Candidate> candidates, Window window, boolean byPosition) {
        int days = window.days();
        int n = positions.size();
        for (Candidate c : candidates) {
            if (c.policies().size() != n) {
                throw new IllegalArgumentException(
                        "candidate " + c.name() + " has " + c.policies().size() + " policies for " + n + " positions");
            }
        }
        Metrics[][] metrics = new Metrics[candidates.size()][n];
        IntStream.range(0, n).parallel().forEach(i -> {
            RecordedPosition p = positions.get(i);
            long[] demand = p.demand(days);
            for (int c = 0; c < candidates.size(); c++) {
                Policy policy = candidates.get(c).policies().get(i);
                ReviewDays reviews = ReviewDays.of(new ReviewCycle(window.anchor(), policy.t()), window.from());
                metrics[c][i] = DayModel.run(new Replay(p.onHandAtStart(), demand, policy, window.leadDays(), reviews));
            }
        });
        List<SimulationReport.Result> results = new ArrayList<>(candidates.size());
        for (int c = 0; c < candidates.size(); c++) {
            Metrics total = Metrics.NONE;
            List<SimulationReport.PositionResult> rows = byPosition ? new ArrayList<>(n) : List.of();
            for (int i = 0; i < n; i++) {
                total = total.plus(metrics[c][i]);
                if (byPosition) {
                    rows.add(
                            new SimulationReport.PositionResult(positions.get(i).position(), metrics[c][i]));
                }
            }
            results.add(new SimulationReport.Result(candidates.get(c).name(), total, rows));
        }
        return new SimulationReport(window.from(), window.to(), days, results);
    }
}
