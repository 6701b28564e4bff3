package io.chanops.cli.replenish;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.UserException;
import io.chanops.cli.mixin.OutputOptions;
import io.chanops.cli.mixin.PositionFilterOptions;
import io.chanops.cli.support.Listing;
import io.chanops.cli.support.Style;
import io.chanops.ledger.master.KnownIds;
import io.chanops.replenish.orders.Order;
import io.chanops.replenish.orders.OrderKind;
import io.chanops.replenish.orders.OrderService;
import io.chanops.replenish.orders.OrderStatus;
import io.chanops.replenish.position.PositionFilter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "orders",
        footerHeading = "%nExamples:%n",
        footer = {
            "  chanops replenish orders --kind emergency --due 2026-03-02",
            "  chanops replenish orders --status open --site GZ-TH-01 --format csv"
        },
        description = "List replenishment orders (oldest first): "
                + "order_id,site_id,sku,kind,qty,status,raised_at,due_date,warehouse.")
public final class ReplenishOrdersCommand extends ChanopsCommand {
    public static final List<String> COLUMNS =
            List.of("order_id", "site_id", "sku", "kind", "qty", "status", "raised_at", "due_date", "warehouse");

    @Option(names = "--status", paramLabel = "S", description = "open, planned, shipped, received or cancelled.")
    String status;

    @Option(
            names = "--kind",
            paramLabel = "K",
            description = "regular, emergency or transfer (store to store, from rebalance).")
    String kind;

    @Option(names = "--due", paramLabel = "DATE", description = "Only orders due on this day (YYYY-MM-DD).")
    LocalDate due;

    @Option(
            names = "--run",
            paramLabel = "N",
            description = "Only orders check run N raised (a check prints its run number on its last line).")
    Long run;

    @Option(
            names = "--vehicle",
            paramLabel = "V",
            description = "Only orders planned on vehicle V, by delivery day and stop (with --status planned: the"
                    + " loads it has yet to take).")
    String vehicle;

    @Option(
            names = "--warehouse",
            paramLabel = "W",
            description = "Only orders supplied from W: a warehouse, or the store a transfer leaves (the warehouse"
                    + " column).")
    String warehouse;

    @Mixin
    PositionFilterOptions positions;

    @Mixin
    OutputOptions output;

    @Override
    protected int run() {
        PositionFilter only = positions.storesOn(
                ctx().ledger(),
                "--site names the store an order is for, --warehouse " + positions.site()
                        + " lists the orders it supplies");
        PositionFilter.requireKnownSite(ctx().ledger(), positions.commandName(), "--warehouse", warehouse);
        OrderService.Filter filter = new OrderService.Filter(
                parse(status, "--status", OrderStatus::parse, OrderStatus.values()),
                parse(kind, "--kind", OrderKind::parse, OrderKind.values()),
                due,
                only.site(),
                only.sku(),
                run,
                vehicle,
                warehouse);
        Listing listing = new Listing(COLUMNS)
                .hideFirst("raised_at", "warehouse")
                .styleRows(row -> {
                    boolean emergency = "emergency".equals(row.get(3));
                    String st = String.valueOf(row.get(5));
                    if (st.equals("received") || st.equals("cancelled")) {
                        return Style.DIM;
                    }
                    return emergency ? Style.RED : Style.NONE;
                });
        for (Order o : OrderService.of(ctx().ledger(), ctx().operation()).list(filter)) {
            listing.add(
                    o.orderId(),
                    o.siteId(),
                    o.sku(),
                    o.kind().toString(),
                    o.qty(),
                    o.status().toString(),
                    o.raisedAt(),
                    o.dueDate(),
                    o.warehouse());
        }
        output.render(ctx(), listing);
        return ExitCode.OK;
    }

    private static <T> T parse(String text, String option, Function<String, T> parser, Object[] expected) {
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            List<String> words = Arrays.stream(expected).map(String::valueOf).toList();
            throw UserException.usage(option + " " + text + ": expected one of " + String.join(", ", words)
                    + KnownIds.hintAmong(words, text));
        }
    }
}
