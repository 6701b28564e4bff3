package io.chanops.cli.replenish;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.UserException;
import io.chanops.cli.mixin.OutputOptions;
import io.chanops.cli.support.Listing;
import io.chanops.cli.support.Style;
import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import io.chanops.ledger.master.KnownIds;
import io.chanops.ledger.text.Named;
import io.chanops.replenish.rebalance.Allocation;
import io.chanops.replenish.rebalance.RebalanceService;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "rebalance",
        footerHeading = "%nExamples:%n",
        footer = {
            "  chanops replenish rebalance --date 2026-03-02",
            "  chanops replenish rebalance --date 2026-03-02 --warehouse GZ-WH --out r.csv",
            "  chanops replenish rebalance --date 2026-03-02 --apply"
        },
        description = {
            "Scarce stock: allocate a short warehouse by urgency and cover what it cannot ship with transfers from "
                    + "stores above S.",
            "For each warehouse and SKU whose open orders due on or before DATE exceed its available stock: "
                    + "emergencies first, then furthest below L, orders taken whole; the rest from stores of the same "
                    + "warehouse above S (largest excess first, never below S).",
            "Lists action,order_id,from_site,to_site,sku,qty (allocate, transfer or short); nothing short: no rows. "
                    + "Exit 3 when anything is short."
        })
public final class ReplenishRebalanceCommand extends ChanopsCommand {
    public static final List<String> COLUMNS = List.of("action", "order_id", "from_site", "to_site", "sku", "qty");

    @Option(
            names = "--date",
            required = true,
            paramLabel = "DATE",
            description = "Open orders due on or before this day (YYYY-MM-DD); transfers are due that day.")
    LocalDate date;

    @Option(names = "--warehouse", paramLabel = "W", description = "Only this warehouse and its stores.")
    String warehouse;

    @Option(
            names = "--apply",
            description = "Raise the transfers as orders of kind 'transfer' (from the donor) and shrink or cancel the "
                    + "orders they cover, in one transaction. Refused (exit 4, nothing written) if an order or a "
                    + "donor's stock changed since it was read.")
    boolean apply;

    @Mixin
    OutputOptions output;

    @Override
    protected int run() {
        RebalanceService service = RebalanceService.of(ctx().ledger(), ctx().operation());
        if (warehouse != null && !service.warehouses().contains(warehouse)) {
            List<String> known = service.warehouses().stream().sorted().toList();
            // exit 4, as an unknown site in any other filter
            throw InputRejectedException.of(new Problem(
                    "replenish rebalance",
                    0,
                    "--warehouse",
                    "no warehouse '" + warehouse + "'"
                            + new KnownIds(known)
                                    .hint(warehouse, " (the warehouses: " + Named.firstOf(known, 12) + ")")));
        }
        RebalanceService.Proposal proposal = service.propose(date, warehouse);
        Listing listing = listing(proposal);
        // Printed before anything is applied: RebalanceApplyRaceTest changes an order when it sees this line.
        if (proposal.lines().isEmpty()) {
            ctx().info("nothing short: every warehouse can ship its open orders due on or before " + date);
        } else {
            ctx().info(String.format(
                    "%d units allocated, %d transferred, %d short",
                    proposal.units(Allocation.Action.ALLOCATE),
                    proposal.units(Allocation.Action.TRANSFER),
                    proposal.units(Allocation.Action.SHORT)));
        }
        if (apply && proposal.units(Allocation.Action.TRANSFER) > 0) {
            RebalanceService.Application applied = service.apply(proposal, () -> output.publishFile(ctx(), listing));
            if (applied.refused()) {
                applied.changed().forEach(change -> ctx().err().println(change));
                throw UserException.inputRejected(applied.changed().size()
                        + " of the orders and donors read changed before the transfers were written: nothing was"
                        + " written; run rebalance again");
            }
            output.print(ctx(), listing);
            ctx().info("raised " + Named.count(applied.transferIds().size(), "transfer order") + " ("
                    + String.join(", ", applied.transferIds()) + "); " + Named.count(applied.shrunk(), "order")
                    + " shrunk, "
                    + (applied.received() == 0 ? "" : applied.received() + " received (the rest now covered), ")
                    + applied.cancelled() + " cancelled");
        } else {
            output.render(ctx(), listing);
            if (apply) {
                ctx().info("no transfers to raise: nothing written");
            }
        }
        if (proposal.anyShort()) {
            ctx().warn(Named.count(proposal.units(Allocation.Action.SHORT), "unit")
                    + " short: neither the warehouse nor its stores" + " above S have them");
            return ExitCode.ATTENTION;
        }
        return ExitCode.OK;
    }

    private static Listing listing(RebalanceService.Proposal proposal) {
        Listing listing = new Listing(COLUMNS).styleRows(row -> switch (String.valueOf(row.get(0))) {
            case "short" -> Style.RED;
            case "transfer" -> Style.YELLOW;
            default -> Style.NONE;
        });
        for (Allocation.Line l : proposal.lines()) {
            listing.add(
                    l.action().code(),
                    l.orderId(),
                    l.fromSite() == null ? "" : l.fromSite(),
                    l.toSite(),
                    l.sku(),
                    l.qty());
        }
        return listing;
    }
}
