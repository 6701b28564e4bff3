package io.chanops.cli.demo;

import io.chanops.cli.ExitCode;
import java.util.List;

/**
 * The scarce-stock part of the demo: last night's count at the warehouse, entered the next
 * morning without a file, finds only 12 of the
 * 20W chargers that Wednesday's regular orders need; rebalance shares them out by urgency, asks a store above its S for
 * what it can spare, names what stays short, and raises the transfer.
 */
public final class RebalanceDemo implements DemoSection {
    @Override
    public List<DemoStep> steps() {
        return List.of(
                DemoStep.of(
                        "Last night's count at the warehouse found only 12 20W chargers: one move, entered without a "
                                + "file",
                        "stock",
                        "add",
                        "--site",
                        "GZ-WH",
                        "--sku",
                        "AC-CHG-20W",
                        "--kind",
                        "count",
                        "--qty",
                        "12",
                        "--ref",
                        "INV-WH-0301",
                        "--at",
                        "2026-03-01 20:00"),
                DemoStep.expecting(
                        ExitCode.ATTENTION,
                        "Share the short warehouse out by urgency, with transfers from stores above S; exit 3 = units "
                                + "short",
                        "replenish",
                        "rebalance",
                        "--date",
                        "2026-03-04",
                        "--apply",
                        "--format",
                        "table"),
                DemoStep.of(
                        "The transfer it raised", "replenish", "orders", "--kind", "transfer", "--format", "table"));
    }
}
