package io.chanops.cli.stock;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.mixin.OutputOptions;
import io.chanops.cli.mixin.PositionFilterOptions;
import io.chanops.cli.support.Listing;
import io.chanops.cli.support.Style;
import io.chanops.replenish.position.PositionFilter;
import io.chanops.replenish.position.PositionQuery;
import io.chanops.replenish.position.PositionStatus;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "show",
        footerHeading = "%nExamples:%n",
        footer = {"  chanops stock show --site GZ-TH-01", "  chanops stock show --below R --format csv"},
        description =
                "On hand, on order, inventory position and policy per position, with its state (ok, below_R, below_L, "
                        + "no_policy).")
public final class StockShowCommand extends ChanopsCommand {
    public static final List<String> COLUMNS =
            List.of("site_id", "sku", "on_hand", "on_order", "position", "t_days", "R", "S", "L", "state");

    enum Level {
        R,
        L
    }

    @Option(
            names = "--below",
            paramLabel = "R|L",
            description = "Only positions with inventory position < R (R), or on hand < L (L).")
    Level below;

    @Mixin
    PositionFilterOptions positions;

    @Mixin
    OutputOptions output;

    @Override
    protected int run() {
        Listing listing = new Listing(COLUMNS).styleRows(row -> switch (String.valueOf(row.get(9))) {
            case "below_L" -> Style.RED;
            case "below_R" -> Style.YELLOW;
            case "no_policy" -> Style.DIM;
            default -> Style.NONE;
        });
        PositionFilter only = positions.checkedOn(ctx().ledger());
        PositionQuery.of(ctx().ledger()).forEach(only.site(), only.sku(), p -> {
            if (matches(p)) {
                listing.add(
                        p.siteId(),
                        p.sku(),
                        p.onHand(),
                        p.onOrder(),
                        p.inventoryPosition(),
                        p.tDays(),
                        p.r(),
                        p.s(),
                        p.l(),
                        p.state().toString());
            }
        });
        output.render(ctx(), listing);
        return ExitCode.OK;
    }

    private boolean matches(PositionStatus p) {
        if (below == null) {
            return true;
        }
        return below == Level.L ? p.l() != null && p.onHand() < p.l() : p.r() != null && p.inventoryPosition() < p.r();
    }
}
