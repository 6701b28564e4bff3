package io.chanops.cli.demo;

import java.util.List;

/**
 * The planning part of the demo: the emergency orders the replenish check raised for 2026-03-02 are routed over the
 * GZ-WH vans of samples/vehicles.csv, first as the dispatcher's table, then as files with the orders marked planned.
 */
public final class PlanningDemo implements DemoSection {
    /** The plan both steps make: 2026-03-02's orders over the sample vans. */
    private static final List<String> PLAN = List.of(
            "replenish", "plan", "--date", "2026-03-02", "--vehicles", "samples/vehicles.csv", "--time-limit", "5s");

    private static String[] plan(String... more) {
        return DemoStep.args(PLAN, more);
    }

    @Override
    public List<String> sampleFiles() {
        return List.of("vehicles.csv");
    }

    @Override
    public List<DemoStep> steps() {
        return List.of(
                DemoStep.of("Plan today's emergency deliveries over the GZ-WH vans (dispatcher view)", plan()),
                DemoStep.of(
                        "Write routes/lines/unserved/summary CSV and mark the planned orders",
                        plan("--out", "out/plan", "--apply")));
    }
}
