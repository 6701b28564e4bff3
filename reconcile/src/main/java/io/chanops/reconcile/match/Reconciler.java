package io.chanops.reconcile.match;

import io.chanops.reconcile.boss.BossRow;
import io.chanops.reconcile.boss.BossTable;
import io.chanops.reconcile.platform.PlatformOrder;
import io.chanops.reconcile.platform.PlatformTable;
import java.util.List;

/**
 * The six deterministic rules of SPEC §7 for rows held as objects (tests, small inputs): builds the two tables and runs
 * the {@link Matcher}, then returns every finding as an {@link Item}. Bulk runs use the Matcher on the tables directly.
 */
public final class Reconciler {
    private final Matcher matcher;

    public Reconciler(long toleranceFen, long windowSeconds) {
        this.matcher = new Matcher(toleranceFen, windowSeconds);
    }

    /** The findings: platform-side items in platform file order, then BOSS-only items in BOSS file order. */
    public record Result(List<Item> items, Summary summary) {
        public List<Item> of(Category category) {
            return items.stream().filter(i -> i.category() == category).toList();
        }
    }

    public Result reconcile(List<PlatformOrder> platform, List<BossRow> boss) {
        return reconcile(platform, boss, List.of());
    }

    public Result reconcile(List<PlatformOrder> platform, List<BossRow> boss, List<CarriedOrder> carried) {
        Matching m = matcher.match(PlatformTable.of("platform", platform), BossTable.of("boss", boss), carried);
        return new Result(m.items(), m.summary());
    }
}
