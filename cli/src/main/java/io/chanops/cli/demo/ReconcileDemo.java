package io.chanops.cli.demo;

import java.util.List;

/**
 * The reconcile part of the demo: January's online orders against January's BOSS export, then February's with
 * {@code --carry}, which finds a January order BOSS only accepted in February (RESOLVED_LATE) and records the February
 * reversals of January orders (the commission clawbacks of the finance section).
 */
public final class ReconcileDemo implements DemoSection {
    static final String PROFILE = "samples/boss-profile.properties";

    /** reconcile run over the month's two sample files (2026-01 or 2026-02), then {@code more}. */
    private static String[] reconcileRun(String month, String... more) {
        return DemoStep.args(
                List.of(
                        "reconcile",
                        "run",
                        "--platform",
                        "samples/platform-orders-" + month + ".csv",
                        "--boss",
                        "samples/boss-" + month + ".csv",
                        "--profile",
                        PROFILE),
                more);
    }

    @Override
    public List<String> sampleFiles() {
        return List.of(
                "boss-profile.properties",
                "platform-orders-2026-01.csv",
                "boss-2026-01.csv",
                "platform-orders-2026-02.csv",
                "boss-2026-02.csv");
    }

    @Override
    public List<DemoStep> steps() {
        return List.of(
                DemoStep.expecting(
                        3,
                        "Reconcile January's online orders against the BOSS export (GB18030, through the profile); "
                                + "a handful of each discrepancy is planted, so exit 3",
                        reconcileRun("2026-01", "--out", "out/reconcile-2026-01")),
                DemoStep.expecting(
                        3,
                        "Reconcile February with --carry: a January order missing in BOSS turns up (RESOLVED_LATE); "
                                + "January orders refunded in February are confirmed with their BOSS reversals",
                        reconcileRun("2026-02", "--out", "out/reconcile-2026-02", "--carry", "--mask")),
                DemoStep.expecting(4, "The same pair of files again is refused", reconcileRun("2026-02")),
                DemoStep.of("The runs in the ledger", "reconcile", "list", "--format", "table"),
                DemoStep.of(
                        "January's amount mismatches",
                        "reconcile",
                        "show",
                        "1",
                        "--category",
                        "AMOUNT_MISMATCH",
                        "--format",
                        "table",
                        "--mask"));
    }
}
