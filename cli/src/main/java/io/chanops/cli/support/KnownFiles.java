package io.chanops.cli.support;

import io.chanops.catalog.CatalogReader;
import io.chanops.finance.ChannelRates;
import io.chanops.finance.RuleFile;
import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.csv.CsvSource;
import io.chanops.ledger.master.SiteImport;
import io.chanops.reconcile.platform.PlatformReader;
import io.chanops.replenish.planning.io.VehicleFile;
import io.chanops.replenish.policy.PolicyFile;
import io.chanops.replenish.stock.MoveImport;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The CSV files chanops reads, each known by the columns its reader requires. A file refused for missing columns whose
 * header has every column another reader requires was most likely given to the wrong command (a catalog to {@code
 * stock import}): {@link #hint} names the command that reads it.
 */
public final class KnownFiles {
    /** A kind of file: what it is, and which command or option reads it. */
    record Kind(String what, String readBy, List<String> required) {}

    private static final List<Kind> KINDS = List.of(
            new Kind("a site list (sites.csv)", "'chanops site import'", SiteImport.REQUIRED),
            new Kind("a catalog (catalog.csv)", "'chanops catalog import'", CatalogReader.REQUIRED_COLUMNS),
            new Kind("stock moves (moves.csv)", "'chanops stock import'", MoveImport.REQUIRED),
            new Kind(
                    "policies (policies.csv)",
                    "'chanops policy import' (or 'policy simulate --policies')",
                    PolicyFile.COLUMNS),
            new Kind("vans (vehicles.csv)", "'chanops replenish plan --vehicles'", VehicleFile.COLUMNS),
            new Kind(
                    "platform orders (platform-orders.csv)",
                    "'chanops reconcile run --platform'",
                    PlatformReader.COLUMNS),
            new Kind(
                    "commission rules (commission-rules.csv)",
                    "--rules of 'chanops commission report' and 'cost report'",
                    RuleFile.REQUIRED),
            new Kind("channel rates (channel-rates.csv)", "--rates of 'chanops cost report'", ChannelRates.COLUMNS));

    private KnownFiles() {}

    /**
     * For a file refused for missing columns: {@code hint: FILE looks like …: it is read by …} when its header has
     * every column of another kind (the kind requiring the most columns, if several); empty otherwise.
     */
    public static Optional<String> hint(InputRejectedException rejected) {
        if (rejected.header().isEmpty() || rejected.problems().isEmpty()) {
            return Optional.empty();
        }
        String file = rejected.problems().get(0).file();
        return KINDS.stream()
                .filter(kind -> CsvSource.namesAll(rejected.header(), kind.required()))
                .max(Comparator.comparingInt(kind -> kind.required().size()))
                .map(kind -> "hint: " + file + " looks like " + kind.what() + ": it is read by " + kind.readBy());
    }
}
