package io.chanops.cli.demo;

import io.chanops.cli.ExitCode;
import java.util.List;

/**
 * The replenish part of the demo: kiosk policies imported and locked (a kiosk holds at most 30 SIMs), the rest tuned
 * from 8 weeks of sales, a launch override set by hand, then Monday's check (first of cycle 8: regular orders, and
 * emergency orders due today for the stores that ran out, which the planning section then routes).
 */
public final class ReplenishDemo implements DemoSection {
    @Override
    public List<String> sampleFiles() {
        return List.of("policies.csv", "moves-2026-03-02-morning.csv");
    }

    @Override
    public List<DemoStep> steps() {
        return List.of(
                DemoStep.of(
                        "Import fixed policies for the self-service kiosks (locked: a kiosk holds 30 SIMs)",
                        "policy",
                        "import",
                        "samples/policies.csv"),
                DemoStep.of(
                        "Tune R, S, L of every other position from the last 28 days of sales (days out of stock left "
                                + "out)",
                        "policy",
                        "tune",
                        "--format",
                        "table"),
                DemoStep.of(
                        "Override one position by hand for a launch: who, why and until when are recorded",
                        "policy",
                        "set",
                        "--site",
                        "GZ-TH-01",
                        "--sku",
                        "HS-MATE70-256",
                        "--R",
                        "45",
                        "--S",
                        "70",
                        "--L",
                        "8",
                        "--reason",
                        "Mate 70 launch promotion",
                        "--until",
                        "2026-03-15"),
                DemoStep.of("Policies of one store", "policy", "list", "--site", "GZ-TH-01", "--format", "table"),
                DemoStep.expecting(
                        ExitCode.ATTENTION,
                        "Monday's check: emergency orders (red) and regular orders; exit 3 = emergency raised",
                        "replenish",
                        "check",
                        "--format",
                        "table"),
                DemoStep.of(
                        "Running it again in the same cycle raises nothing", "replenish", "check", "--format", "table"),
                DemoStep.of(
                        "Before importing this morning's sales (a group purchase among them): what would they raise?"
                                + " A dry run writes nothing and lists the emergency alerts the import would raise",
                        "stock",
                        "import",
                        "samples/moves-2026-03-02-morning.csv",
                        "--dry-run"),
                DemoStep.of(
                        "Emergency orders due today, for the planner",
                        "replenish",
                        "orders",
                        "--kind",
                        "emergency",
                        "--due",
                        "2026-03-02",
                        "--format",
                        "table"),
                DemoStep.of(
                        "Why did GZ-TH-01 order iPhone 16?",
                        "replenish",
                        "explain",
                        "--site",
                        "GZ-TH-01",
                        "--sku",
                        "HS-IP16-128",
                        "--format",
                        "table"),
                DemoStep.of(
                        "The network at a glance: positions below R and L, days of cover",
                        "stock",
                        "summary",
                        "--format",
                        "table"),
                DemoStep.of(
                        "Positions below their emergency point",
                        "stock",
                        "show",
                        "--below",
                        "L",
                        "--site",
                        "GZ-TH-01",
                        "--format",
                        "table"));
    }
}
