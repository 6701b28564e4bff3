package io.chanops.replenish.position;

import io.chanops.catalog.ProductRepository;
import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.Problem;
import io.chanops.ledger.site.SiteRepository;
import java.util.ArrayList;
import java.util.List;

/**
 * The site and SKU a listing or a run over positions is limited to, null where it is not. A site or SKU the ledger
 * does not know is refused, naming the one it most likely meant, rather than matched against nothing: a mistyped store would otherwise list no positions and
 * no orders, which reads as "nothing to report" (SPEC §3.1, a mistake never passes silently).
 */
public record PositionFilter(String site, String sku) {
    /**
     * Rejects (exit 4, nothing done) a site or SKU that is not in the ledger, naming the option; {@code command} names
     * the caller in the message ({@code "stock show"}).
     */
    public void requireKnown(Ledger ledger, String command) {
        List<Problem> problems = ledger.read(h -> {
            List<Problem> unknown = new ArrayList<>();
            if (site != null && h.attach(SiteRepository.class).find(site).isEmpty()) {
                String hint =
                        h.attach(SiteRepository.class).known().hint(site, " ('chanops site list' shows the sites)");
                unknown.add(new Problem(command, 0, "--site", "unknown site '" + site + "'" + hint));
            }
            if (sku != null && h.attach(ProductRepository.class).find(sku).isEmpty()) {
                String hint = h.attach(ProductRepository.class)
                        .known()
                        .hint(sku, " ('chanops catalog list' shows the products)");
                unknown.add(new Problem(command, 0, "--sku", "unknown SKU '" + sku + "'" + hint));
            }
            return unknown;
        });
        if (!problems.isEmpty()) {
            throw new InputRejectedException(problems);
        }
    }

    /**
     * As {@link #requireKnown}, and rejects a warehouse for {@code --site}: the policy commands run over stores only,
     * and would otherwise tune, list or simulate nothing without a word.
     */
    public void requireKnownStore(Ledger ledger, String command) {
        requireKnown(ledger, command);
        if (site != null
                && ledger.read(h -> h.attach(SiteRepository.class).find(site))
                        .filter(s -> !s.isStore())
                        .isPresent()) {
            throw InputRejectedException.of(new Problem(
                    command,
                    0,
                    "--site",
                    "'" + site + "' is a warehouse; policies apply to stores (a warehouse's stock is shared out by"
                            + " 'chanops replenish rebalance')"));
        }
    }
}
