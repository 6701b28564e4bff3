package io.chanops.cli.demo;

import java.util.List;

/**
 * Commission and channel cost for February 2026, from the orders the reconcile steps confirmed: the rules are loaded
 * (and become the active set) with the first report and its detail; a what-if under a draft rule file (--dry-run)
 * leaves them active; a by-rule view follows; then the cost per channel.
 */
public final class FinanceDemo implements DemoSection {
    @Override
    public List<String> sampleFiles() {
        return List.of("commission-rules.csv", "commission-rules-draft.csv", "channel-rates.csv");
    }

    @Override
    public List<DemoStep> steps() {
        return List.of(
                DemoStep.of(
                        "February's commission by channel; loading the rules makes them the active set",
                        "commission",
                        "report",
                        "--month",
                        "2026-02",
                        "--rules",
                        "samples/commission-rules.csv",
                        "--by",
                        "channel",
                        "--format",
                        "table",
                        "--detail",
                        "out/commission-2026-02-detail.csv"),
                DemoStep.of(
                        "What-if: the same month under a draft that raises the Gangding promo to 5%; --dry-run writes "
                                + "nothing, the active set stays",
                        "commission",
                        "report",
                        "--month",
                        "2026-02",
                        "--rules",
                        "samples/commission-rules-draft.csv",
                        "--dry-run",
                        "--format",
                        "table"),
                DemoStep.of(
                        "The same month by rule (the active set is used; clawbacks are booked once)",
                        "commission",
                        "report",
                        "--month",
                        "2026-02",
                        "--by",
                        "rule",
                        "--format",
                        "table"),
                DemoStep.of(
                        "February's cost per channel: transactions, commission, all-in cost, e-channel share and "
                                + "saving",
                        "cost",
                        "report",
                        "--month",
                        "2026-02",
                        "--rates",
                        "samples/channel-rates.csv",
                        "--format",
                        "table"));
    }
}
