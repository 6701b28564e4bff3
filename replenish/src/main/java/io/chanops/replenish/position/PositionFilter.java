package io.chanops.replenish.position;

import io.chanops.catalog.ProductRepository;
import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Ledger;
import io.chanops.ledger.Problem;
import io.chanops.ledger.site.SiteRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
            unknownSite(h.attach(SiteRepository.class), command, "--site", site).ifPresent(unknown::add);
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
     * As {@link #requireKnown}, and rejects a warehouse for {@code --site}, saying {@code why} the command takes stores
     * only ({@code "policies apply to stores"}): it would otherwise list, tune or simulate nothing without a word.
     */
    public void requireKnownStore(Ledger ledger, String command, String why) {
        requireKnown(ledger, command);
        if (site != null
                && ledger.read(h -> h.attach(SiteRepository.class).find(site))
                        .filter(s -> !s.isStore())
                        .isPresent()) {
            throw InputRejectedException.of(new Problem(command, 0, "--site", "'" + site + "' is a warehouse; " + why));
        }
    }

    /** Rejects (exit 4) a site given to {@code option} of {@code command} that is not in the ledger, as {@code --site}. */
    public static void requireKnownSite(Ledger ledger, String command, String option, String site) {
        ledger.read(h -> unknownSite(h.attach(SiteRepository.class), command, option, site))
                .ifPresent(p -> {
                    throw InputRejectedException.of(p);
                });
    }

    private static Optional<Problem> unknownSite(SiteRepository sites, String command, String option, String site) {
        if (site == null || sites.find(site).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Problem(
                command,
                0,
                option,
                "unknown site '" + site + "'" + sites.known().hint(site, " ('chanops site list' shows the sites)")));
    }
}
