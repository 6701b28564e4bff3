package io.chanops.cli.policy;

import io.chanops.cli.ChanopsCommand;
import io.chanops.cli.ExitCode;
import io.chanops.cli.mixin.OutputOptions;
import io.chanops.cli.mixin.PositionFilterOptions;
import io.chanops.cli.support.ColumnType;
import io.chanops.cli.support.Listing;
import io.chanops.cli.support.Style;
import io.chanops.replenish.policy.PolicyFile;
import io.chanops.replenish.policy.PolicyRecord;
import io.chanops.replenish.policy.PolicyService;
import io.chanops.replenish.position.PositionFilter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "list",
        footerHeading = "%nExamples:%n",
        footer = {"  chanops policy list --site GZ-TH-01", "  chanops policy list --sku HS-IP16-128 --format csv"},
        description =
                "List policies. The CSV imports back (policy import): its first eight columns are those of policies.csv.")
public final class PolicyListCommand extends ChanopsCommand {
    /** The columns of policies.csv, then what the ledger records of each policy: a listing imports back. */
    public static final List<String> COLUMNS = PolicyFile.LISTED;

    @Mixin
    PositionFilterOptions positions;

    @Mixin
    OutputOptions output;

    @Override
    protected int run() {
        Listing listing = new Listing(COLUMNS).styleRows(row -> "true".equals(row.get(6)) ? Style.CYAN : Style.NONE);
        PositionFilter only = positions.storesOn(ctx().ledger(), PolicyFile.STORES_ONLY);
        for (PolicyRecord p :
                PolicyService.of(ctx().ledger(), ctx().operation()).list(only.site(), only.sku())) {
            listing.add(
                    p.siteId(),
                    p.sku(),
                    p.policy().t(),
                    p.policy().r(),
                    p.policy().s(),
                    p.policy().l(),
                    Boolean.toString(p.locked()),
                    p.lockedUntil(),
                    p.source(),
                    p.setBy(),
                    p.reason(),
                    p.tunedAt(),
                    p.updatedAt());
        }
        listing.type(ColumnType.BOOLEAN, "locked");
        output.render(ctx(), listing);
        return ExitCode.OK;
    }
}
