package io.chanops.cli.mixin;

import io.chanops.ledger.Ledger;
import io.chanops.replenish.position.PositionFilter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --site} and {@code --sku} of the commands that list or run over positions; unknown ones are refused. */
public final class PositionFilterOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--site", paramLabel = "S", description = "Only this site.")
    String site;

    @Option(names = "--sku", paramLabel = "K", description = "Only this SKU.")
    String sku;

    /** The filter, checked against {@code ledger}: a site or SKU it does not know is refused (exit 4). */
    public PositionFilter checkedOn(Ledger ledger) {
        PositionFilter filter = new PositionFilter(site, sku);
        filter.requireKnown(ledger, commandName());
        return filter;
    }

    /**
     * As {@link #checkedOn}, for a command over store positions: a warehouse is refused too, saying {@code why} the
     * command takes stores only.
     */
    public PositionFilter storesOn(Ledger ledger, String why) {
        PositionFilter filter = new PositionFilter(site, sku);
        filter.requireKnownStore(ledger, commandName(), why);
        return filter;
    }

    /** The site given to {@code --site}, if any. */
    public String site() {
        return site;
    }

    /** The command's name as messages give it ({@code "replenish orders"}). */
    public String commandName() {
        return command.qualifiedName(" ").replaceFirst("^chanops ", "");
    }
}
